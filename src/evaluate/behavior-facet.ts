/**
 * Facet 2, the common behavior space: how well a labeling explains users' behavior, measured in one
 * encoder-independent representation (behavior-space.ts), so every candidate is judged alike.
 *
 * - `category_coherence`, `transition_coherence`: 1 - W/T where W is the mean Jensen-Shannon
 *   divergence of users to their own segment's mean distribution and T to the population's: the
 *   share of JSD "explained" by the segmentation (an R^2 in divergence).
 * - `profile_eta2`: mean over standardized activity features of the between-segment share of
 *   variance (ANOVA eta^2); `conversion_eta2`, `activity_eta2` the same for those two alone.
 * - `size_balance`: normalized entropy of segment sizes (1 = equal sizes).
 * - `predictive_*`: out of sample, what the behavior score uses: each segment's HISTORY category and
 *   transition profile (shrunk toward the population with `SHRINK` pseudo-users) predicts its users'
 *   distributions AFTER the cutoff (1 - W/T as above), and the activity profile after the cutoff is
 *   grouped by the history labels (chance-adjusted eta^2). Fitting noise does not carry over to the
 *   future, so these do not grow by splitting segments.
 * - `pair_category`, `pair_transition`, `pair_profile`: held-out pair agreement (pair-agreement.ts):
 *   the point-biserial correlation between "same segment" (labels fitted on history) and the
 *   similarity of two users' behavior AFTER the cutoff, in each of the three parts. Unlike the
 *   predictive coherences it penalizes splitting a real segment as much as merging two, as the
 *   pair-counting indices (ARI) do; the behavior score uses these.
 * Each in-sample index has a chance-adjusted twin `(x - E) / (1 - E)`, E its expectation under random labelings with
 * the same sizes (exact (k-1)/(n-1) for eta^2; mean of permutations for coherence), so more segments
 * do not win by counting alone. Noise users (-1) are left out and the facet reports their share.
 */
import type { Random } from '../util/random.js';
import { shuffleInPlace } from '../util/random.js';
import { MIN_HOLDOUT_USERS } from './composite.js';
import type { BehaviorSpace, SparseDistributions } from './behavior-space.js';
import { groupMeanDistributions, jensenShannonToDense } from './jensen-shannon.js';
import {
  type PairSpace,
  type PairTerms,
  pairAgreementFrom,
  pairSpaceOfDistributions,
  pairSpaceOfFeatures,
  pairTerms,
} from './pair-agreement.js';

export interface BehaviorFacet {
  category_coherence: number;
  transition_coherence: number;
  profile_eta2: number;
  conversion_eta2: number;
  activity_eta2: number;
  size_balance: number;
  adjusted_category_coherence: number;
  adjusted_transition_coherence: number;
  adjusted_profile_eta2: number;
  predictive_category_coherence: number;
  predictive_transition_coherence: number;
  predictive_profile_r2: number;
  pair_category: number;
  pair_transition: number;
  pair_profile: number;
  noise_fraction: number;
}

/**
 * Per-user terms of the scored parts (held-out pair agreement; NaN terms when the future is not
 * scored), so a bootstrap re-aggregates without recomputing similarities.
 */
export interface BehaviorTerms {
  pairCategory: PairTerms;
  pairTransition: PairTerms;
  pairProfile: PairTerms;
}

/** The pair spaces of a future behavior space, built once per space (they do not depend on labels). */
const pairSpaces = new WeakMap<
  BehaviorSpace,
  { categories: PairSpace; transitions: PairSpace; profile: PairSpace }
>();

function pairSpacesOf(future: BehaviorSpace): {
  categories: PairSpace;
  transitions: PairSpace;
  profile: PairSpace;
} {
  let spaces = pairSpaces.get(future);
  if (spaces === undefined) {
    const active = new Uint8Array(future.n);
    for (let i = 0; i < future.n; i++)
      active[i] = future.categories.offsets[i + 1] > future.categories.offsets[i] ? 1 : 0;
    spaces = {
      categories: pairSpaceOfDistributions(future.categories),
      transitions: pairSpaceOfDistributions(future.transitions),
      profile: pairSpaceOfFeatures(future.features, future.featureNames.length, active),
    };
    pairSpaces.set(future, spaces);
  }
  return spaces;
}

