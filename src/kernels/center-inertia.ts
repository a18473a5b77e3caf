/**
 * The reference of the `centerAssigner` contract's `inertia`: the k-means objective in Float64 from
 * differences (scikit-learn's `_inertia_dense` computes it the same way).
 */
import type { Matrix } from '../util/matrix.js';

/** sum_i w_i ||x_i - centers[labels_i]||^2 in Float64. O(n d). */
export function centerInertiaReference(
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
export function rowSquaredDistance(
  a: Float32Array,
  ai: number,
  b: Float32Array,
  bi: number,
  d: number,
): number {
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
