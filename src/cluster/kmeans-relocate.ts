/**
 * scikit-learn 1.2's empty-cluster rule (`_relocate_empty_clusters_dense`): each empty cluster takes
 * the point farthest from its current center as its only member, and that point's weight leaves its
 * old cluster. Works on sums (not means), in place.
 */
import type { Matrix } from '../util/matrix.js';

/**
 * Relocate every cluster with count 0 (or weight <= 0). `distance()[i]` is the squared distance of
 * row i to its center before this update; called only when a cluster is empty.
 */
export function relocateEmptyClusters(
  X: Matrix,
  weight: Float64Array,
  labels: Int32Array,
  distance: () => ArrayLike<number>,
  sums: Float64Array,
  clusterWeight: Float64Array,
  count: Int32Array,
): void {
  const empty: number[] = [];
  for (let c = 0; c < count.length; c++) if (count[c] === 0 || clusterWeight[c] <= 0) empty.push(c);
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
