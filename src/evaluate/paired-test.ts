/**
 * Paired bootstrap test and Holm's step-down correction.
 *
 * The test is the bootstrap Wald test (Efron & Tibshirani 1993, ch. 16): with d the observed
 * difference of two candidates' statistics and se the standard deviation of the paired replicate
 * differences d_b, z = d / se and p = 2 (1 - Phi(|z|)). Counting replicates instead would floor p
 * at 2/(B+1), which under Holm over many candidates could never reach significance.
 */
import { normalCdf } from './normal-cdf.js';

/**
 * Two-sided p-value that candidates a and b have equal statistics, from the observed difference
 * and paired bootstrap replicates (non-finite replicate pairs are skipped). 1 when se = 0 and d = 0.
 * @throws RangeError when the replicate arrays differ in length.
 */
export function pairedBootstrapP(observedDiff: number, a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new RangeError(`pairedBootstrapP: a.length (${a.length}) != b.length (${b.length})`);
  const d: number[] = [];
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i] - b[i])) d.push(a[i] - b[i]);
  if (d.length < 2 || !Number.isFinite(observedDiff)) return Number.NaN;
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  const se = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
  if (se === 0) return observedDiff === 0 ? 1 : 0;
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(observedDiff) / se)));
}

/**
 * Holm (1979) adjusted p-values, in the input order: sort ascending, p_(i) * (m - i + 1), running max,
 * capped at 1. NaN inputs stay NaN and do not count in m.
 * @example holm([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export function holm(p: readonly number[]): number[] {
  const idx = p
    .map((_, i) => i)
    .filter((i) => !Number.isNaN(p[i]))
    .sort((x, y) => p[x] - p[y]);
  const m = idx.length;
  const out = p.map(() => Number.NaN);
  let running = 0;
  idx.forEach((i, r) => {
    running = Math.max(running, Math.min(1, p[i] * (m - r)));
    out[i] = running;
  });
  return out;
}
