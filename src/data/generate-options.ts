/**
 * Options of the synthetic log generator and the named log kinds. A kind is a preset of how the
 * planted segments differ; explicit options (noise and bot fractions, sizes) override the preset.
 */
import { phaseCount } from './generate-category-structure.js';

/**
 * How the planted segments differ (`difficulty` in the options and on the CLI):
 * - `easy`: strongly different category preferences (disjoint favourite categories), plus
 *   different funnels, activity, time of day and ordering style; no noise, no bots. Counts of
 *   categories alone separate the segments.
 * - `medium`: overlapping preferences, milder differences, 5% noise users, 1% bots, sizes up to 2:1.
 * - `hard`: weak preferences, shorter sequences, 10% noise, 2% bots, sizes up to 4:1.
 * - `order-only`: the same category, item and behavior composition in every segment (same
 *   stationary category distribution, same funnel, activity, timing); segments differ only in the
 *   order of events (category transition cycles and when they act on what they viewed).
 * - `order-long`: like `order-only`, and the adjacent-pair (bigram) statistics are the same too:
 *   every segment uses the same few category cycles equally often, but each segment switches
 *   between them in its own fixed order, which only runs of three or more events reveal.
 * - `order-phase`: every segment visits the same category sets with the same walk inside each, and
 *   spends the same share of its sessions in each; segments differ in the order of the visits over
 *   the user's history (set P then Q, or Q then P): when a user looked at what, not what or how.
 * - `composition`: segments differ in category preferences only; everything else is shared.
 * - `activity-only`: segments differ in activity volume, session length and tempo only.
 * - `noisy`: `composition` strength with 15% noise users and 5% bots.
 * - `unbalanced`: `composition` strength with segment sizes from 10:1 down to 1.
 */
export const GENERATE_KINDS = [
  'easy',
  'medium',
  'hard',
  'order-only',
  'order-long',
  'order-phase',
  'composition',
  'activity-only',
  'noisy',
  'unbalanced',
] as const;
export type GenerateKind = (typeof GENERATE_KINDS)[number];

export interface GenerateOptions {
  /** Number of users (noise users and bots included). */
  users: number;
  /** Number of planted segments K. */
  segments: number;
  /** Which kind of log; default `medium`. */
  difficulty?: GenerateKind;
  seed: number;
  /** Item catalog size; default 10,000. */
  items?: number;
  /** Number of categories; default 120. */
  categories?: number;
  /** Fraction of users that follow no segment (truth segment -1); default from the kind. */
  noiseFraction?: number;
  /** Fraction of users that are bots (truth segment -1, is_bot 1); default from the kind. */
  botFraction?: number;
  /** Largest / smallest segment size; 1 = balanced; default from the kind. */
  sizeRatio?: number;
  /** Median number of item views per human user; default from the kind. */
  medianViews?: number;
}

/** What a kind sets; every number is documented where it is used (generate-profiles.ts). */
export interface KindPreset {
  /** Share of a segment's category choices that go to its own favourites (0 = global popularity). */
  preferenceStrength: number;
  /** Favourite category sets are disjoint across segments where the catalog allows it. */
  disjointPreferences: boolean;
  /** 0..1: how far funnels, activity, timing and ordering style differ between segments. */
  funnelSpread: number;
  activitySpread: number;
  timeSpread: number;
  orderSpread: number;
  /** Segments share one stationary category distribution (the order-only construction). */
  sharedComposition: boolean;
  /** Segments also share the category transition (bigram) distribution (the order-long construction). */
  sharedTransitions: boolean;
  /** Segments visit shared category sets in segment-specific orders over the history (order-phase). */
  phasedSets: boolean;
  noiseFraction: number;
  botFraction: number;
  sizeRatio: number;
  medianViews: number;
}

const BASE: KindPreset = {
  preferenceStrength: 0,
  disjointPreferences: false,
  funnelSpread: 0,
  activitySpread: 0,
  timeSpread: 0,
  orderSpread: 0,
  sharedComposition: false,
  sharedTransitions: false,
  phasedSets: false,
  noiseFraction: 0,
  botFraction: 0,
  sizeRatio: 1,
  medianViews: 55,
};

