/**
 * Input checks and preparation shared by the k-means family: finite values, sample weights, the
 * cosine (unit-row) transform and scikit-learn's mean-centering for numerical accuracy.
 */
import { normalizeRows } from '../kernels/distance-metric.js';
import type { DistanceMetric } from '../kernels/distance-metric.js';
import type { Matrix } from '../util/matrix.js';
import { assertFinite } from '../util/matrix.js';

/**
 * Validated weights as Float64 (all ones when omitted).
 * @throws RangeError naming `caller` when the length differs from `rows`, a weight is negative or not finite, or all are 0.
 */
export function checkSampleWeight(
  weight: ArrayLike<number> | undefined,
  rows: number,
  caller: string,
): Float64Array {
  if (weight === undefined) return new Float64Array(rows).fill(1);
  if (weight.length !== rows)
    throw new RangeError(`${caller}: sampleWeight.length (${weight.length}) != rows (${rows})`);
  const out = new Float64Array(rows);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const w = weight[i];
    if (!Number.isFinite(w) || w < 0)
      throw new RangeError(`${caller}: sampleWeight[${i}] (${w}) must be finite and >= 0`);
    out[i] = w;
    total += w;
  }
  if (total === 0) throw new RangeError(`${caller}: sampleWeight sums to 0`);
  return out;
}

/**
 * The matrix a k-means run works on: unit rows under cosine (spherical k-means; a zero row throws),
 * else X minus its column means (scikit-learn centers dense data the same way so that
 * ||x||^2 - 2 x.c + ||c||^2 loses less to cancellation). `mean` is added back to the centers after.
 * @throws RangeError naming `caller`, row and column for NaN/Inf, or the row of a zero vector under cosine.
 */
export function prepareKMeansInput(
  X: Matrix,
  metric: DistanceMetric,
  caller: string,
): { data: Matrix; mean: Float64Array } {
  assertFinite(X, caller);
  const mean = new Float64Array(X.cols);
  if (metric === 'cosine') return { data: normalizeRows(X, caller), mean };
  const { rows: n, cols: d, data } = X;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] = n > 0 ? mean[j] / n : 0;
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = data[i * d + j] - mean[j];
  return { data: { rows: n, cols: d, data: out }, mean };
}

/** Centers moved into (or, with sign -1, out of) the prepared space: c + sign * mean. */
export function shiftRows(C: Matrix, mean: Float64Array, sign: 1 | -1): Matrix {
  const out = new Float32Array(C.data.length);
  for (let i = 0; i < C.rows; i++)
    for (let j = 0; j < C.cols; j++) out[i * C.cols + j] = C.data[i * C.cols + j] + sign * mean[j];
  return { rows: C.rows, cols: C.cols, data: out };
}

/**
 * Rows to assign under a fitted model: unit rows under cosine, else X as is.
 * @throws RangeError naming `caller` for a column-count mismatch, non-finite values or zero rows under cosine.
 */
export function preparePredictInput(X: Matrix, cols: number, metric: DistanceMetric, caller: string): Matrix {
  if (X.cols !== cols) throw new RangeError(`${caller}: X.cols (${X.cols}) != fitted cols (${cols})`);
  assertFinite(X, caller);
  return metric === 'cosine' ? normalizeRows(X, caller) : X;
}
