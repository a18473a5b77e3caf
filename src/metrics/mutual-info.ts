/**
 * Mutual information (nats) between two labelings and its normalized form (Strehl & Ghosh 2002;
 * Vinh, Epps & Bailey 2010), following scikit-learn 1.2 operation by operation.
 */
import type { Contingency } from './contingency.js';
import { labelEntropy } from './entropy.js';

/** How to average the two entropies in a normalizer. */
export type EntropyAverage = 'arithmetic' | 'geometric' | 'min' | 'max';

export const ENTROPY_AVERAGES: readonly EntropyAverage[] = ['arithmetic', 'geometric', 'min', 'max'];

/**
 * MI = sum_ij (n_ij/n) log(n n_ij / (a_i b_j)). O(cells). One class or one cluster: 0.
 * @example mutualInfo(contingency(Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 0, 1, 1))) // Math.LN2
 */
export function mutualInfo(table: Contingency): number {
  const { n, rowSums, colSums, cellRow, cellCol, cellCount } = table;
  if (rowSums.length === 1 || colSums.length === 1) return 0;
  const logN = Math.log(n);
  let mi = 0;
  for (let e = 0; e < cellCount.length; e++) {
    const v = cellCount[e];
    const p = v / n;
    const term =
      p * (Math.log(v) - logN) + p * (-Math.log(rowSums[cellRow[e]] * colSums[cellCol[e]]) + logN + logN);
    // scikit-learn zeroes terms below machine epsilon before summing.
    if (Math.abs(term) >= Number.EPSILON) mi += term;
  }
  return Math.max(0, mi);
}

/** The generalized mean of two entropies used as a normalizer. */
export function entropyAverage(u: number, v: number, average: EntropyAverage): number {
  switch (average) {
    case 'arithmetic':
      return (u + v) / 2;
    case 'geometric':
      return Math.sqrt(u * v);
    case 'min':
      return Math.min(u, v);
    case 'max':
      return Math.max(u, v);
    default: {
      const never: never = average;
      throw new RangeError(
        `entropyAverage: average (${never}) must be one of arithmetic, geometric, min, max`,
      );
    }
  }
}

/** Options for the normalized indices. */
export interface NormalizedMutualInfoOptions {
  average?: EntropyAverage;
}

/**
 * NMI = MI / mean(H(truth), H(pred)), arithmetic mean by default. O(cells).
 * Both labelings a single class (or empty): 1; MI = 0 otherwise: 0 (scikit-learn's conventions).
 * @throws RangeError for an unknown `average`.
 */
export function normalizedMutualInfo(table: Contingency, options: NormalizedMutualInfoOptions = {}): number {
  const average = options.average ?? 'arithmetic';
  entropyAverage(0, 0, average);
  if (trivialPair(table)) return 1;
  const mi = mutualInfo(table);
  if (mi === 0) return 0;
  return mi / entropyAverage(labelEntropy(table.rowSums), labelEntropy(table.colSums), average);
}

/** Both labelings put everything in one group (or there are no points). */
export function trivialPair(table: Contingency): boolean {
  const r = table.rowSums.length;
  const c = table.colSums.length;
  return (r === 1 && c === 1) || (r === 0 && c === 0);
}
