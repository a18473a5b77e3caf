/**
 * GLOSH outlier scores (Campello, Moulavi, Zimek & Sander 2015, "Hierarchical density estimates
 * for data clustering, visualization, and outlier detection", def. 6): for a point that leaves
 * cluster C at lambda_p, score = (lambda_max(C) - lambda_p) / lambda_max(C), where lambda_max(C) is
 * the largest lambda at which any point of C or of C's descendants is still in a cluster. In [0, 1];
 * 0 when lambda_max is 0 or lambda_p is infinite.
 *
 * Exact duplicates (more than minSamples copies) sit at zero distance, so their lambda is infinite.
 * lambda_max is then the largest *finite* lambda of C's subtree: the other points are scored against
 * the densest level that is not a pile of copies. The formula's own limit would give every finite
 * point of C the score 1, and hdbscan returns NaN there (its issue #374).
 *
 * hdbscan's `outlier_scores` means the same but its descendant pass stops early (it breaks at the
 * first point row of a parent-sorted tree), so on some trees it uses only C's own rows; this
 * follows the paper.
 */
import type { CondensedTree } from './condensed-tree.js';

/** Outlier score per point. O(rows). */
export function gloshScores(tree: CondensedTree): Float64Array {
  const { n, clusterCount, parent, child, lambda } = tree;
  // Per cluster, the largest finite lambda of its rows, then of its subtree.
  const deaths = new Float64Array(clusterCount);
  for (let e = 0; e < parent.length; e++) {
    const c = parent[e] - n;
    if (lambda[e] > deaths[c] && lambda[e] !== Number.POSITIVE_INFINITY) deaths[c] = lambda[e];
  }
  // Children have larger ids than parents: a descending pass carries maxima up.
  const up = new Int32Array(clusterCount).fill(-1);
  for (let e = 0; e < parent.length; e++) if (child[e] >= n) up[child[e] - n] = parent[e] - n;
  for (let c = clusterCount - 1; c > 0; c--) if (deaths[c] > deaths[up[c]]) deaths[up[c]] = deaths[c];
  const scores = new Float64Array(n);
  for (let e = 0; e < parent.length; e++) {
    if (child[e] >= n) continue;
    const max = deaths[parent[e] - n];
    const l = lambda[e];
    scores[child[e]] = max === 0 || !Number.isFinite(l) ? 0 : (max - l) / max;
  }
  return scores;
}
