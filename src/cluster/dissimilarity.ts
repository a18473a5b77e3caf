/**
 * A dissimilarity between n objects that k-medoids accepts: a dense n x n Float64 matrix (row-major,
 * symmetric, zero diagonal) or a function of two indices. Neither needs to be a metric.
 */
import type { DistanceMetric } from '../kernels/distance-metric.js';
import type { Matrix } from '../util/matrix.js';
import { metricRows } from './eps-neighborhoods.js';

export type Dissimilarity =
  | { readonly n: number; readonly matrix: Float64Array }
  | { readonly n: number; readonly distance: (i: number, j: number) => number };

/** Accessor for either form. @throws RangeError when a matrix has the wrong length. */
export function dissimilarityAccessor(D: Dissimilarity, caller: string): (i: number, j: number) => number {
  if ('matrix' in D) {
    const { n, matrix } = D;
    if (matrix.length !== n * n)
      throw new RangeError(`${caller}: dissimilarity matrix length (${matrix.length}) != n*n (${n * n})`);
    return (i, j) => matrix[i * n + j];
  }
  return D.distance;
}

/** Up to this many rows `dissimilarityFromRows` stores the n x n matrix (8000^2 doubles = 512 MB). */
export const DENSE_DISSIMILARITY_MAX_ROWS = 8000;

/**
 * Float64 distances between the rows of X (euclidean, or cosine = 1 - cos): a dense matrix up to
 * DENSE_DISSIMILARITY_MAX_ROWS rows (O(n^2 d) once), above that a function computing each distance
 * on demand (O(d) per call, O(n d) memory).
 * @throws RangeError on a zero row under cosine.
 */
export function dissimilarityFromRows(
  X: Matrix,
  metric: DistanceMetric,
  caller = 'dissimilarityFromRows',
): Dissimilarity {
  const { rows: n, cols: d } = X;
  const p = metricRows(X, metric, caller);
  if (n > DENSE_DISSIMILARITY_MAX_ROWS) {
    const distance =
      metric === 'cosine'
        ? (i: number, j: number) => {
            let s = 0;
            for (let c = 0; c < d; c++) s += p[i * d + c] * p[j * d + c];
            return i === j ? 0 : Math.max(0, 1 - s);
          }
        : (i: number, j: number) => {
            let s = 0;
            for (let c = 0; c < d; c++) {
              const t = p[i * d + c] - p[j * d + c];
              s += t * t;
            }
            return Math.sqrt(s);
          };
    return { n, distance };
  }
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      if (metric === 'cosine') {
        for (let c = 0; c < d; c++) s += p[i * d + c] * p[j * d + c];
        s = Math.max(0, 1 - s);
      } else {
        for (let c = 0; c < d; c++) {
          const t = p[i * d + c] - p[j * d + c];
          s += t * t;
        }
        s = Math.sqrt(s);
      }
      matrix[i * n + j] = s;
      matrix[j * n + i] = s;
    }
  }
  return { n, matrix };
}