export const KIND_PRESETS: Readonly<Record<GenerateKind, KindPreset>> = {
  easy: {
    ...BASE,
    preferenceStrength: 0.9,
    disjointPreferences: true,
    funnelSpread: 1,
    activitySpread: 1,
    timeSpread: 1,
    orderSpread: 1,
  },
  medium: {
    ...BASE,
    preferenceStrength: 0.3,
    funnelSpread: 0.6,
    activitySpread: 0.6,
    timeSpread: 0.6,
    orderSpread: 0.6,
    noiseFraction: 0.05,
    botFraction: 0.01,
    sizeRatio: 2,
  },
  hard: {
    ...BASE,
    preferenceStrength: 0.25,
    funnelSpread: 0.3,
    activitySpread: 0.3,
    timeSpread: 0.3,
    orderSpread: 0.3,
    noiseFraction: 0.1,
    botFraction: 0.02,
    sizeRatio: 4,
    medianViews: 25,
  },
  'order-only': { ...BASE, sharedComposition: true, orderSpread: 1 },
  'order-long': { ...BASE, sharedComposition: true, sharedTransitions: true, orderSpread: 1 },
  'order-phase': { ...BASE, phasedSets: true, orderSpread: 1 },
  composition: { ...BASE, preferenceStrength: 0.6 },
  'activity-only': { ...BASE, activitySpread: 1 },
  noisy: { ...BASE, preferenceStrength: 0.6, noiseFraction: 0.15, botFraction: 0.05 },
  unbalanced: { ...BASE, preferenceStrength: 0.6, sizeRatio: 10 },
};

export const GENERATE_DEFAULTS = { difficulty: 'medium' as GenerateKind, items: 10_000, categories: 120 };

/** Options with every default filled in and the kind's preset resolved. */
export interface ResolvedGenerateOptions {
  users: number;
  segments: number;
  difficulty: GenerateKind;
  seed: number;
  items: number;
  categories: number;
  preset: KindPreset;
}

/**
 * Check and complete generator options. All problems are reported at once.
 * @throws RangeError naming every bad parameter.
 */
export function resolveGenerateOptions(options: GenerateOptions): ResolvedGenerateOptions {
  const problems: string[] = [];
  const difficulty = options.difficulty ?? GENERATE_DEFAULTS.difficulty;
  const items = options.items ?? GENERATE_DEFAULTS.items;
  const categories = options.categories ?? GENERATE_DEFAULTS.categories;
  const positiveInt = (name: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min) problems.push(`${name} (${v}) must be an integer >= ${min}`);
  };
  positiveInt('users', options.users, 1);
  positiveInt('segments', options.segments, 1);
  positiveInt('items', items, 1);
  positiveInt('categories', categories, 1);
  if (!Number.isFinite(options.seed)) problems.push(`seed (${options.seed}) must be a finite number`);
  if (!GENERATE_KINDS.includes(difficulty))
    problems.push(`difficulty ("${difficulty}") must be one of ${GENERATE_KINDS.join(', ')}`);
  if (Number.isInteger(items) && Number.isInteger(categories) && items < categories) {
    problems.push(`items (${items}) must be >= categories (${categories})`);
  }
  const base = KIND_PRESETS[difficulty] ?? BASE;
  const phases = base.phasedSets && Number.isInteger(options.segments) ? phaseCount(options.segments) : 0;
  if (Number.isInteger(categories) && categories < phases)
    problems.push(
      `categories (${categories}) must be >= ${phases} for ${difficulty} with ${options.segments} segments (one category set per phase)`,
    );
  const preset: KindPreset = {
    ...base,
    noiseFraction: options.noiseFraction ?? base.noiseFraction,
    botFraction: options.botFraction ?? base.botFraction,
    sizeRatio: options.sizeRatio ?? base.sizeRatio,
    medianViews: options.medianViews ?? base.medianViews,
  };
  const fraction = (name: string, v: number) => {
    if (!(v >= 0 && v < 1)) problems.push(`${name} (${v}) must be in [0, 1)`);
  };
  fraction('noiseFraction', preset.noiseFraction);
  fraction('botFraction', preset.botFraction);
  if (preset.noiseFraction + preset.botFraction >= 1)
    problems.push(`noiseFraction + botFraction (${preset.noiseFraction + preset.botFraction}) must be < 1`);
  if (!(preset.sizeRatio >= 1 && Number.isFinite(preset.sizeRatio)))
    problems.push(`sizeRatio (${preset.sizeRatio}) must be a finite number >= 1`);
  if (!(preset.medianViews >= 1 && Number.isFinite(preset.medianViews)))
    problems.push(`medianViews (${preset.medianViews}) must be a finite number >= 1`);
  if (problems.length > 0) throw new RangeError(`generateSequences: ${problems.join('; ')}`);
  return {
    users: options.users,
    segments: options.segments,
    difficulty,
    seed: options.seed,
    items,
    categories,
    preset,
  };
}
