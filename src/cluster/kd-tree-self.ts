/**
 * All-points k nearest neighbors on a `KdTree` (every tree point asks about all the others): tree
 * order, nearest child first, partial distances cut at the current k-th distance. Same answers as
 * `kNearestInTree` with the points themselves as queries.
 */
import type { KdTree } from './kd-tree.js';

/** Squared distance from tree point t to the box of node b. */
function pointToBox(tree: KdTree, t: number, b: number): number {
  const { dims, lower, upper, points } = tree;
  let s = 0;
  const po = t * dims;
  const bo = b * dims;
  for (let c = 0; c < dims; c++) {
    const v = points[po + c];
    const lo = lower[bo + c];
    const hi = upper[bo + c];
    const g = v < lo ? lo - v : v > hi ? v - hi : 0;
    s += g * g;
  }
  return s;
}

/**
 * For every point (by original index), the distance to its k-th nearest point, itself counted as
 * the first, and its k nearest (original indices, ascending distance; ties in scan order).
 * Queries run in tree order (neighboring queries share leaves in cache), nearest child first, with
 * partial distances cut at the current k-th distance.
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
  const { dims, points, index, nodeStart, nodeEnd, nodeCount } = tree;
  const firstLeaf = (nodeCount - 1) / 2;
  const heapD = new Float64Array(k);
  const heapI = new Int32Array(k);
  const stack = new Int32Array(64);
  const stackD = new Float64Array(64);
  for (let t = from; t < to; t++) {
    const po = t * dims;
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
          const uo = u * dims;
          const bound = size === k ? heapD[0] : Number.POSITIVE_INFINITY;
          let s = 0;
          for (let c = 0; c < dims && s <= bound; c++) {
            const g = points[po + c] - points[uo + c];
            s += g * g;
          }
          if (size < k) push(heapD, heapI, size++, s, u);
          else if (s < heapD[0]) replaceTop(heapD, heapI, k, s, u);
        }
      } else {
        const l = 2 * node + 1;
        const dl = pointToBox(tree, t, l);
        const dr = pointToBox(tree, t, l + 1);
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
    const i = index[t];
    kth[i] = Math.sqrt(heapD[0]);
    for (let r = k - 1; r >= 0; r--) {
      neighbors[i * k + r] = index[heapI[0]];
      replaceTop(heapD, heapI, r, heapD[r], heapI[r]);
    }
  }
}

function push(hd: Float64Array, hi: Int32Array, size: number, d: number, id: number): void {
  let c = size;
  while (c > 0) {
    const p = (c - 1) >> 1;
    if (hd[p] >= d) break;
    hd[c] = hd[p];
    hi[c] = hi[p];
    c = p;
  }
  hd[c] = d;
  hi[c] = id;
}

function replaceTop(hd: Float64Array, hi: Int32Array, size: number, d: number, id: number): void {
  let p = 0;
  for (;;) {
    const l = 2 * p + 1;
    if (l >= size) break;
    const r = l + 1;
    const c = r < size && hd[r] > hd[l] ? r : l;
    if (hd[c] <= d) break;
    hd[p] = hd[c];
    hi[p] = hi[c];
    p = c;
  }
  hd[p] = d;
  hi[p] = id;
}
