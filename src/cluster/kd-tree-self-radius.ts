/**
 * All-points radius neighbors on a `KdTree`, batched per leaf: the leaves a whole leaf's points can
 * reach are found once by box-to-box distance (dual-tree search, Gray & Moore 2001, one level
 * deep), then each point scans only those, with partial distances cut at the radius. Same answers
 * as `radiusNeighborsInTree` with the points themselves as queries.
 */
import type { KdTree } from './kd-tree.js';
import { boxDistanceSquared, squaredDistanceUpTo } from './kd-tree-distance.js';
import type { NeighborLists } from './kd-tree-query.js';
import { doubled } from './kd-tree-search.js';

/** Squared minimum distance between the boxes of nodes a and b. */
function boxToBox(tree: KdTree, a: number, b: number): number {
  const { dims, lower, upper } = tree;
  let s = 0;
  const ao = a * dims;
  const bo = b * dims;
  for (let c = 0; c < dims; c++) {
    const g1 = lower[bo + c] - upper[ao + c];
    const g2 = lower[ao + c] - upper[bo + c];
    const g = g1 > g2 ? g1 : g2;
    if (g > 0) s += g * g;
  }
  return s;
}

/**
 * For every point (by original index), the original indices of points within `radius` (<=), itself
 * included. Lists are in tree order. O(n log n + pairs) on well-spread data.
 */
export function selfRadiusNeighbors(tree: KdTree, radius: number): NeighborLists {
  const { n, dims, points, index, nodeStart, nodeEnd, nodeCount } = tree;
  const r2 = radius * radius;
  const firstLeaf = (nodeCount - 1) / 2;
  const candidates = new Int32Array(nodeCount);
  const stack = new Int32Array(64);
  // Rows in tree order first, then permuted to original order.
  const count = new Int32Array(n + 1);
  let out = new Int32Array(Math.max(16, n * 8));
  let used = 0;
  for (let leaf = firstLeaf; leaf < nodeCount; leaf++) {
    let nc = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      if (boxToBox(tree, leaf, node) > r2) continue;
      if (node >= firstLeaf) candidates[nc++] = node;
      else {
        stack[top++] = 2 * node + 2;
        stack[top++] = 2 * node + 1;
      }
    }
    for (let t = nodeStart[leaf]; t < nodeEnd[leaf]; t++) {
      const po = t * dims;
      const before = used;
      for (let ci = 0; ci < nc; ci++) {
        const cand = candidates[ci];
        if (boxDistanceSquared(tree, cand, points, po) > r2) continue;
        for (let u = nodeStart[cand]; u < nodeEnd[cand]; u++) {
          if (squaredDistanceUpTo(points, po, points, u * dims, dims, r2) > r2) continue;
          if (used === out.length) out = doubled(out);
          out[used++] = index[u];
        }
      }
      count[index[t] + 1] = used - before;
    }
  }
  // Permute rows from tree order to original order.
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + count[i + 1];
  const indices = new Int32Array(used);
  let read = 0;
  for (let t = 0; t < n; t++) {
    const i = index[t];
    const len = count[i + 1];
    indices.set(out.subarray(read, read + len), offsets[i]);
    read += len;
  }
  return { offsets, indices };
}