function noPairTerms(n: number): PairTerms {
  const nan = () => new Float64Array(n).fill(Number.NaN);
  return { same: nan(), sameCount: nan(), other: nan(), otherCount: nan(), sd: Number.NaN };
}

/** Pseudo-users of shrinkage of a segment's profile toward the population's in predictive terms. */
export const SHRINK = 10;

/** JSD of every user's FUTURE row to its segment's (shrunk) HISTORY mean, and to the population's. */
export function predictiveDivergenceTerms(
  history: SparseDistributions,
  future: SparseDistributions,
  labels: Int32Array,
  k: number,
): { within: Float64Array; total: Float64Array } {
  const means = groupMeanDistributions(history, labels, k);
  const all = groupMeanDistributions(
    history,
    labels.map((l) => (l < 0 ? -1 : 0)),
    1,
  )[0];
  const sizes = new Float64Array(k);
  for (let i = 0; i < labels.length; i++)
    if (labels[i] >= 0 && history.offsets[i + 1] > history.offsets[i]) sizes[labels[i]]++;
  for (let c = 0; c < k; c++) {
    const w = sizes[c] / (sizes[c] + SHRINK);
    for (let j = 0; j < all.length; j++) means[c][j] = w * means[c][j] + (1 - w) * all[j];
  }
  const within = new Float64Array(labels.length).fill(Number.NaN);
  const total = new Float64Array(labels.length).fill(Number.NaN);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0 || future.offsets[i + 1] === future.offsets[i]) continue;
    within[i] = jensenShannonToDense(future, i, means[labels[i]]);
    total[i] = jensenShannonToDense(future, i, all);
  }
  return { within, total };
}

/**
 * Per user, the squared deviation of its FUTURE standardized features from its segment's future
 * mean (within) and from the population's future mean (total): an ANOVA of post-cutoff behavior
 * grouped by the labels fitted on history. The labels never saw the future, so the between-segment
 * share is an out-of-sample effect size; `predictive_profile_r2` reports it chance-adjusted with the
 * exact expectation (k - 1)/(n - 1) of eta^2 under random labels.
 */
export function predictiveFeatureTerms(
  future: BehaviorSpace,
  labels: Int32Array,
  k: number,
): { within: Float64Array; total: Float64Array } {
  const F = future.featureNames.length;
  const sum = new Float64Array(k * F);
  const all = new Float64Array(F);
  const cnt = new Float64Array(k);
  let n = 0;
  const active = (i: number) =>
    labels[i] >= 0 && future.categories.offsets[i + 1] > future.categories.offsets[i];
  for (let i = 0; i < labels.length; i++) {
    if (!active(i)) continue;
    cnt[labels[i]]++;
    n++;
    for (let j = 0; j < F; j++) {
      sum[labels[i] * F + j] += future.features[i * F + j];
      all[j] += future.features[i * F + j];
    }
  }
  const within = new Float64Array(labels.length).fill(Number.NaN);
  const total = new Float64Array(labels.length).fill(Number.NaN);
  for (let i = 0; i < labels.length; i++) {
    if (!active(i)) continue;
    const c = labels[i];
    let w = 0;
    let t = 0;
    for (let j = 0; j < F; j++) {
      const f = future.features[i * F + j];
      w += (f - sum[c * F + j] / cnt[c]) ** 2;
      t += (f - all[j] / n) ** 2;
    }
    within[i] = w;
    total[i] = t;
  }
  return { within, total };
}

/** JSD of every user to its segment mean and to the population mean (NaN for noise / empty rows). */
export function divergenceTerms(
  rows: SparseDistributions,
  labels: Int32Array,
  k: number,
): { within: Float64Array; total: Float64Array } {
  const means = groupMeanDistributions(rows, labels, k);
  const all = groupMeanDistributions(
    rows,
    labels.map((l) => (l < 0 ? -1 : 0)),
    1,
  )[0];
  const within = new Float64Array(labels.length).fill(Number.NaN);
  const total = new Float64Array(labels.length).fill(Number.NaN);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0) continue;
    within[i] = jensenShannonToDense(rows, i, means[labels[i]]);
    total[i] = jensenShannonToDense(rows, i, all);
  }
  return { within, total };
}

