/**
 * Small sampling steps of the generator, over an injected random stream. Cumulative tables are
 * plain Float64Arrays so a draw is one binary search, with no allocation.
 */
import type { Random } from '../util/random.js';

/** In-place running sum of `weights[start..end)`, normalized so the last entry is exactly 1. */
export function cumulateInPlace(weights: Float64Array, start = 0, end = weights.length): Float64Array {
  let sum = 0;
  for (let i = start; i < end; i++) {
    sum += weights[i];
    weights[i] = sum;
  }
  for (let i = start; i < end; i++) weights[i] /= sum;
  if (end > start) weights[end - 1] = 1;
  return weights;
}

/** Index i in [start, end) with cdf[i-1] <= u < cdf[i] (binary search; cdf from `cumulateInPlace`). */
export function drawFromCdf(cdf: Float64Array, u: number, start = 0, end = cdf.length): number {
  let lo = start;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Zipf weights 1/(rank+1)^exponent for `n` ranks. */
export function zipfWeights(n: number, exponent: number): Float64Array {
  const w = new Float64Array(n);
  for (let r = 0; r < n; r++) w[r] = 1 / (r + 1) ** exponent;
  return w;
}

/** Log-normal deviate with the given median and log-scale sigma. */
export function logNormal(random: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * random.normal());
}

/** Geometric count >= 1 with the given mean (number of trials to the first success). */
export function geometricAtLeastOne(random: Random, mean: number): number {
  if (mean <= 1) return 1;
  const p = 1 / mean;
  return 1 + Math.floor(Math.log(1 - random.uniform()) / Math.log(1 - p));
}

/** Bernoulli trial. */
export function chance(random: Random, p: number): boolean {
  return random.uniform() < p;
}

/**
 * A 32-bit seed for stream `index` of a generation with `seed`, independent of the order streams
 * are used in (murmur3 finalizer over both words), so users can be simulated one at a time.
 */
export function streamSeed(seed: number, index: number): number {
  let h = (Math.floor(seed) ^ Math.floor((seed % 1) * 0x100000000)) >>> 0;
  h = Math.imul(h ^ Math.imul(index + 1, 0x9e3779b1), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
