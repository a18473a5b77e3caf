/**
 * The two distances every search over a `KdTree` prunes and compares with: query point to node box,
 * and point to point with an early cut. Each is summed in coordinate order, so the searches that
 * share them agree bit for bit.
 */
import type { KdTree } from './kd-tree.js';

/**
 * Squared distance from query q (at q[qOffset..]) to the box of `node`; 0 inside the box. Every
 * search over the tree prunes with it, a tree point as query being `(tree.points, t * dims)`.
 */
export function boxDistanceSquared(
  tree: KdTree,
  node: number,
  q: ArrayLike<number>,
  qOffset: number,
): number {
  const { dims, lower, upper } = tree;
  let s = 0;
  const b = node * dims;
  for (let c = 0; c < dims; c++) {
    const v = q[qOffset + c];
    const lo = lower[b + c];
    const hi = upper[b + c];
    const t = v < lo ? lo - v : v > hi ? v - hi : 0;
    s += t * t;
  }
  return s;
}

/**
 * Squared euclidean distance between a[ao..ao+dims) and b[bo..bo+dims), summed in coordinate order
 * and cut short once the partial sum exceeds `bound`: the result is exact when it is <= bound, and
 * some value > bound otherwise (so `<=` and `<` tests against bound are the same as on the full
 * sum). Pass Infinity for the full sum.
 */
export function squaredDistanceUpTo(
  a: ArrayLike<number>,
  ao: number,
  b: ArrayLike<number>,
  bo: number,
  dims: number,
  bound: number,
): number {
  let s = 0;
  for (let c = 0; c < dims && s <= bound; c++) {
    const g = a[ao + c] - b[bo + c];
    s += g * g;
  }
  return s;
}
