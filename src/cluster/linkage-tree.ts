/**
 * The merge list of a hierarchical clustering, in scipy's linkage-matrix convention (which is also
 * scikit-learn's `children_` / `distances_`): step k merges clusters `left[k]` and `right[k]`
 * (leaves are 0..n-1, the cluster made at step k is n + k) at height `heights[k]` into a cluster of
 * `sizes[k]` points; heights never decrease. A report draws a dendrogram straight from it.
 */
import type { Labels } from '../util/labels.js';
import { disjointSets, findRoot } from './union-find.js';

export interface LinkageTree {
  /** Number of leaves. */
  readonly n: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly heights: Float64Array;
  readonly sizes: Int32Array;
}

/**
 * Sort raw merges (as an NN-chain or MST produces them, in slot ids) by height — stably, as scipy's
 * `argsort(kind='mergesort')` — and relabel them with union-find so step k makes cluster n + k
 * (scipy `_hierarchy.label`). Within a step, left < right. O(n log n).
 */
export function linkageFromMerges(n: number, a: Int32Array, b: Int32Array, h: Float64Array): LinkageTree {
  const m = h.length;
  if (n === 0)
    return {
      n,
      left: new Int32Array(0),
      right: new Int32Array(0),
      heights: new Float64Array(0),
      sizes: new Int32Array(0),
    };
  const order = Array.from({ length: m }, (_, k) => k).sort((p, q) => h[p] - h[q] || p - q);
  const parent = disjointSets(2 * n - 1);
  const size = new Int32Array(2 * n - 1).fill(1);
  const left = new Int32Array(m);
  const right = new Int32Array(m);
  const heights = new Float64Array(m);
  const sizes = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const s = order[k];
    const x = findRoot(parent, a[s]);
    const y = findRoot(parent, b[s]);
    left[k] = Math.min(x, y);
    right[k] = Math.max(x, y);
    heights[k] = h[s];
    const c = n + k;
    size[c] = size[x] + size[y];
    sizes[k] = size[c];
    parent[x] = c;
    parent[y] = c;
  }
  return { n, left, right, heights, sizes };
}

/**
 * Flat labels from a linkage tree: apply the first `n - nClusters` merges (scikit-learn's `_hc_cut`),
 * numbering clusters 0.. in order of their first row. O(n).
 * @throws RangeError if nClusters is not an integer in [1, n].
 */
export function cutLinkage(tree: LinkageTree, nClusters: number): Labels {
  const { n } = tree;
  if (!Number.isInteger(nClusters) || nClusters < 1 || nClusters > Math.max(1, n)) {
    throw new RangeError(`cutLinkage: nClusters (${nClusters}) must be an integer in [1, ${n}]`);
  }
  const parent = disjointSets(2 * n);
  for (let k = 0; k < n - nClusters; k++) {
    parent[tree.left[k]] = n + k;
    parent[tree.right[k]] = n + k;
  }
  const labels = new Int32Array(n);
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = findRoot(parent, i);
    let l = map.get(r);
    if (l === undefined) {
      l = map.size;
      map.set(r, l);
    }
    labels[i] = l;
  }
  return labels;
}

/** Clusters left when every merge with height < threshold is applied (scikit-learn's rule). */
export function clustersBelowThreshold(tree: LinkageTree, threshold: number): number {
  let kept = 0;
  for (let k = 0; k < tree.heights.length; k++) if (tree.heights[k] >= threshold) kept++;
  return kept + 1;
}
