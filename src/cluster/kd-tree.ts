/**
 * A static k-d tree over Float64 points for exact euclidean radius and k-nearest-neighbor queries,
 * laid out like scikit-learn's KDTree: an implicit complete binary tree (node i has children 2i+1 and
 * 2i+2), median splits on the dimension of largest spread, and a bounding box per node for pruning.
 * Points are copied in tree order so a leaf scan reads contiguous memory.
 */

/** The built tree. `index[t]` is the original row of the point stored at tree position t. */
export interface KdTree {
  readonly n: number;
  readonly dims: number;
  /** Points in tree order, n x dims row-major. */
  readonly points: Float64Array;
  readonly index: Int32Array;
  readonly nodeStart: Int32Array;
  readonly nodeEnd: Int32Array;
  /** Per node, lower and upper bounds of its box, nodes x dims. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly nodeCount: number;
}

/** Default points per leaf (scikit-learn's default is 40; smaller leaves prune better in 8-16 dims). */
export const KD_TREE_LEAF_SIZE = 16;

/**
 * Build a k-d tree over `data` (n x dims row-major, Float64 or Float32). O(n log n).
 * @throws RangeError if dims < 1 or data.length != n * dims.
 * @example const t = buildKdTree(new Float64Array([0, 0, 1, 1]), 2, 2)
 */
export function buildKdTree(
  data: ArrayLike<number>,
  n: number,
  dims: number,
  leafSize = KD_TREE_LEAF_SIZE,
): KdTree {
  if (!Number.isInteger(dims) || dims < 1)
    throw new RangeError(`buildKdTree: dims (${dims}) must be a positive integer`);
  if (data.length !== n * dims)
    throw new RangeError(`buildKdTree: data.length (${data.length}) != n*dims (${n * dims})`);
  const levels = n <= leafSize ? 1 : 1 + Math.floor(Math.log2(Math.max(1, (n - 1) / leafSize)));
  const nodeCount = 2 ** levels - 1;
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  const nodeStart = new Int32Array(nodeCount);
  const nodeEnd = new Int32Array(nodeCount);
  const lower = new Float64Array(nodeCount * dims);
  const upper = new Float64Array(nodeCount * dims);
  const firstLeaf = (nodeCount - 1) / 2;
  nodeStart[0] = 0;
  nodeEnd[0] = n;
  for (let node = 0; node < nodeCount; node++) {
    const s = nodeStart[node];
    const e = nodeEnd[node];
    let widest = 0;
    let spread = -1;
    for (let c = 0; c < dims; c++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let t = s; t < e; t++) {
        const v = data[index[t] * dims + c];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      lower[node * dims + c] = lo;
      upper[node * dims + c] = hi;
      if (hi - lo > spread) {
        spread = hi - lo;
        widest = c;
      }
    }
    if (node < firstLeaf) {
      const mid = s + ((e - s) >> 1);
      selectNth(index, data, dims, widest, s, e, mid);
      nodeStart[2 * node + 1] = s;
      nodeEnd[2 * node + 1] = mid;
      nodeStart[2 * node + 2] = mid;
      nodeEnd[2 * node + 2] = e;
    }
  }
  const points = new Float64Array(n * dims);
  for (let t = 0; t < n; t++) for (let c = 0; c < dims; c++) points[t * dims + c] = data[index[t] * dims + c];
  return kdTree(n, dims, points, index, nodeStart, nodeEnd, lower, upper, nodeCount);
}

/**
 * The tree with every array replaced by `copy(array)` (parallel-knn puts them in shared memory).
 * @example const t2 = copyKdTree(t, (a) => a.slice())
 */
export function copyKdTree(tree: KdTree, copy: <A extends Float64Array | Int32Array>(a: A) => A): KdTree {
  const { n, dims, points, index, nodeStart, nodeEnd, lower, upper, nodeCount } = tree;
  return kdTree(
    n,
    dims,
    copy(points),
    copy(index),
    copy(nodeStart),
    copy(nodeEnd),
    copy(lower),
    copy(upper),
    nodeCount,
  );
}

/** The tree with every array copied into a SharedArrayBuffer, for worker threads that query it. */
export function sharedKdTree(tree: KdTree): KdTree {
  return copyKdTree(tree, (a) => {
    const buffer = new SharedArrayBuffer(a.byteLength);
    const out = (a instanceof Float64Array ? new Float64Array(buffer) : new Int32Array(buffer)) as typeof a;
    out.set(a);
    return out;
  });
}

/**
 * Every tree is made here, so all have one hidden class and the searches that several algorithms
 * share (boxDistanceSquared, searchKNearest) stay monomorphic in their property loads.
 */
function kdTree(
  n: number,
  dims: number,
  points: Float64Array,
  index: Int32Array,
  nodeStart: Int32Array,
  nodeEnd: Int32Array,
  lower: Float64Array,
  upper: Float64Array,
  nodeCount: number,
): KdTree {
  return { n, dims, points, index, nodeStart, nodeEnd, lower, upper, nodeCount };
}

/** Quickselect on index[s..e) by coordinate `axis` so index[mid] holds the median. */
function selectNth(
  index: Int32Array,
  data: ArrayLike<number>,
  dims: number,
  axis: number,
  s: number,
  e: number,
  mid: number,
): void {
  let lo = s;
  let hi = e - 1;
  while (hi > lo) {
    const pivot = data[index[(lo + hi) >> 1] * dims + axis];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (data[index[i] * dims + axis] < pivot) i++;
      while (data[index[j] * dims + axis] > pivot) j--;
      if (i <= j) {
        const t = index[i];
        index[i] = index[j];
        index[j] = t;
        i++;
        j--;
      }
    }
    if (mid <= j) hi = j;
    else if (mid >= i) lo = i;
    else return;
  }
}
