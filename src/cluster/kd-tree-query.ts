/**
 * Exact queries on a `KdTree`: all points within a radius (for DBSCAN) and the k nearest points
 * (for HDBSCAN core distances and prediction). Distances are euclidean, computed in Float64.
 */
import type { KdTree } from './kd-tree.js';
import { boxDistanceSquared, squaredDistanceUpTo } from './kd-tree-distance.js';
import { heapReplaceTop } from './kd-tree-heap.js';
import { doubled, kNearestScratch, searchKNearest } from './kd-tree-search.js';

/** Neighbors of many queries in CSR form: query q owns `indices[offsets[q] .. offsets[q+1])`. */
export interface NeighborLists {
  readonly offsets: Int32Array;
  readonly indices: Int32Array;
}

/**
 * For every row q of `queries` (m x dims), the original indices of tree points p with
 * ||q - p|| <= radius (a query point in the tree finds itself). Order within a list is tree order.
 * O(m (log n + hits)) on well-spread data.
 */
export function radiusNeighborsInTree(
  tree: KdTree,
  queries: ArrayLike<number>,
  m: number,
  radius: number,
): NeighborLists {
  const { dims, points, index, nodeStart, nodeEnd, nodeCount } = tree;
  const r2 = radius * radius;
  const firstLeaf = (nodeCount - 1) / 2;
  const offsets = new Int32Array(m + 1);
  let out = new Int32Array(Math.max(16, m * 8));
  let used = 0;
  const stack = new Int32Array(64);
  for (let q = 0; q < m; q++) {
    const qo = q * dims;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      if (boxDistanceSquared(tree, node, queries, qo) > r2) continue;
      if (node >= firstLeaf) {
        for (let t = nodeStart[node]; t < nodeEnd[node]; t++) {
          if (squaredDistanceUpTo(queries, qo, points, t * dims, dims, r2) > r2) continue;
          if (used === out.length) out = doubled(out);
          out[used++] = index[t];
        }
      } else {
        stack[top++] = 2 * node + 2;
        stack[top++] = 2 * node + 1;
      }
    }
    offsets[q + 1] = used;
  }
  return { offsets, indices: out.slice(0, used) };
}

/**
 * The k nearest tree points of every query, sorted by increasing distance (ties: lower original
 * index first). Returns m x k original indices and euclidean distances (Float64).
 * @throws RangeError if k is not an integer in [1, tree.n].
 */
export function kNearestInTree(
  tree: KdTree,
  queries: ArrayLike<number>,
  m: number,
  k: number,
): { indices: Int32Array; distances: Float64Array } {
  if (!Number.isInteger(k) || k < 1 || k > tree.n)
    throw new RangeError(`kNearestInTree: k (${k}) must be an integer in [1, ${tree.n}]`);
  const indices = new Int32Array(m * k);
  const distances = new Float64Array(m * k);
  const scratch = kNearestScratch(k);
  const { heapD, heapI } = scratch;
  for (let q = 0; q < m; q++) {
    searchKNearest(tree, queries, q * tree.dims, k, true, scratch);
    // Pop the heap into ascending order.
    for (let r = k - 1; r >= 0; r--) {
      indices[q * k + r] = heapI[0];
      distances[q * k + r] = Math.sqrt(heapD[0]);
      heapReplaceTop(heapD, heapI, r, heapD[r], heapI[r], true);
    }
  }
  return { indices, distances };
}
