/**
 * DBSCAN labelling from eps-neighborhoods (Ester et al. 1996), with scikit-learn's exact rules:
 * - a point is core when its neighborhood, the point itself included, has >= minSamples points;
 * - clusters are the connected components of core points (core-core pairs within eps), numbered
 *   0, 1, ... in order of their smallest core index — the order scikit-learn's `dbscan_inner`
 *   starts them in, since it scans points in index order and expands each cluster fully;
 * - a border point (not core, within eps of a core point) joins, among the clusters that have a core
 *   point within eps of it, the one with the smallest number: scikit-learn's expansion labels a
 *   point once, by the first cluster that reaches it, and clusters are expanded one at a time in
 *   number order. So labels equal scikit-learn's exactly, not only up to renaming;
 * - everything else is noise (-1).
 */
import type { Labels } from '../util/labels.js';
import type { NeighborLists } from './kd-tree-query.js';
import { disjointSets, findRoot } from './union-find.js';

/** Labels and core flags. O(pairs) with union-find. */
export function dbscanLabels(
  neighborhoods: NeighborLists,
  minSamples: number,
): { labels: Labels; isCore: Uint8Array } {
  const { offsets, indices } = neighborhoods;
  const n = offsets.length - 1;
  const isCore = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (offsets[i + 1] - offsets[i] >= minSamples) isCore[i] = 1;
  const parent = disjointSets(n);
  const find = (x: number): number => findRoot(parent, x);
  for (let i = 0; i < n; i++) {
    if (!isCore[i]) continue;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const j = indices[e];
      if (j > i && isCore[j]) {
        const a = find(i);
        const b = find(j);
        // Keep the smaller index as root, so a root is its component's smallest core index.
        if (a < b) parent[b] = a;
        else if (b < a) parent[a] = b;
      }
    }
  }
  const labels = new Int32Array(n).fill(-1);
  const clusterOfRoot = new Int32Array(n).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (!isCore[i]) continue;
    const r = find(i);
    if (clusterOfRoot[r] < 0) clusterOfRoot[r] = next++;
    labels[i] = clusterOfRoot[r];
  }
  for (let i = 0; i < n; i++) {
    if (isCore[i]) continue;
    let best = -1;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const j = indices[e];
      if (isCore[j] && (best < 0 || labels[j] < best)) best = labels[j];
    }
    labels[i] = best;
  }
  return { labels, isCore };
}
