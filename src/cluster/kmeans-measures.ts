/** Summaries of a k-means state: inertia, per-row distances to the assigned center, scikit-learn's scaled tolerance, center shift. */
import type { Matrix } from '../util/matrix.js';

/** sum_i w_i ||x_i - centers[labels_i]||^2 in Float64. O(n d). */
export function kmeansInertia(
  X: Matrix,
  weight: Float64Array | undefined,
  centers: Matrix,
  labels: Int32Array,
): number {
  const { rows: n, cols: d, data } = X;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = rowSquaredDistance(data, i * d, centers.data, labels[i] * d, d);
    total += (weight ? weight[i] : 1) * s;
  }
  return total;
}

/**
 * ||a[ai ..] - b[bi ..]||^2 over d values, in Float64. Four partial sums: one running sum is a chain
 * of dependent adds, about three times slower.
 */
function rowSquaredDistance(a: Float32Array, ai: number, b: Float32Array, bi: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < d; j += 4) {
    const t0 = a[ai + j] - b[bi + j];
    const t1 = a[ai + j + 1] - b[bi + j + 1];
    const t2 = a[ai + j + 2] - b[bi + j + 2];
    const t3 = a[ai + j + 3] - b[bi + j + 3];
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; j < d; j++) {
    const t = a[ai + j] - b[bi + j];
    s0 += t * t;
  }
  return s0 + s1 + s2 + s3;
}

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
