/** Variation of information (Meila 2007): a metric distance between partitions, in nats. */
import type { Contingency } from './contingency.js';
import { labelEntropy } from './entropy.js';

/**
 * VI = H(truth) + H(pred) - 2 MI, 0 for identical partitions, at most log n. O(cells).
 * Computed with the full MI sum (not scikit-learn's epsilon-clipped one), as fpc's `vi`.
 * No points: NaN.
 * @example variationOfInformation(contingency(Int32Array.of(0, 1), Int32Array.of(0, 0))) // Math.LN2
 */
export function variationOfInformation(table: Contingency): number {
  const { n, rowSums, colSums, cellRow, cellCol, cellCount } = table;
  if (n === 0) return Number.NaN;
  const hr = rowSums.length === 1 ? 0 : labelEntropy(rowSums);
  const hc = colSums.length === 1 ? 0 : labelEntropy(colSums);
  let mi = 0;
  for (let e = 0; e < cellCount.length; e++) {
    const p = cellCount[e] / n;
    mi += p * Math.log((cellCount[e] * n) / (rowSums[cellRow[e]] * colSums[cellCol[e]]));
  }
  return Math.max(0, hr + hc - 2 * mi);
}
