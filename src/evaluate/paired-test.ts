/**
 * Paired bootstrap test and Holm's step-down correction.
 * The test: over shared replicates, d_b = a_b - b_b; two-sided p = min(1, 2 min(#{d<=0}+1, #{d>=0}+1) / (B+1))
 * (the +1 keeps p > 0, Davison & Hinkley 1997, ch. 4).
 */

/** Two-sided bootstrap p-value that candidate a and b have equal means, from paired replicates. */
export function pairedBootstrapP(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`pairedBootstrapP: a.length (${a.length}) != b.length (${b.length})`);
  let le = 0;
  let ge = 0;
  let B = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    if (!Number.isFinite(d)) continue;
    B++;
    if (d <= 0) le++;
    if (d >= 0) ge++;
  }
  if (B === 0) return Number.NaN;
  return Math.min(1, (2 * (Math.min(le, ge) + 1)) / (B + 1));
}

/**
 * Holm (1979) adjusted p-values, in the input order: sort ascending, p_(i) * (m - i + 1), running max,
 * capped at 1. NaN inputs stay NaN and do not count in m.
 * @example holm([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export function holm(p: readonly number[]): number[] {
  const idx = p.map((_, i) => i).filter((i) => !Number.isNaN(p[i])).sort((x, y) => p[x] - p[y]);
  const m = idx.length;
  const out = p.map(() => Number.NaN);
  let running = 0;
  idx.forEach((i, r) => {
    running = Math.max(running, Math.min(1, p[i] * (m - r)));
    out[i] = running;
  });
  return out;
}
