/**
 * Exact queries on a `KdTree`: all points within a radius (for DBSCAN) and the k nearest points
 * (for HDBSCAN core distances and prediction). Distances are euclidean, computed in Float64.
 */
import { boxDistanceSquared, type KdTree } from './kd-tree.js';

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
          let s = 0;
          const po = t * dims;
          for (let c = 0; c < dims; c++) {
            const d = queries[qo + c] - points[po + c];
            s += d * d;
          }
          if (s <= r2) {
            if (used === out.length) {
              const grown = new Int32Array(out.length * 2);
              grown.set(out);
              out = grown;
            }
            out[used++] = index[t];
          }
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
  const { dims, points, index, nodeStart, nodeEnd, nodeCount } = tree;
  const firstLeaf = (nodeCount - 1) / 2;
  const indices = new Int32Array(m * k);
  const distances = new Float64Array(m * k);
  // Max-heap of the best k so far, keyed by (squared distance, original index).
  const heapD = new Float64Array(k);
  const heapI = new Int32Array(k);
  const stack = new Int32Array(64);
  const stackD = new Float64Array(64);
  for (let q = 0; q < m; q++) {
    const qo = q * dims;
    let size = 0;
    let top = 0;
    stack[top] = 0;
    stackD[top++] = 0;
    while (top > 0) {
      top--;
      const node = stack[top];
      if (size === k && stackD[top] > heapD[0]) continue;
      if (node >= firstLeaf) {
        for (let t = nodeStart[node]; t < nodeEnd[node]; t++) {
          let s = 0;
          const po = t * dims;
          for (let c = 0; c < dims; c++) {
            const d = queries[qo + c] - points[po + c];
            s += d * d;
          }
          const id = index[t];
          if (size < k) {
            heapPush(heapD, heapI, size++, s, id);
          } else if (s < heapD[0] || (s === heapD[0] && id < heapI[0])) {
            heapReplaceTop(heapD, heapI, k, s, id);
          }
        }
      } else {
        const a = 2 * node + 1;
        const b = 2 * node + 2;
        const da = boxDistanceSquared(tree, a, queries, qo);
        const db = boxDistanceSquared(tree, b, queries, qo);
        // Push the farther child first so the nearer one is searched first.
        if (da <= db) {
          stack[top] = b;
          stackD[top++] = db;
          stack[top] = a;
          stackD[top++] = da;
        } else {
          stack[top] = a;
          stackD[top++] = da;
          stack[top] = b;
          stackD[top++] = db;
        }
      }
    }
    // Pop the heap into ascending order.
    for (let r = k - 1; r >= 0; r--) {
      indices[q * k + r] = heapI[0];
      distances[q * k + r] = Math.sqrt(heapD[0]);
      heapReplaceTop(heapD, heapI, r, heapD[r], heapI[r]);
    }
  }
  return { indices, distances };
}

function greater(d1: number, i1: number, d2: number, i2: number): boolean {
  return d1 > d2 || (d1 === d2 && i1 > i2);
}

function heapPush(hd: Float64Array, hi: Int32Array, size: number, d: number, id: number): void {
  let c = size;
  while (c > 0) {
    const p = (c - 1) >> 1;
    if (!greater(d, id, hd[p], hi[p])) break;
    hd[c] = hd[p];
    hi[c] = hi[p];
    c = p;
  }
  hd[c] = d;
  hi[c] = id;
}

/** Replace the max of a heap of `size` with (d, id) and sift down. */
function heapReplaceTop(hd: Float64Array, hi: Int32Array, size: number, d: number, id: number): void {
  let p = 0;
  for (;;) {
    const l = 2 * p + 1;
    if (l >= size) break;
    const r = l + 1;
    const c = r < size && greater(hd[r], hi[r], hd[l], hi[l]) ? r : l;
    if (!greater(hd[c], hi[c], d, id)) break;
    hd[p] = hd[c];
    hi[p] = hi[c];
    p = c;
  }
  hd[p] = d;
  hi[p] = id;
}