/** 1 - sum(within)/sum(total) over users (optionally weighted by bootstrap multiplicities). */
export function coherenceFrom(within: Float64Array, total: Float64Array, weights?: Float64Array): number {
  let w = 0;
  let t = 0;
  for (let i = 0; i < within.length; i++) {
    if (Number.isNaN(within[i]) || Number.isNaN(total[i])) continue;
    const m = weights ? weights[i] : 1;
    w += m * within[i];
    t += m * total[i];
  }
  return t > 0 ? 1 - w / t : Number.NaN;
}

/** Between-group share of variance of column j of a row-major n x F matrix (noise excluded). */
export function etaSquared(
  X: Float64Array,
  F: number,
  j: number,
  labels: Int32Array,
  k: number,
  weights?: Float64Array,
): number {
  const sum = new Float64Array(k);
  const cnt = new Float64Array(k);
  let all = 0;
  let n = 0;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l < 0) continue;
    const m = weights ? weights[i] : 1;
    sum[l] += m * X[i * F + j];
    cnt[l] += m;
    all += m * X[i * F + j];
    n += m;
  }
  const mean = all / n;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0) continue;
    total += (weights ? weights[i] : 1) * (X[i * F + j] - mean) ** 2;
  }
  let between = 0;
  for (let g = 0; g < k; g++) if (cnt[g] > 0) between += cnt[g] * (sum[g] / cnt[g] - mean) ** 2;
  return total > 0 ? between / total : 0;
}

/** Normalized entropy of the sizes of segments 0..k-1 (noise excluded); 1 for one segment. */
export function sizeBalance(labels: Int32Array, k: number): number {
  if (k <= 1) return 1;
  const counts = new Float64Array(k);
  let n = 0;
  for (const l of labels)
    if (l >= 0) {
      counts[l]++;
      n++;
    }
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h / Math.log(k);
}

export interface BehaviorFacetOptions {
  /** Random relabelings used to estimate the chance level of the coherences. */
  permutations: number;
  random: Random;
  /** The same users after the cutoff (rows aligned, built with `behaviorSpace(future, { buckets })`). */
  future?: BehaviorSpace;
}

