/**
 * Approximate prediction for new points (hdbscan's `approximate_predict`, McInnes & Healy): a new
 * point joins the condensed tree next to its nearest training point under mutual reachability,
 * found among its 2 * minSamples nearest training points, with its own core distance the distance
 * to its minSamples-th nearest training point. If it is less dense than that neighbor it climbs to
 * the ancestor cluster still alive at its lambda. The label is that of the selected cluster it ends
 * in (or under); otherwise -1. Probability: min(lambda, lambda_max) / lambda_max of the cluster.
 * Unlike hdbscan, which maps only leaf descendants of a selected cluster, every descendant maps.
 */
import type { CondensedTree } from './condensed-tree.js';
import { clusterBirths, clusterParents, pointRows } from './condensed-tree.js';

/** What prediction needs from a fitted model. */
export interface PredictionModel {
  readonly tree: CondensedTree;
  /** Selected cluster ids, ascending (label i = selected[i]). */
  readonly selected: Int32Array;
  /** Training core distances (in the model's distance, as the tree's lambdas). */
  readonly core: Float64Array;
  readonly minSamples: number;
  /**
   * When the root is the one selected cluster (allowSingleCluster), the lambda a point must reach
   * to be a member: 1 / epsilon with clusterSelectionEpsilon, else the root's last lambda — the
   * rule `selectClusters` applies to the fitted points.
   */
  readonly rootCut?: number;
}

/**
 * Labels and probabilities for queries given, per query, its `k` nearest training points
 * (indices and distances, ascending, m x k) in the model's distance.
 */
export function approximatePredictFromNeighbors(
  model: PredictionModel,
  indices: Int32Array,
  distances: Float64Array,
  k: number,
): { labels: Int32Array; probabilities: Float64Array } {
  const { tree, selected, core, minSamples } = model;
  const n = tree.n;
  const m = k === 0 ? 0 : indices.length / k;
  const parents = clusterParents(tree);
  const births = clusterBirths(tree);
  const rows = pointRows(tree);
  const labelOf = new Int32Array(tree.clusterCount).fill(-1);
  for (let i = 0; i < selected.length; i++) labelOf[selected[i] - n] = i;
  for (let c = 1; c < tree.clusterCount; c++) if (labelOf[c] < 0) labelOf[c] = labelOf[parents[c] - n];
  const deaths = new Float64Array(tree.clusterCount);
  for (let e = 0; e < tree.parent.length; e++) {
    const c = tree.parent[e] - n;
    if (tree.lambda[e] > deaths[c]) deaths[c] = tree.lambda[e];
  }
  const labels = new Int32Array(m).fill(-1);
  const probabilities = new Float64Array(m);
  const coreAt = Math.min(minSamples, k) - 1;
  for (let q = 0; q < m; q++) {
    const own = minSamples <= 1 ? 0 : distances[q * k + coreAt];
    let bestD = Number.POSITIVE_INFINITY;
    let best = -1;
    for (let r = 0; r < k; r++) {
      const j = indices[q * k + r];
      const v = Math.max(distances[q * k + r], own, core[j]);
      if (v < bestD) {
        bestD = v;
        best = j;
      }
    }
    if (best < 0 || rows.cluster[best] < 0) continue;
    let lam = bestD > 0 ? 1 / bestD : Number.MAX_VALUE;
    let cluster = rows.cluster[best] - n;
    if (rows.lambda[best] <= lam) {
      lam = rows.lambda[best];
    } else {
      while (cluster > 0 && births[cluster] >= lam) cluster = parents[cluster] - n;
    }
    const label = labelOf[cluster];
    if (label < 0) continue;
    if (selected[label] === n) {
      // The selected root: a member only past the cut, as fitted points are.
      if (lam >= (model.rootCut ?? deaths[0])) {
        labels[q] = label;
        probabilities[q] = 1;
      }
      continue;
    }
    labels[q] = label;
    const death = deaths[selected[label] - n];
    probabilities[q] = death > 0 ? Math.min(lam, death) / death : 1;
  }
  return { labels, probabilities };
}
