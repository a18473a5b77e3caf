/** Rand index (Rand 1971) and adjusted Rand index (Hubert & Arabie 1985), as scikit-learn 1.2. */
import type { Contingency } from './contingency.js';
import { pairConfusion } from './pair-confusion.js';

/**
 * Fraction of point pairs on which the two labelings agree (together in both or apart in both).
 * O(cells). Fewer than two points, or perfect agreement: 1 (scikit-learn's convention).
 * @example rand(contingency(Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 0, 1, 2))) // 5/6
 */
export function rand(table: Contingency): number {
  const { tn, fp, fn, tp } = pairConfusion(table);
  const numerator = tn + tp;
  const denominator = tn + fp + fn + tp;
  if (numerator === denominator || denominator === 0) return 1;
  return numerator / denominator;
}

/**
 * Rand index corrected for chance: 0 in expectation for independent labelings, 1 for identical.
 * O(cells). Both labelings trivially identical (no disagreeing pair): 1, as scikit-learn.
 * @example adjustedRand(contingency(Int32Array.of(0, 0, 1, 1), Int32Array.of(1, 1, 0, 0))) // 1
 */
export function adjustedRand(table: Contingency): number {
  const { tn, fp, fn, tp } = pairConfusion(table);
  if (fn === 0 && fp === 0) return 1;
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}
