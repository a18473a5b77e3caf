/**
 * Behavior profiles of the planted segments, noise users and bots: what a user of the profile
 * looks at (category distribution and transitions), how far down the funnel they go, how active
 * they are, when, and in what order they act on what they saw.
 */
import type { Random } from '../util/random.js';
import { type Catalog, randomPermutation } from './generate-catalog.js';
import {
  cyclesWithin,
  favouriteSets,
  interleavedSets,
  mixPreferences,
  modeCount,
  phaseCount,
  popularityTiers,
  restrictedWeights,
  tieredWeights,
} from './generate-category-structure.js';
import type { KindPreset } from './generate-options.js';
import { cumulateInPlace } from './generate-sampling.js';

/**
 * When a user carts, favs or buys an item they viewed:
 * `impulse` right after the view (search-then-buy), `compare` at the end of the session after
 * browsing the alternatives (browse-compare-cart), `return` at the start of their next session.
 */
export const ACTION_STYLES = ['impulse', 'compare', 'return'] as const;
export type ActionStyle = (typeof ACTION_STYLES)[number];

export interface Funnel {
  /** Expected cart, fav and buy events per item view. */
  cart: number;
  fav: number;
  buy: number;
}

export interface SegmentProfile {
  /** Stationary category distribution (sums to 1) and its cumulative table. */
  readonly categoryWeights: Float64Array;
  readonly categoryCdf: Float64Array;
  /** Next category: `successor[c]` with `cycleProbability`, `c` again with `stayProbability`, else a fresh draw. */
  readonly successor: Int32Array;
  readonly cycleProbability: number;
  readonly stayProbability: number;
  /**
   * Several successor maps ("modes"), or null. When set, a session starts in a uniformly random mode,
   * moves to mode `nextMode[m]` before each step, and a cycle step follows `modeSuccessors[mode]`
   * instead of `successor`. `nextMode` is a permutation, so the mode is uniform at every step and
   * adjacent-pair statistics do not depend on it; which map follows which (longer runs) does.
   */
  readonly modeSuccessors: Int32Array[] | null;
  readonly nextMode: Int32Array | null;
  /**
   * Category sets visited in phases, or null. When set, a user's sessions are cut into
   * `phaseOrder.length` runs of equal count, and in run r every draw (session start, fresh step)
   * comes from `phaseCdfs[phaseOrder[r]]`, a distribution over one set; `successor` cycles stay
   * inside each set. `categoryWeights` is then the average of the sets' distributions.
   */
  readonly phaseCdfs: Float64Array[] | null;
  readonly phaseOrder: Int32Array | null;
  readonly funnel: Funnel;
  readonly actionStyle: ActionStyle;
  /** Item views per user: log-normal(median, sigma), clamped to [minViews, maxViews]. */
  readonly medianViews: number;
  readonly viewsSigma: number;
  readonly minViews: number;
  readonly maxViews: number;
  /** Mean item views per session (geometric). */
  readonly meanSessionViews: number;
  /** Seconds between events in a session: log-normal(median, sigma), or a fixed interval for bots. */
  readonly medianGapSeconds: number;
  readonly gapSigma: number;
  readonly regularGap: boolean;
  /** Session start hour (local time): normal(peakHour, hourSpread) wrapped to a day; NaN = uniform. */
  readonly peakHour: number;
  readonly hourSpread: number;
  /** Bots crawl the catalog: items uniformly at random, ignoring popularity and categories. */
  readonly uniformItems: boolean;
}

/** The funnel of an average human user (Taobao UserBehavior: pv 89.5%, cart 5.5%, fav 2.9%, buy 2.0%). */
export const BASE_FUNNEL: Funnel = { cart: 0.062, fav: 0.032, buy: 0.023 };
export const BOT_FUNNEL: Funnel = { cart: 0.002, fav: 0.002, buy: 0.0002 };

const HUMAN = {
  viewsSigma: 0.9,
  minViews: 2,
  maxViews: 2000,
  meanSessionViews: 4.5,
  medianGapSeconds: 55,
  gapSigma: 0.9,
  peakHour: 20,
  hourSpread: 3,
  stayProbability: 0.3,
};

/**
 * One profile per planted segment, as the kind's preset says.
 * Segment k's differences are evenly spaced over the segments and assigned in a random order, so
 * every pair of segments differs by at least the spread's step.
 */
