/**
 * How segments relate to categories: favourite sets, preference mixtures over the global
 * popularity, and category walks (cycles) that keep a chosen distribution stationary.
 */
import type { Random } from '../util/random.js';
import { randomPermutation } from './generate-catalog.js';

/** Favourite categories per segment: disjoint blocks of up to 8 when possible, else overlapping draws. */
export function favouriteSets(C: number, k: number, disjoint: boolean, random: Random): number[][] {
  const sets: number[][] = [];
  if (disjoint && C >= k) {
    const perm = randomPermutation(C, random);
    const m = Math.max(1, Math.min(8, Math.floor(C / k)));
    for (let s = 0; s < k; s++) sets.push(Array.from(perm.subarray(s * m, (s + 1) * m)));
    return sets;
  }
  const m = Math.max(1, Math.min(8, Math.ceil((2 * C) / Math.max(k, 1))));
  for (let s = 0; s < k; s++) sets.push(Array.from(randomPermutation(C, random).subarray(0, Math.min(m, C))));
  return sets;
}

/** strength * (random weights over the favourites) + (1 - strength) * global popularity. */
export function mixPreferences(
  popularity: Float64Array,
  favourites: number[],
  strength: number,
  random: Random,
): Float64Array {
  const w = new Float64Array(popularity.length);
  let fsum = 0;
  const fw = favourites.map(() => {
    const x = 0.2 - Math.log(1 - random.uniform());
    fsum += x;
    return x;
  });
  for (let c = 0; c < w.length; c++) w[c] = (1 - strength) * popularity[c];
  favourites.forEach((c, i) => {
    w[c] += (strength * fw[i]) / fsum;
  });
  return w;
}

/** Categories by descending popularity, cut into tiers of 8, 16, 32, ... (the last takes the rest). */
export function popularityTiers(popularity: Float64Array): number[][] {
  const order = Array.from(popularity.keys()).sort((a, b) => popularity[b] - popularity[a] || a - b);
  const tiers: number[][] = [];
  for (let start = 0, size = 8; start < order.length; start += size, size *= 2)
    tiers.push(order.slice(start, start + size));
  return tiers;
}

/** Popularity flattened within each tier, so a cycle through a tier keeps the distribution stationary. */
export function tieredWeights(popularity: Float64Array, tiers: number[][]): Float64Array {
  const w = new Float64Array(popularity.length);
  for (const tier of tiers) {
    let sum = 0;
    for (const c of tier) sum += popularity[c];
    for (const c of tier) w[c] = sum / tier.length;
  }
  return w;
}

/** A permutation made of one random cycle through each group (groups partition 0..C-1). */
export function cyclesWithin(groups: number[][], C: number, random: Random): Int32Array {
  const successor = new Int32Array(C);
  for (let c = 0; c < C; c++) successor[c] = c;
  for (const group of groups) {
    const perm = randomPermutation(group.length, random);
    for (let i = 0; i < group.length; i++) successor[group[perm[i]]] = group[perm[(i + 1) % group.length]];
  }
  return successor;
}

/**
 * Number of modes that gives K segments distinct orders of them (order-long): the smallest M >= 2
 * with M! >= K. O(M).
 * @example modeCount(2) // 2; modeCount(3) // 3; modeCount(7) // 4
 */
export function modeCount(k: number): number {
  let m = 2;
  let factorial = 2;
  while (factorial < k) factorial *= ++m;
  return m;
}

/** Number of category sets (phases) of order-phase for K segments: one per segment, at least 2. */
export function phaseCount(k: number): number {
  return Math.max(2, k);
}

/**
 * Categories dealt into `m` sets of similar popularity: by descending popularity in blocks of m,
 * each block's categories going to the m sets in a random order (the last block may leave some
 * sets one short). Every set is non-empty when C >= m.
 */
export function interleavedSets(popularity: Float64Array, m: number, random: Random): number[][] {
  const order = Array.from(popularity.keys()).sort((a, b) => popularity[b] - popularity[a] || a - b);
  const sets: number[][] = Array.from({ length: m }, () => []);
  for (let start = 0; start < order.length; start += m) {
    const deal = randomPermutation(m, random);
    for (let i = 0; i < m && start + i < order.length; i++) sets[deal[i]].push(order[start + i]);
  }
  return sets;
}

/** Popularity restricted to `set` and renormalized (zero elsewhere). */
export function restrictedWeights(popularity: Float64Array, set: number[]): Float64Array {
  const w = new Float64Array(popularity.length);
  let sum = 0;
  for (const c of set) sum += popularity[c];
  for (const c of set) w[c] = sum > 0 ? popularity[c] / sum : 1 / set.length;
  return w;
}
