/**
 * DBSCAN straight on a k-d tree, without materializing every eps-neighborhood. Same result as
 * `dbscanLabels(epsNeighborhoods(...))` (scikit-learn's rules, see `dbscan-labels.ts`), in three
 * passes that each do less than a full radius query:
 * 1. core flags: count neighbors nearest-first and stop at minSamples;
 * 2. components of core points: union-find over core pairs within eps, skipping the distance for a
 *    pair already in one component, and whole tree nodes whose core points are all in the query's
 *    component (most of a dense region, as points run in tree order);
 * 3. border points: the smallest cluster number among core points within eps.
 */
import type { Labels } from '../util/labels.js';
import type { KdTree } from './kd-tree.js';
import { boxDistanceSquared, squaredDistanceUpTo } from './kd-tree-distance.js';
import { disjointSets, findRoot } from './union-find.js';

/** Labels and core flags (by original row) of DBSCAN over the tree's points. */
export function dbscanOnTree(
  tree: KdTree,
  eps: number,
  minSamples: number,
): { labels: Labels; isCore: Uint8Array } {
  const { n, dims, points, index, nodeStart, nodeEnd, nodeCount } = tree;
  const r2 = eps * eps;
  const firstLeaf = (nodeCount - 1) / 2;
  const stack = new Int32Array(64);
  const boxGap = (t: number, node: number): number => boxDistanceSquared(tree, node, points, t * dims);
  const within = (t: number, u: number): boolean =>
    squaredDistanceUpTo(points, t * dims, points, u * dims, dims, r2) <= r2;
  // 1. Core flags, in tree positions.
  const core = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    let count = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0 && count < minSamples) {
      const node = stack[--top];
      if (node >= firstLeaf) {
        for (let u = nodeStart[node]; u < nodeEnd[node] && count < minSamples; u++) if (within(t, u)) count++;
      } else {
        const l = 2 * node + 1;
        const dl = boxGap(t, l);
        const dr = boxGap(t, l + 1);
        if (dl <= dr) {
          if (dr <= r2) stack[top++] = l + 1;
          if (dl <= r2) stack[top++] = l;
        } else {
          if (dl <= r2) stack[top++] = l;
          if (dr <= r2) stack[top++] = l + 1;
        }
      }
    }
    if (count >= minSamples) core[t] = 1;
  }
  // 2. Components of core points; the root kept at the smallest original index.
  const parent = disjointSets(n);
  const find = (x: number): number => findRoot(parent, x);
  // rep[node]: a core point of the node once all its core points are known to share one component
  // (-2: no core points, -1: not known). Components only grow, so a known node stays known and
  // the whole node is skipped for any query already in that component.
  const rep = new Int32Array(nodeCount).fill(-1);
  for (let node = nodeCount - 1; node >= 0; node--) {
    let any = false;
    for (let u = nodeStart[node]; u < nodeEnd[node] && !any; u++) any = core[u] === 1;
    if (!any) rep[node] = -2;
  }
  for (let t = 0; t < n; t++) {
    if (!core[t]) continue;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      let known = rep[node];
      if (known === -2) continue;
      if (known === -1 && node < firstLeaf) {
        const l = rep[2 * node + 1];
        const r = rep[2 * node + 2];
        if (l === -2 && r >= 0) known = r;
        else if (r === -2 && l >= 0) known = l;
        else if (l >= 0 && r >= 0 && find(l) === find(r)) known = l;
        rep[node] = known;
      }
      if (known >= 0 && find(known) === find(t)) continue;
      if (boxGap(t, node) > r2) continue;
      if (node >= firstLeaf) {
        let common = -1;
        let unified = true;
        for (let u = nodeStart[node]; u < nodeEnd[node]; u++) {
          if (!core[u]) continue;
          const a = find(t);
          let b = find(u);
          if (a !== b && within(t, u)) {
            if (index[a] < index[b]) parent[b] = a;
            else parent[a] = b;
            b = find(u);
          }
          if (common < 0) common = b;
          else if (b !== common) unified = false;
        }
        if (unified && common >= 0) rep[node] = common;
      } else {
        stack[top++] = 2 * node + 2;
        stack[top++] = 2 * node + 1;
      }
    }
  }
  // Clusters numbered by their smallest core original index.
  const labelAt = new Int32Array(n).fill(-1);
  const rootOfRow = new Int32Array(n).fill(-1);
  for (let t = 0; t < n; t++) if (core[t]) rootOfRow[index[t]] = find(t);
  const clusterOfRoot = new Int32Array(n).fill(-1);
  const labels = new Int32Array(n).fill(-1);
  const isCore = new Uint8Array(n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const r = rootOfRow[i];
    if (r < 0) continue;
    if (clusterOfRoot[r] < 0) clusterOfRoot[r] = next++;
    labels[i] = clusterOfRoot[r];
    isCore[i] = 1;
  }
  for (let t = 0; t < n; t++) if (core[t]) labelAt[t] = labels[index[t]];
  // 3. Border points.
  for (let t = 0; t < n; t++) {
    if (core[t]) continue;
    let best = -1;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      // A node without core points (rep -2) cannot give a border point its cluster.
      if (rep[node] === -2 || boxGap(t, node) > r2) continue;
      if (node >= firstLeaf) {
        for (let u = nodeStart[node]; u < nodeEnd[node]; u++) {
          if (core[u] && (best < 0 || labelAt[u] < best) && within(t, u)) best = labelAt[u];
        }
      } else {
        stack[top++] = 2 * node + 2;
        stack[top++] = 2 * node + 1;
      }
    }
    labels[index[t]] = best;
  }
  return { labels, isCore };
}