export function buildSegmentProfiles(
  catalog: Catalog,
  k: number,
  preset: KindPreset,
  random: Random,
): SegmentProfile[] {
  const C = catalog.nCategories;
  const favourites = preset.sharedComposition ? [] : favouriteSets(C, k, preset.disjointPreferences, random);
  const tiers = preset.sharedComposition ? popularityTiers(catalog.categoryPopularity) : [];
  const shared = preset.sharedComposition
    ? tieredWeights(catalog.categoryPopularity, tiers)
    : catalog.categoryPopularity;
  const spaced = (spread: number, ratio: number): number[] => {
    const perm = randomPermutation(k, random);
    return Array.from(perm, (r) => ratio ** (spread * (k === 1 ? 0 : (2 * r) / (k - 1) - 1)));
  };
  const cartF = spaced(preset.funnelSpread, 2);
  const favF = spaced(preset.funnelSpread, 2);
  const buyF = spaced(preset.funnelSpread, 2.5);
  const viewsF = spaced(preset.activitySpread, 3);
  const sessionF = spaced(preset.activitySpread, 2);
  const gapF = spaced(preset.activitySpread, 2.5);
  const hourOrder = randomPermutation(k, random);
  const styleOffset = random.int(ACTION_STYLES.length);
  const modes = preset.sharedTransitions ? modePermutations(k, random) : [];
  const sharedCycles = modes.length > 0 ? Array.from(modes[0], () => cyclesWithin(tiers, C, random)) : [];
  const phases = preset.phasedSets ? phaseOrders(k, random) : [];
  const phaseSets =
    phases.length > 0 ? interleavedSets(catalog.categoryPopularity, phases[0].length, random) : [];
  const phaseWeights = phaseSets.map((set) => restrictedWeights(catalog.categoryPopularity, set));
  const phaseCycles = phaseSets.length > 0 ? cyclesWithin(phaseSets, C, random) : null;
  const phaseCdfs = phaseWeights.map((w) => cumulateInPlace(Float64Array.from(w)));
  const profiles: SegmentProfile[] = [];
  for (let s = 0; s < k; s++) {
    let weights: Float64Array;
    let successor: Int32Array;
    if (phaseCycles !== null) {
      weights = new Float64Array(C);
      for (const w of phaseWeights) for (let c = 0; c < C; c++) weights[c] += w[c] / phaseWeights.length;
      successor = phaseCycles;
    } else if (preset.sharedTransitions) {
      weights = Float64Array.from(shared);
      successor = sharedCycles[0] as Int32Array;
    } else if (preset.sharedComposition) {
      weights = Float64Array.from(shared);
      successor = cyclesWithin(tiers, C, random);
    } else {
      weights = mixPreferences(catalog.categoryPopularity, favourites[s], preset.preferenceStrength, random);
      const rest = [];
      const fav = new Set(favourites[s]);
      for (let c = 0; c < C; c++) if (!fav.has(c)) rest.push(c);
      successor = cyclesWithin([favourites[s], rest], C, random);
    }
    // order-long and order-phase keep one action style, since styles move actions relative to views (bigrams).
    const ordered = preset.orderSpread > 0 && !preset.sharedTransitions && !preset.phasedSets;
    profiles.push({
      categoryWeights: weights,
      categoryCdf: cumulateInPlace(Float64Array.from(weights)),
      successor,
      cycleProbability: 0.7 * preset.orderSpread,
      stayProbability: preset.sharedComposition ? 0.1 : HUMAN.stayProbability,
      modeSuccessors: preset.sharedTransitions ? sharedCycles : null,
      nextMode: preset.sharedTransitions ? modes[s] : null,
      phaseCdfs: phaseCycles !== null ? phaseCdfs : null,
      phaseOrder: phaseCycles !== null ? phases[s] : null,
      funnel: {
        cart: BASE_FUNNEL.cart * cartF[s],
        fav: BASE_FUNNEL.fav * favF[s],
        buy: BASE_FUNNEL.buy * buyF[s],
      },
      actionStyle: ordered ? ACTION_STYLES[(s + styleOffset) % ACTION_STYLES.length] : 'impulse',
      medianViews: preset.medianViews * viewsF[s],
      viewsSigma: HUMAN.viewsSigma,
      minViews: HUMAN.minViews,
      maxViews: HUMAN.maxViews,
      meanSessionViews: HUMAN.meanSessionViews * sessionF[s],
      medianGapSeconds: HUMAN.medianGapSeconds * gapF[s],
      gapSigma: HUMAN.gapSigma,
      regularGap: false,
      // Peaks spread over the day around the evening peak of the average user.
      peakHour: (((HUMAN.peakHour + preset.timeSpread * ((24 * hourOrder[s]) / k - 12)) % 24) + 24) % 24,
      hourSpread: preset.timeSpread > 0 ? 2.5 : HUMAN.hourSpread,
      uniformItems: false,
    });
  }
  return profiles;
}