/** The behavior facet of a labeling in the common space. */
export function behaviorFacet(
  space: BehaviorSpace,
  labels: Int32Array,
  k: number,
  options: BehaviorFacetOptions,
): { facet: BehaviorFacet; terms: BehaviorTerms } {
  if (labels.length !== space.n)
    throw new RangeError(`behaviorFacet: labels.length (${labels.length}) != users (${space.n})`);
  const cat = divergenceTerms(space.categories, labels, k);
  const trans = divergenceTerms(space.transitions, labels, k);
  const F = space.featureNames.length;
  const category_coherence = coherenceFrom(cat.within, cat.total);
  const transition_coherence = coherenceFrom(trans.within, trans.total);
  let eta = 0;
  for (let j = 0; j < F; j++) eta += etaSquared(space.features, F, j, labels, k);
  const profile_eta2 = eta / F;
  const convCol = space.featureNames.indexOf('conversion');
  const actCol = space.featureNames.indexOf('log_activity');
  let clustered = 0;
  for (const l of labels) if (l >= 0) clustered++;
  const chanceEta = clustered > 1 ? (k - 1) / (clustered - 1) : 0;
  const chance = chanceCoherence(space, labels, k, options);
  const none = {
    within: new Float64Array(labels.length).fill(Number.NaN),
    total: new Float64Array(labels.length).fill(Number.NaN),
  };
  const fut = options.future;
  if (fut !== undefined && fut.n !== space.n)
    throw new RangeError(`behaviorFacet: future users (${fut.n}) != users (${space.n})`);
  let activeFuture = 0;
  if (fut)
    for (let i = 0; i < labels.length; i++)
      if (labels[i] >= 0 && fut.categories.offsets[i + 1] > fut.categories.offsets[i]) activeFuture++;
  const scoreFuture = fut !== undefined && activeFuture >= MIN_HOLDOUT_USERS;
  const pCat = scoreFuture ? predictiveDivergenceTerms(space.categories, fut.categories, labels, k) : none;
  const pTrans = scoreFuture
    ? predictiveDivergenceTerms(space.transitions, fut.transitions, labels, k)
    : none;
  const pFeat = scoreFuture ? predictiveFeatureTerms(fut!, labels, k) : none;
  const pairs = scoreFuture ? pairSpacesOf(fut!) : undefined;
  const pairCategory = pairs ? pairTerms(pairs.categories, labels, k) : noPairTerms(labels.length);
  const pairTransition = pairs ? pairTerms(pairs.transitions, labels, k) : noPairTerms(labels.length);
  const pairProfile = pairs ? pairTerms(pairs.profile, labels, k) : noPairTerms(labels.length);
  return {
    facet: {
      category_coherence,
      transition_coherence,
      profile_eta2,
      conversion_eta2: etaSquared(space.features, F, convCol, labels, k),
      activity_eta2: etaSquared(space.features, F, actCol, labels, k),
      size_balance: sizeBalance(labels, k),
      adjusted_category_coherence: adjust(category_coherence, chance.category),
      adjusted_transition_coherence: adjust(transition_coherence, chance.transition),
      adjusted_profile_eta2: adjust(profile_eta2, chanceEta),
      predictive_category_coherence: coherenceFrom(pCat.within, pCat.total),
      predictive_transition_coherence: coherenceFrom(pTrans.within, pTrans.total),
      predictive_profile_r2: scoreFuture
        ? adjust(coherenceFrom(pFeat.within, pFeat.total), futureChance(fut, labels, k))
        : Number.NaN,
      pair_category: scoreFuture ? pairAgreementFrom(pairCategory) : Number.NaN,
      pair_transition: scoreFuture ? pairAgreementFrom(pairTransition) : Number.NaN,
      pair_profile: scoreFuture ? pairAgreementFrom(pairProfile) : Number.NaN,
      noise_fraction: (labels.length - clustered) / Math.max(1, labels.length),
    },
    terms: { pairCategory, pairTransition, pairProfile },
  };
}

/** Exact chance level (k - 1)/(n - 1) of eta^2 over the clustered users active after the cutoff. */
export function futureChance(future: BehaviorSpace | undefined, labels: Int32Array, k: number): number {
  if (future === undefined) return Number.NaN;
  let n = 0;
  for (let i = 0; i < labels.length; i++)
    if (labels[i] >= 0 && future.categories.offsets[i + 1] > future.categories.offsets[i]) n++;
  return n > 1 ? (k - 1) / (n - 1) : Number.NaN;
}

/** (x - E) / (1 - E): 0 at chance, 1 at perfect. */
export function adjust(x: number, expected: number): number {
  return expected < 1 ? (x - expected) / (1 - expected) : Number.NaN;
}

function chanceCoherence(
  space: BehaviorSpace,
  labels: Int32Array,
  k: number,
  { permutations, random }: BehaviorFacetOptions,
): { category: number; transition: number } {
  let category = 0;
  let transition = 0;
  const clusteredIdx: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) clusteredIdx.push(i);
  const shuffled = new Int32Array(labels);
  const values = Int32Array.from(clusteredIdx.map((i) => labels[i]));
  for (let r = 0; r < permutations; r++) {
    shuffleInPlace(values, random);
    clusteredIdx.forEach((i, t) => {
      shuffled[i] = values[t];
    });
    const c = divergenceTerms(space.categories, shuffled, k);
    const t = divergenceTerms(space.transitions, shuffled, k);
    category += coherenceFrom(c.within, c.total);
    transition += coherenceFrom(t.within, t.total);
  }
  return {
    category: category / Math.max(1, permutations),
    transition: transition / Math.max(1, permutations),
  };
}
