/**
 * Input checks and preparation shared by the k-means family: finite values, sample weights and the
 * cosine (unit-row) transform.
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
 * else X itself, no copy. (scikit-learn mean-centers X to limit cancellation in
 * ||x||^2 - 2 x.c + ||c||^2; here the kernels shift by the centers' mean themselves, and inertia and
 * Hamerly's distances are computed from differences, so a centered copy of X would buy nothing.)
 * @throws RangeError naming `caller`, row and column for NaN/Inf, or the row of a zero vector under cosine.
 */
export function prepareKMeansInput(X: Matrix, metric: DistanceMetric, caller: string): Matrix {
  assertFinite(X, caller);
  return metric === 'cosine' ? normalizeRows(X, caller) : X;
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
