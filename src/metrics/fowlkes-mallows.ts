/** Fowlkes-Mallows index (Fowlkes & Mallows 1983), as scikit-learn 1.2. */
import type { Contingency } from './contingency.js';

/**
 * FMI = TP / sqrt((TP + FP)(TP + FN)) over point pairs: the geometric mean of pairwise precision
 * and recall. O(cells). No pair together in both labelings: 0.
 * @example fowlkesMallows(contingency(Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 0, 1, 1))) // 1
 */
export function fowlkesMallows(table: Contingency): number {
  const { n, rowSums, colSums, cellCount } = table;
  let tk = -n;
  for (const v of cellCount) tk += v * v;
  let pk = -n;
  for (const v of colSums) pk += v * v;
  let qk = -n;
  for (const v of rowSums) qk += v * v;
  return tk !== 0 ? Math.sqrt(tk / pk) * Math.sqrt(tk / qk) : 0;
}
