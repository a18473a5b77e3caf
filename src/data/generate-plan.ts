/**
 * Everything about a generated log that is decided before any event: catalog, segment profiles,
 * which user is in which segment (or is noise, or a bot), and each user's own random stream.
 * The in-memory generator and the streaming writer both walk one plan, so they describe one log.
 */
import { randomSource } from '../util/random.js';
import { buildCatalog, type Catalog, randomPermutation } from './generate-catalog.js';
import type { EventBuffer } from './generate-event-buffer.js';
import {
  type GenerateOptions,
  type ResolvedGenerateOptions,
  resolveGenerateOptions,
} from './generate-options.js';
import { botProfile, buildSegmentProfiles, noiseProfile, type SegmentProfile } from './generate-profiles.js';
import { streamSeed } from './generate-sampling.js';
import { simulateUser } from './generate-user.js';

/** The planted truth: per user, its segment (-1 for noise users and bots) and whether it is a bot. */
export interface GeneratedTruth {
  users: string[];
  segment: Int32Array;
  isBot: Uint8Array;
}

export interface GenerationPlan {
  readonly options: ResolvedGenerateOptions;
  readonly catalog: Catalog;
  /** One profile per planted segment, in segment order. */
  readonly profiles: SegmentProfile[];
  readonly truth: GeneratedTruth;
}

/**
 * Decide catalog, profiles and membership for `options`.
 * @throws RangeError on bad options (see resolveGenerateOptions).
 */
export function planGeneration(options: GenerateOptions): GenerationPlan {
  const resolved = resolveGenerateOptions(options);
  const master = randomSource(resolved.seed);
  const catalog = buildCatalog(resolved.items, resolved.categories, master.fork());
  const profiles = buildSegmentProfiles(catalog, resolved.segments, resolved.preset, master.fork());
  const truth = assignUsers(resolved, master.fork());
  return { options: resolved, catalog, profiles, truth };
}

/**
 * Simulate user `u` of the plan into `out` (`pending` is scratch space). Each user has its own
 * stream derived from (seed, u), so users can be produced one at a time, in any order.
 */
export function simulatePlannedUser(
  plan: GenerationPlan,
  u: number,
  out: EventBuffer,
  pending: EventBuffer,
): void {
  const random = randomSource(streamSeed(plan.options.seed, u));
  const s = plan.truth.segment[u];
  let profile: SegmentProfile;
  if (plan.truth.isBot[u] === 1) profile = botProfile(plan.catalog, random);
  else if (s < 0) profile = noiseProfile(plan.catalog, plan.options.preset.medianViews, random);
  else profile = plan.profiles[s];
  simulateUser(profile, plan.catalog, random, out, pending);
}

/**
 * Planned segment sizes: humans split over K segments with sizes proportional to
 * sizeRatio^(-k/(K-1)) (largest remainder), so the largest is sizeRatio times the smallest.
 */
export function plannedSegmentSizes(options: ResolvedGenerateOptions): {
  sizes: Int32Array;
  noise: number;
  bots: number;
} {
  const { users, segments: k, preset } = options;
  const bots = Math.round(preset.botFraction * users);
  const noise = Math.min(users - bots, Math.round(preset.noiseFraction * users));
  const humans = users - bots - noise;
  const weights = Array.from({ length: k }, (_, s) => preset.sizeRatio ** (k === 1 ? 0 : -s / (k - 1)));
  const total = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (w / total) * humans);
  const sizes = Int32Array.from(quotas, Math.floor);
  let left = humans - sizes.reduce((a, b) => a + b, 0);
  const byRemainder = quotas.map((q, s) => [q - Math.floor(q), s]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let i = 0; left > 0; i = (i + 1) % k, left--) sizes[byRemainder[i][1]]++;
  return { sizes, noise, bots };
}

function assignUsers(
  options: ResolvedGenerateOptions,
  random: ReturnType<typeof randomSource>,
): GeneratedTruth {
  const { sizes, noise } = plannedSegmentSizes(options);
  const n = options.users;
  const blockSegment = new Int32Array(n).fill(-1);
  const blockBot = new Uint8Array(n);
  let at = 0;
  sizes.forEach((size, s) => {
    blockSegment.fill(s, at, at + size);
    at += size;
  });
  at += noise;
  blockBot.fill(1, at);
  const perm = randomPermutation(n, random);
  const segment = new Int32Array(n);
  const isBot = new Uint8Array(n);
  const users: string[] = new Array(n);
  for (let u = 0; u < n; u++) {
    segment[u] = blockSegment[perm[u]];
    isBot[u] = blockBot[perm[u]];
    users[u] = String(u + 1);
  }
  return { users, segment, isBot };
}
