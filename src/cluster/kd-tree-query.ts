/**
 * Exact queries on a `KdTree`: all points within a radius (for DBSCAN) and the k nearest points
 * (for HDBSCAN core distances and prediction). Distances are euclidean, computed in Float64.
 */
import { boxDistanceSquared, type KdTree, squaredDistanceUpTo } from './kd-tree.js';
import { heapOffer, heapReplaceTop } from './kd-tree-heap.js';

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

/** What one k-nearest search works in: the heap of the best k and the node stack with box distances. */
export interface KNearestScratch {
  readonly heapD: Float64Array;
  readonly heapI: Int32Array;
  readonly stack: Int32Array;
  readonly stackD: Float64Array;
}

/** Scratch for `searchKNearest` with k neighbors, reused across the queries of one thread. */
export function kNearestScratch(k: number): KNearestScratch {
  // Depth first, the stack holds at most one node per level plus one; a tree has under 32 levels.
  return {
    heapD: new Float64Array(k),
    heapI: new Int32Array(k),
    stack: new Int32Array(64),
    stackD: new Float64Array(64),
  };
}

/**
 * Leave in `scratch`'s heap (see `kd-tree-heap.ts`) the k nearest tree points of the query at
 * q[qo..] as (squared distance, original index): nearest child first, nodes whose box is beyond the
 * current k-th distance not visited, point distances cut short there. `byId` breaks distance ties
 * by the lower original index; without it ties stay in heap order (what `selfKNearest` reports).
 */
export function searchKNearest(
  tree: KdTree,
  q: ArrayLike<number>,
  qo: number,
  k: number,
  byId: boolean,
  scratch: KNearestScratch,
): void {
  const { dims, points, index, nodeStart, nodeEnd, nodeCount } = tree;
  const { heapD, heapI, stack, stackD } = scratch;
  const firstLeaf = (nodeCount - 1) / 2;
  let size = 0;
  let top = 0;
  stack[top] = 0;
  stackD[top++] = 0;
  while (top > 0) {
    top--;
    const node = stack[top];
    if (size === k && stackD[top] > heapD[0]) continue;
    if (node >= firstLeaf) {
      for (let u = nodeStart[node]; u < nodeEnd[node]; u++) {
        const bound = size === k ? heapD[0] : Number.POSITIVE_INFINITY;
        const s = squaredDistanceUpTo(q, qo, points, u * dims, dims, bound);
        // Most candidates lie beyond the current k-th: turn those away without a call.
        if (s > bound) continue;
        size = heapOffer(heapD, heapI, size, k, s, index[u], byId);
      }
    } else {
      // Push the farther child first so the nearer one is searched first (the left one on a tie).
      const l = 2 * node + 1;
      const dl = boxDistanceSquared(tree, l, q, qo);
      const dr = boxDistanceSquared(tree, l + 1, q, qo);
      const bound = size === k ? heapD[0] : Number.POSITIVE_INFINITY;
      if (dl <= dr) {
        if (dr <= bound) {
          stack[top] = l + 1;
          stackD[top++] = dr;
        }
        if (dl <= bound) {
          stack[top] = l;
          stackD[top++] = dl;
        }
      } else {
        if (dl <= bound) {
          stack[top] = l;
          stackD[top++] = dl;
        }
        if (dr <= bound) {
          stack[top] = l + 1;
          stackD[top++] = dr;
        }
      }
    }
  }
}

/** `a` copied into an array twice as long (an output list that ran out of room). */
export function doubled(a: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}
