/**
 * HDBSCAN's condensed cluster tree (Campello et al. 2013 sec. 3; hdbscan's `condense_tree`): walk the
 * single-linkage tree of the mutual reachability MST from the top, at lambda = 1 / height. A split
 * where both sides have >= minClusterSize points makes two new clusters; otherwise the smaller
 * side's points "fall out" of the current cluster at that lambda and the larger side continues it.
 *
 * Rows (parent, child, lambda, childSize): child < n is a point leaving cluster `parent`; child >= n
 * is a cluster born at `lambda`. Clusters are numbered n, n+1, ... in breadth-first order (root = n),
 * so a parent's id is always below its children's. Height 0 gives lambda = Infinity, and a split
 * at height 0 founds no clusters (see below).
 */
import type { LinkageTree } from './linkage-tree.js';

export interface CondensedTree {
  /** Number of points. */
  readonly n: number;
  readonly parent: Int32Array;
  readonly child: Int32Array;
  readonly lambda: Float64Array;
  readonly childSize: Int32Array;
  /** Number of clusters, the root included: ids n .. n + clusterCount - 1. */
  readonly clusterCount: number;
}

/** Condense `tree` with `minClusterSize`. O(n). */
export function condenseTree(tree: LinkageTree, minClusterSize: number): CondensedTree {
  const { n, left, right, heights, sizes } = tree;
  const parent: number[] = [];
  const child: number[] = [];
  const lambda: number[] = [];
  const childSize: number[] = [];
  const emit = (p: number, c: number, l: number, s: number) => {
    parent.push(p);
    child.push(c);
    lambda.push(l);
    childSize.push(s);
  };
  if (n < 2)
    return {
      n,
      parent: new Int32Array(0),
      child: new Int32Array(0),
      lambda: new Float64Array(0),
      childSize: new Int32Array(0),
      clusterCount: n === 0 ? 0 : 1,
    };
  const sizeOf = (node: number) => (node < n ? 1 : sizes[node - n]);
  const root = 2 * n - 2;
  const relabel = new Int32Array(2 * n - 1);
  relabel[root] = n;
  let nextLabel = n + 1;
  const ignore = new Uint8Array(2 * n - 1);
  const queue = new Int32Array(2 * n - 1);
  let head = 0;
  let tail = 0;
  queue[tail++] = root;
  const stack: number[] = [];
  const dropLeaves = (node: number, into: number, l: number) => {
    stack.push(node);
    while (stack.length > 0) {
      const v = stack.pop() as number;
      if (v < n) {
        emit(into, v, l, 1);
      } else {
        ignore[v] = 1;
        stack.push(right[v - n], left[v - n]);
      }
    }
  };
  while (head < tail) {
    const node = queue[head++];
    if (node < n || ignore[node]) continue;
    const k = node - n;
    const l = left[k];
    const r = right[k];
    queue[tail++] = l;
    queue[tail++] = r;
    const lam = heights[k] > 0 ? 1 / heights[k] : Number.POSITIVE_INFINITY;
    const ls = sizeOf(l);
    const rs = sizeOf(r);
    const p = relabel[node];
    // A split at height 0 separates exact duplicates, which no density can tell apart: both
    // sides' points leave at lambda Infinity instead of founding clusters.
    if (ls >= minClusterSize && rs >= minClusterSize && lam < Number.POSITIVE_INFINITY) {
      relabel[l] = nextLabel++;
      emit(p, relabel[l], lam, ls);
      relabel[r] = nextLabel++;
      emit(p, relabel[r], lam, rs);
    } else if ((ls < minClusterSize && rs < minClusterSize) || lam === Number.POSITIVE_INFINITY) {
      dropLeaves(l, p, lam);
      dropLeaves(r, p, lam);
    } else if (ls < minClusterSize) {
      relabel[r] = p;
      dropLeaves(l, p, lam);
    } else {
      relabel[l] = p;
      dropLeaves(r, p, lam);
    }
  }
  return {
    n,
    parent: Int32Array.from(parent),
    child: Int32Array.from(child),
    lambda: Float64Array.from(lambda),
    childSize: Int32Array.from(childSize),
    clusterCount: nextLabel - n,
  };
}

/** lambda at which each cluster is born (root: 0), indexed by cluster id - n. */
export function clusterBirths(tree: CondensedTree): Float64Array {
  const births = new Float64Array(tree.clusterCount);
  for (let e = 0; e < tree.child.length; e++)
    if (tree.child[e] >= tree.n) births[tree.child[e] - tree.n] = tree.lambda[e];
  return births;
}

/**
 * Stability of every cluster, indexed by id - n: sum over its rows of (lambda - birth) * childSize
 * (Campello et al. 2013, eq. 3) — for each point, how long past the cluster's birth it stays in it.
 * A row at the birth lambda adds 0 even when both are Infinity (duplicate points).
 */
export function clusterStabilities(tree: CondensedTree): Float64Array {
  const births = clusterBirths(tree);
  const stability = new Float64Array(tree.clusterCount);
  for (let e = 0; e < tree.child.length; e++) {
    const c = tree.parent[e] - tree.n;
    const l = tree.lambda[e];
    const gap = l === births[c] ? 0 : l - births[c];
    stability[c] += gap * tree.childSize[e];
  }
  return stability;
}

/** Parent cluster of each cluster (root: -1) and the lambda at which each point leaves its last cluster. */
export function clusterParents(tree: CondensedTree): Int32Array {
  const parents = new Int32Array(tree.clusterCount).fill(-1);
  for (let e = 0; e < tree.child.length; e++)
    if (tree.child[e] >= tree.n) parents[tree.child[e] - tree.n] = tree.parent[e];
  return parents;
}

/** Per point: the cluster it falls out of (its row's parent) and that lambda. */
export function pointRows(tree: CondensedTree): { cluster: Int32Array; lambda: Float64Array } {
  const cluster = new Int32Array(tree.n).fill(-1);
  const lambda = new Float64Array(tree.n);
  for (let e = 0; e < tree.child.length; e++) {
    const c = tree.child[e];
    if (c < tree.n) {
      cluster[c] = tree.parent[e];
      lambda[c] = tree.lambda[e];
    }
  }
  return { cluster, lambda };
}
