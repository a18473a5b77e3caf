/** Summaries of a k-means state: per-row distances to the assigned center, scikit-learn's scaled tolerance, center shift (the inertia is the kernels' `centerInertiaReference`). */
import { rowSquaredDistance } from '../kernels/center-inertia.js';
import type { Matrix } from '../util/matrix.js';

/**
 * ||x_i - centers[labels_i]||^2 per row, in Float64 from differences (what scikit-learn's empty-cluster
 * relocation ranks rows by). O(n d).
 */
export function assignedSquaredDistances(X: Matrix, centers: Matrix, labels: Int32Array): Float64Array {
  const { rows: n, cols: d, data } = X;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rowSquaredDistance(data, i * d, centers.data, labels[i] * d, d);
  return out;
}

/**
 * scikit-learn's `_tolerance`: tol times the mean per-feature variance of X, so `tol` is relative to
 * the data's scale. Float64, two-pass. O(n d).
 */
export function kmeansTolerance(X: Matrix, tol: number): number {
  const { rows: n, cols: d, data } = X;
  if (tol === 0 || n === 0) return 0;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const t = data[i * d + j] - mean[j];
      variance += t * t;
    }
  }
  return (variance / (n * d)) * tol;
}

/** sum_c ||a_c - b_c||^2 between two center sets of equal shape, Float64. */
export function centerShift(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) {
    const t = a.data[i] - b.data[i];
    s += t * t;
  }
  return s;
}
