/**
 * Normalized clustering accuracy (Gagolewski 2023, "Normalised clustering accuracy: an asymmetric
 * external cluster validity measure", arXiv:2209.02935; genieclust's
 * `normalized_clustering_accuracy`):
 *
 *   NCA = max_sigma (1/K) sum_i (c_{i,sigma(i)} - c_i/K) / (c_i - c_i/K)
 *       = (max_sigma mean_i c_{i,sigma(i)}/c_i - 1/K) / (1 - 1/K)
 *
 * over K truth classes (rows), sigma matching classes to distinct clusters (a class left without a
 * cluster scores 0). 1 for a perfect recovery, 0 for uniform membership; asymmetric.
 */
import type { Contingency } from './contingency.js';
import { maxWeightAssignment } from './linear-assignment.js';

/**
 * NCA from a contingency table (rows = truth). O(K^2 m) for the assignment on at most K^2
 * candidate columns. One truth class or no points: NaN (0/0).
 * @example normalizedClusteringAccuracy(contingency(truth, pred)) // iris vs k-means: 0.84
 */
export function normalizedClusteringAccuracy(table: Contingency): number {
  const K = table.rowSums.length;
  if (K < 2 || table.n === 0) return Number.NaN;
  // Only each row's K best columns can appear in an optimal matching (any other column can be
  // swapped for an unused one of those K), so the assignment runs on at most K^2 columns even when
  // noise singletons make the table very wide.
  const byRow: { col: number; w: number }[][] = Array.from({ length: K }, () => []);
  for (let e = 0; e < table.cellCount.length; e++) {
    const r = table.cellRow[e];
    byRow[r].push({ col: table.cellCol[e], w: table.cellCount[e] / table.rowSums[r] });
  }
  const candidates = new Map<number, number>();
  for (const cells of byRow) {
    cells.sort((x, y) => y.w - x.w || x.col - y.col);
    for (const cell of cells.slice(0, K))
      if (!candidates.has(cell.col)) candidates.set(cell.col, candidates.size);
  }
  const m = Math.max(candidates.size, 1);
  const weights = new Float64Array(K * m);
  byRow.forEach((cells, r) => {
    for (const cell of cells) {
      const j = candidates.get(cell.col);
      if (j !== undefined) weights[r * m + j] = cell.w;
    }
  });
  const assigned = maxWeightAssignment(weights, K, m);
  let total = 0;
  for (let r = 0; r < K; r++) if (assigned[r] >= 0) total += weights[r * m + assigned[r]];
  return (total / K - 1 / K) / (1 - 1 / K);
}
