/**
 * Dissimilarities between two token sequences, without any embedding — the classic
 * sequence-analysis toolkit (Abbott & Tsay 2000; TraMineR's `seqdist`, Gabadinho et al. 2011):
 * - optimal matching (OM): the cheapest edit script of insertions / deletions (cost `indel`) and
 *   substitutions (cost `substitution(a, b)`), by dynamic programming (Needleman-Wunsch). O(|a||b|).
 * - longest common subsequence (LCS): |a| + |b| - 2 LCS(a, b) (TraMineR "LCS"). O(|a||b|).
 * - Hamming: positions aligned from the start; a mismatch costs `substitution(a, b)`, a position
 *   present in only one sequence costs `indel` (TraMineR "HAM" needs equal lengths; this extends it).
 */

/** Substitution cost between two different tokens (equal tokens always cost 0). */
export type SubstitutionCost = number | ((a: number, b: number) => number);

/** OM with constant or token-dependent substitution. TraMineR's constant defaults: indel 1, sub 2. */
export function optimalMatchingDistance(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  indel = 1,
  substitution: SubstitutionCost = 2,
  work?: Float64Array,
): number {
  const m = a.length;
  const n = b.length;
  const row = work !== undefined && work.length >= n + 1 ? work : new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) row[j] = j * indel;
  const sub = typeof substitution === 'number' ? undefined : substitution;
  const constant = typeof substitution === 'number' ? substitution : 0;
  for (let i = 1; i <= m; i++) {
    let diag = row[0];
    row[0] = i * indel;
    const ai = a[i - 1];
    for (let j = 1; j <= n; j++) {
      const bj = b[j - 1];
      const s = ai === bj ? 0 : sub === undefined ? constant : sub(ai, bj);
      let v = diag + s;
      const del = row[j] + indel;
      const ins = row[j - 1] + indel;
      if (del < v) v = del;
      if (ins < v) v = ins;
      diag = row[j];
      row[j] = v;
    }
  }
  return row[n];
}

/** Length of the longest common subsequence. O(|a||b|) time, O(|b|) memory. */
export function longestCommonSubsequence(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  work?: Int32Array,
): number {
  const n = b.length;
  const row = work !== undefined && work.length >= n + 1 ? work : new Int32Array(n + 1);
  row.fill(0, 0, n + 1);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    const ai = a[i - 1];
    for (let j = 1; j <= n; j++) {
      const up = row[j];
      row[j] = ai === b[j - 1] ? diag + 1 : up > row[j - 1] ? up : row[j - 1];
      diag = up;
    }
  }
  return row[n];
}

/** |a| + |b| - 2 LCS(a, b): the OM distance with indel 1 and substitution >= 2. */
export function lcsDistance(a: ArrayLike<number>, b: ArrayLike<number>, work?: Int32Array): number {
  return a.length + b.length - 2 * longestCommonSubsequence(a, b, work);
}

/** Position-by-position mismatch cost; unmatched tail positions cost `indel` each. O(max(|a|, |b|)). */
export function hammingDistance(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  substitution: SubstitutionCost = 1,
  indel = 1,
): number {
  const common = Math.min(a.length, b.length);
  let s = 0;
  for (let i = 0; i < common; i++) {
    if (a[i] !== b[i]) s += typeof substitution === 'number' ? substitution : substitution(a[i], b[i]);
  }
  return s + (Math.max(a.length, b.length) - common) * indel;
}
