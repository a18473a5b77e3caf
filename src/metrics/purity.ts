/** Purity and inverse purity (Zhao & Karypis 2001; Amigó et al. 2009). */
import type { Contingency } from './contingency.js';

/**
 * Purity = (1/n) sum over clusters of the size of its largest class. O(cells). No points: NaN.
 * Favors many small clusters (every singleton is pure); read it with inverse purity.
 * @example purity(contingency(Int32Array.of(0, 0, 1), Int32Array.of(0, 0, 0))) // 2/3
 */
export function purity(table: Contingency): number {
  return maxPerGroup(table.cellCol, table.cellCount, table.colSums.length) / table.n;
}

/**
 * Inverse purity = (1/n) sum over classes of the size of its largest cluster. O(cells). No points: NaN.
 */
export function inversePurity(table: Contingency): number {
  return maxPerGroup(table.cellRow, table.cellCount, table.rowSums.length) / table.n;
}

function maxPerGroup(group: Int32Array, count: Float64Array, groups: number): number {
  const best = new Float64Array(groups);
  for (let e = 0; e < count.length; e++) if (count[e] > best[group[e]]) best[group[e]] = count[e];
  let total = 0;
  for (const v of best) total += v;
  return total;
}
