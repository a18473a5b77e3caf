/**
 * The nonparametric bootstrap over users (Efron & Tibshirani 1993): each replicate is a vector of
 * multiplicities (how often each user was drawn in n draws with replacement). All candidates are
 * scored on the same users, so one set of replicates serves every candidate and makes the
 * comparisons paired.
 */
import type { Random } from '../util/random.js';

/** `replicates` multiplicity vectors of length n (Float64 so they feed weighted sums directly). */
export function bootstrapWeights(n: number, replicates: number, random: Random): Float64Array[] {
  if (!Number.isInteger(replicates) || replicates < 1)
    throw new RangeError(`bootstrapWeights: replicates (${replicates}) must be a positive integer`);
  const out: Float64Array[] = [];
  for (let b = 0; b < replicates; b++) {
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) w[random.int(n)] += 1;
    out.push(w);
  }
  return out;
}

/**
 * Percentile interval [alpha/2, 1 - alpha/2] of finite values (linear interpolation, numpy's default).
 * Returns [NaN, NaN] when no value is finite.
 */
export function percentileInterval(values: ArrayLike<number>, alpha = 0.05): [number, number] {
  const v = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (v.length === 0) return [Number.NaN, Number.NaN];
  return [quantile(v, alpha / 2), quantile(v, 1 - alpha / 2)];
}

/** Quantile of sorted values, linear interpolation between order statistics (numpy 'linear'). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