/** A noise user: idiosyncratic favourites (3 random categories, strength 0.5), average everything else. */
export function noiseProfile(catalog: Catalog, medianViews: number, random: Random): SegmentProfile {
  const C = catalog.nCategories;
  const fav = Array.from(randomPermutation(C, random).subarray(0, Math.min(3, C)));
  const weights = mixPreferences(catalog.categoryPopularity, fav, 0.5, random);
  return {
    categoryWeights: weights,
    categoryCdf: cumulateInPlace(Float64Array.from(weights)),
    successor: randomPermutation(C, random),
    cycleProbability: 0.3 * random.uniform(),
    stayProbability: HUMAN.stayProbability,
    modeSuccessors: null,
    nextMode: null,
    phaseCdfs: null,
    phaseOrder: null,
    funnel: BASE_FUNNEL,
    actionStyle: ACTION_STYLES[random.int(ACTION_STYLES.length)],
    medianViews,
    viewsSigma: HUMAN.viewsSigma,
    minViews: HUMAN.minViews,
    maxViews: HUMAN.maxViews,
    meanSessionViews: HUMAN.meanSessionViews,
    medianGapSeconds: HUMAN.medianGapSeconds,
    gapSigma: HUMAN.gapSigma,
    regularGap: false,
    peakHour: 24 * random.uniform(),
    hourSpread: HUMAN.hourSpread,
    uniformItems: false,
  };
}

/** A bot: ~1,500 views at a regular 3-10 s interval, any hour, uniform items, almost no buys. */
export function botProfile(catalog: Catalog, random: Random): SegmentProfile {
  const C = catalog.nCategories;
  const weights = new Float64Array(C).fill(1 / C);
  return {
    categoryWeights: weights,
    categoryCdf: cumulateInPlace(Float64Array.from(weights)),
    successor: randomPermutation(C, random),
    cycleProbability: 0,
    stayProbability: 0,
    modeSuccessors: null,
    nextMode: null,
    phaseCdfs: null,
    phaseOrder: null,
    funnel: BOT_FUNNEL,
    actionStyle: 'impulse',
    medianViews: 1500,
    viewsSigma: 0.4,
    minViews: 300,
    maxViews: 20_000,
    meanSessionViews: 400,
    medianGapSeconds: 3 + random.int(8),
    gapSigma: 0,
    regularGap: true,
    peakHour: Number.NaN,
    hourSpread: 0,
    uniformItems: true,
  };
}

/**
 * K distinct permutations of M modes, M the smallest >= 2 with M! >= K, in random order
 * (for K = 2: stay in one mode vs alternate; for K <= 6: the permutations of 3 modes).
 */
function modePermutations(k: number, random: Random): Int32Array[] {
  const m = modeCount(k);
  const all: Int32Array[] = [];
  const build = (prefix: number[]) => {
    if (prefix.length === m) all.push(Int32Array.from(prefix));
    else for (let i = 0; i < m; i++) if (!prefix.includes(i)) build([...prefix, i]);
  };
  build([]);
  const order = randomPermutation(all.length, random);
  return Array.from({ length: k }, (_, s) => all[order[s]]);
}

/**
 * Phase orders of order-phase: the cyclic shifts of one random order of max(K, 2) sets, one per
 * segment, so at every point of the history the segments are in different sets (a Latin square;
 * for K = 2: P then Q vs Q then P). Draws what modePermutations draws for K = 2, so both give the
 * same orders there.
 */
function phaseOrders(k: number, random: Random): Int32Array[] {
  const m = phaseCount(k);
  const base = randomPermutation(m, random);
  return Array.from({ length: k }, (_, s) => Int32Array.from({ length: m }, (_, r) => base[(r + s) % m]));
}
