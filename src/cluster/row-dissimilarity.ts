/**
 * Float64 distances between the rows of a matrix (euclidean, or cosine = 1 - cos) for k-medoids on
 * vectors: stored as a `Dissimilarity` while n^2 doubles fit, computed on demand above that.
 */
import type { DistanceMetric } from '../kernels/distance-metric.js';
import { type Dissimilarity, dissimilarity } from '../util/dissimilarity.js';
import type { Matrix } from '../util/matrix.js';
import { metricRows } from './eps-neighborhoods.js';

/** Up to this many rows k-medoids stores the n x n matrix (8000^2 doubles = 512 MB). */
export const DENSE_DISSIMILARITY_MAX_ROWS = 8000;

/**
 * The n x n Float64 dissimilarity between the rows of X. O(n^2 d) time, n^2 doubles.
 * @throws RangeError on a zero row under cosine.
 * @example dissimilarityFromRows(matrixFromRows([[0, 0], [3, 4]]), 'euclidean').data // [0, 5, 5, 0]
 */
export function dissimilarityFromRows(
  X: Matrix,
  metric: DistanceMetric,
  caller = 'dissimilarityFromRows',
): Dissimilarity {
  const { rows: n, cols: d } = X;
  const p = metricRows(X, metric, caller);
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
  return dissimilarity(n, matrix);
}

/**
 * The same distances as `dissimilarityFromRows`, bit for bit, as a function computing each one on
 * demand: O(d) per call, O(n d) memory, for inputs whose n x n matrix would not fit.
 * @throws RangeError on a zero row under cosine.
 */
export function rowDistance(
  X: Matrix,
  metric: DistanceMetric,
  caller = 'rowDistance',
): (i: number, j: number) => number {
  const d = X.cols;
  const p = metricRows(X, metric, caller);
  if (metric === 'cosine') {
    return (i, j) => {
      let s = 0;
      for (let c = 0; c < d; c++) s += p[i * d + c] * p[j * d + c];
      return i === j ? 0 : Math.max(0, 1 - s);
    };
  }
  return (i, j) => {
    let s = 0;
    for (let c = 0; c < d; c++) {
      const t = p[i * d + c] - p[j * d + c];
      s += t * t;
    }
    return Math.sqrt(s);
  };
}
