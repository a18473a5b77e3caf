/**
 * The M-step of k-means as plain TypeScript over typed arrays (irregular, label-dependent, O(n d)):
 * weighted centroid means with Float64 sums, scikit-learn's empty-cluster relocation, and inertia.
 */
import type { Matrix } from '../util/matrix.js';

/**
 * New centers = weighted mean of the rows assigned to each cluster. A cluster left empty is
 * relocated the way scikit-learn 1.2 does (`_relocate_empty_clusters_dense`): the points farthest
 * from their current center (`distance()[i]` = squared distance of row i to centers[labels[i]],
 * asked for only when a cluster is empty) each
 * become the sole member of one empty cluster and are removed from their old cluster's sum. Ties in
 * distance go to the lower row index. With `spherical`, every center is rescaled to unit norm
 * (spherical k-means, Dhillon & Modha 2001).
 * @returns the new centers (k x d, float32) and the weight in each cluster after relocation.
 */
export function updateCentroids(
  X: Matrix,
  weight: Float64Array,
  labels: Int32Array,
  distance: () => ArrayLike<number>,
  k: number,
  spherical: boolean,
): { centers: Matrix; clusterWeight: Float64Array } {
  const { rows: n, cols: d, data } = X;
  const sums = new Float64Array(k * d);
  const clusterWeight = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    const wi = weight[i];
    clusterWeight[c] += wi;
    const off = c * d;
    const row = i * d;
    for (let j = 0; j < d; j++) sums[off + j] += wi * data[row + j];
  }
  relocateEmptyClusters(X, weight, labels, distance, sums, clusterWeight);
  const out = new Float32Array(k * d);
  for (let c = 0; c < k; c++) {
    const inv = clusterWeight[c] > 0 ? 1 / clusterWeight[c] : 0;
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const v = sums[c * d + j] * inv;
      sums[c * d + j] = v;
      norm += v * v;
    }
    const scale = spherical && norm > 0 ? 1 / Math.sqrt(norm) : 1;
    for (let j = 0; j < d; j++) out[c * d + j] = sums[c * d + j] * scale;
  }
  return { centers: { rows: k, cols: d, data: out }, clusterWeight };
}

function relocateEmptyClusters(
  X: Matrix,
  weight: Float64Array,
  labels: Int32Array,
  distance: () => ArrayLike<number>,
  sums: Float64Array,
  clusterWeight: Float64Array,
): void {
  const empty: number[] = [];
  for (let c = 0; c < clusterWeight.length; c++) if (clusterWeight[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const far = farthestRows(distance(), empty.length);
  const d = X.cols;
  for (let e = 0; e < empty.length; e++) {
    const i = far[e];
    const from = labels[i];
    const to = empty[e];
    const wi = weight[i];
    for (let j = 0; j < d; j++) {
      const v = X.data[i * d + j] * wi;
      sums[from * d + j] -= v;
      sums[to * d + j] = v;
    }
    clusterWeight[to] = wi;
    clusterWeight[from] -= wi;
  }
}

/** Indices of the m largest values, largest first, ties to the lower index. O(n m). */
function farthestRows(distance: ArrayLike<number>, m: number): Int32Array {
  const top = new Int32Array(m).fill(-1);
  const n = distance.length;
  for (let i = 0; i < n; i++) {
    const v = distance[i];
    let pos = m;
    while (pos > 0 && (top[pos - 1] === -1 || distance[top[pos - 1]] < v)) pos--;
    if (pos >= m) continue;
    for (let s = m - 1; s > pos; s--) top[s] = top[s - 1];
    top[pos] = i;
  }
  return top;
}

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
    const off = labels[i] * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = data[i * d + j] - centers.data[off + j];
      s += t * t;
    }
    total += (weight ? weight[i] : 1) * s;
  }
  return total;
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
