/**
 * All-points k nearest neighbors on a `KdTree` (every tree point asks about all the others) by the
 * search of `kNearestInTree` (`searchKNearest`), with queries in tree order so neighboring queries
 * share leaves in cache. Same distances as `kNearestInTree` with the points themselves as queries;
 * among equally distant neighbors, which are kept and in what order is the heap's, not by index.
 */
import type { KdTree } from './kd-tree.js';
import { heapReplaceTop } from './kd-tree-heap.js';
import { kNearestScratch, searchKNearest } from './kd-tree-search.js';

/**
 * For every point (by original index), the distance to its k-th nearest point, itself counted as
 * the first, and its k nearest (original indices, ascending distance; ties in heap order).
 * @throws RangeError unless 1 <= k <= n.
 */
export function selfKNearest(tree: KdTree, k: number): { kth: Float64Array; neighbors: Int32Array } {
  const { n } = tree;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`selfKNearest: k (${k}) must be an integer in [1, ${n}]`);
  const kth = new Float64Array(n);
  const neighbors = new Int32Array(n * k);
  selfKNearestRange(tree, k, 0, n, kth, neighbors);
  return { kth, neighbors };
}

/**
 * `selfKNearestRange` over chunks of `chunk` tree positions claimed from a shared counter
 * (`Atomics.add` on counter[0]), so threads that share the work stay balanced whatever their speed.
 */
export function selfKNearestClaimed(
  tree: KdTree,
  k: number,
  counter: Int32Array,
  chunk: number,
  kth: Float64Array,
  neighbors: Int32Array,
): void {
  for (;;) {
    const from = Atomics.add(counter, 0, chunk);
    if (from >= tree.n) return;
    selfKNearestRange(tree, k, from, Math.min(tree.n, from + chunk), kth, neighbors);
  }
}

/**
 * `selfKNearest` for the points at tree positions [from, to), written into `kth` and `neighbors`
 * (by original index) — the unit of work a worker thread takes.
 */
export function selfKNearestRange(
  tree: KdTree,
  k: number,
  from: number,
  to: number,
  kth: Float64Array,
  neighbors: Int32Array,
): void {
  const { dims, points, index } = tree;
  const scratch = kNearestScratch(k);
  const { heapD, heapI } = scratch;
  for (let t = from; t < to; t++) {
    searchKNearest(tree, points, t * dims, k, false, scratch);
    const i = index[t];
    kth[i] = Math.sqrt(heapD[0]);
    for (let r = k - 1; r >= 0; r--) {
      neighbors[i * k + r] = heapI[0];
      heapReplaceTop(heapD, heapI, r, heapD[r], heapI[r], false);
    }
  }
}
