/**
 * The M-step of k-means as plain TypeScript over typed arrays (irregular, label-dependent):
 * weighted centroid means from the Float64 per-center sums (`CenterSums`) that the kernels compute
 * from scratch (`centerSumsReference`, `nearestWithSums`) or keep up to date (`moveRows`).
 */
import { centerSumsReference } from '../kernels/center-assigner.js';
import type { CenterSums } from '../kernels/kernels.js';
import type { Matrix } from '../util/matrix.js';
import { relocateEmptyClusters } from './kmeans-relocate.js';

/**
 * New centers = weighted mean of the rows assigned to each cluster (`state`). A cluster left empty is
 * relocated the way scikit-learn 1.2 does (`_relocate_empty_clusters_dense`), on a copy of the sums
 * so `state` keeps describing the labels: the points farthest from their current center
 * (`distance()[i]` = squared distance of row i to its center before this update, asked for only when
 * a cluster is empty) each become the sole member of one empty cluster and leave their old cluster's
 * sum. Ties in distance go to the lower row index. With `spherical`, every center is rescaled to unit
 * norm (spherical k-means, Dhillon & Modha 2001).
 */
export function centersFromSums(
  X: Matrix,
  weight: Float64Array,
  labels: Int32Array,
  distance: () => ArrayLike<number>,
  state: CenterSums,
  spherical: boolean,
): Matrix {
  const k = state.weight.length;
  const d = X.cols;
  let sums = state.sums;
  let clusterWeight = state.weight;
  if (state.count.some((c, i) => c === 0 || state.weight[i] <= 0)) {
    sums = Float64Array.from(sums);
    clusterWeight = Float64Array.from(clusterWeight);
    relocateEmptyClusters(X, weight, labels, distance, sums, clusterWeight, state.count);
  }
  const out = new Float32Array(k * d);
  for (let c = 0; c < k; c++) {
    const inv = clusterWeight[c] > 0 ? 1 / clusterWeight[c] : 0;
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const v = sums[c * d + j] * inv;
      norm += v * v;
    }
    const scale = spherical && norm > 0 ? inv / Math.sqrt(norm) : inv;
    for (let j = 0; j < d; j++) out[c * d + j] = sums[c * d + j] * scale;
  }
  return { rows: k, cols: d, data: out };
}

/** One full M-step: `centersFromSums(centerSumsReference(...))`. O(n d). */
export function updateCentroids(
  X: Matrix,
  weight: Float64Array,
  labels: Int32Array,
  distance: () => ArrayLike<number>,
  k: number,
  spherical: boolean,
): Matrix {
  return centersFromSums(X, weight, labels, distance, centerSumsReference(X, weight, labels, k), spherical);
}
