/**
 * Float64 distances computed point by point (no ||a||^2 - 2ab + ||b||^2 shortcut, so no
 * cancellation): the accuracy reference for metrics that must agree with scikit-learn or R to
 * 1e-9. Slower than the GEMM-shaped `distances` kernel; use it where accuracy beats speed.
 */
import type { Matrix } from '../util/matrix.js';
import type { DistanceMetric } from './distance-metric.js';

/** Row norms in float64 (for cosine). @throws RangeError naming the row for a zero vector. */
export function rowNormsFloat64(X: Matrix, caller: string): Float64Array {
  const norms = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let s = 0;
    for (let c = 0; c < X.cols; c++) s += X.data[i * X.cols + c] * X.data[i * X.cols + c];
    if (s === 0)
      throw new RangeError(`${caller}: row ${i} is a zero vector; cosine distance is undefined for it`);
    norms[i] = Math.sqrt(s);
  }
  return norms;
}

/**
 * Distances from rows `start..end` of X to every row of X, as an (end-start) x X.rows float64
 * array. Cosine distance is 1 - cos clipped to [0, 2] (scikit-learn's `cosine_distances`); a row's
 * distance to itself is exactly 0. `norms` are the row norms (cosine only). O((end-start) n d).
 */
export function distanceRowsFloat64(
  X: Matrix,
  start: number,
  end: number,
  metric: DistanceMetric,
  norms?: Float64Array,
  out: Float64Array = new Float64Array((end - start) * X.rows),
): Float64Array {
  const { rows: n, cols: d, data } = X;
  for (let i = start; i < end; i++) {
    const o = (i - start) * n;
    const oi = i * d;
    for (let j = 0; j < n; j++) {
      const oj = j * d;
      let s = 0;
      if (metric === 'euclidean') {
        for (let c = 0; c < d; c++) {
          const t = data[oi + c] - data[oj + c];
          s += t * t;
        }
        out[o + j] = Math.sqrt(s);
      } else {
        for (let c = 0; c < d; c++) s += data[oi + c] * data[oj + c];
        const v = 1 - s / ((norms as Float64Array)[i] * (norms as Float64Array)[j]);
        out[o + j] = i === j ? 0 : Math.min(2, Math.max(0, v));
      }
    }
  }
  return out;
}
