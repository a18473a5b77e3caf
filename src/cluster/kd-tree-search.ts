/**
 * What the query variants on a `KdTree` share (`kd-tree-query.ts` for given queries,
 * `kd-tree-self.ts` and `kd-tree-self-radius.ts` for the tree's own points): the k-nearest search of
 * one query, and the growth of a neighbor list that ran out of room.
 */
import type { KdTree } from './kd-tree.js';
import { boxDistanceSquared, squaredDistanceUpTo } from './kd-tree-distance.js';
import { heapOffer } from './kd-tree-heap.js';

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
