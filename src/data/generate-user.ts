/**
 * Simulate one user's event sequence from a profile: sessions at the user's habitual hours,
 * a Markov walk over categories inside each session, popular items more often, and the funnel's
 * carts, favs and buys placed according to the profile's ordering style.
 */
import type { Random } from '../util/random.js';
import { BEHAVIOR_CODE } from './sequence-set.js';
import { type Catalog, drawItem } from './generate-catalog.js';
import type { EventBuffer } from './generate-event-buffer.js';
import type { SegmentProfile } from './generate-profiles.js';
import { chance, drawFromCdf, geometricAtLeastOne, logNormal } from './generate-sampling.js';

/** The time window of generated logs, like Taobao UserBehavior: 2017-11-25 to 2017-12-03, UTC+8 days. */
export const GENERATE_WINDOW = { start: 1511539200, end: 1512316800, utcOffsetHours: 8 };

/** Gaps: sessions are separated by more than 30 min of inactivity, events inside one by at most 25 min. */
const SESSION_GAP_SECONDS = 1860;
const MAX_EVENT_GAP_SECONDS = 1500;

const PV = BEHAVIOR_CODE.pv;
const ACTIONS = [BEHAVIOR_CODE.cart, BEHAVIOR_CODE.fav, BEHAVIOR_CODE.buy] as const;

/**
 * Append one user's events to `out` (cleared first), in time order with strictly increasing whole
 * seconds inside the window. Events that would fall past the window's end are not generated.
 */
export function simulateUser(
  profile: SegmentProfile,
  catalog: Catalog,
  random: Random,
  out: EventBuffer,
  pending: EventBuffer,
): void {
  out.clear();
  pending.clear();
  const views = Math.round(
    Math.min(
      profile.maxViews,
      Math.max(profile.minViews, logNormal(random, profile.medianViews, profile.viewsSigma)),
    ),
  );
  const sessionViews: number[] = [];
  for (let left = views; left > 0; ) {
    const n = Math.min(left, geometricAtLeastOne(random, profile.meanSessionViews));
    sessionViews.push(n);
    left -= n;
  }
  const starts = new Float64Array(sessionViews.length);
  const days = Math.round((GENERATE_WINDOW.end - GENERATE_WINDOW.start) / 86400);
  for (let s = 0; s < starts.length; s++) {
    const hour = Number.isNaN(profile.peakHour)
      ? 24 * random.uniform()
      : (((profile.peakHour + profile.hourSpread * random.normal()) % 24) + 24) % 24;
    starts[s] = GENERATE_WINDOW.start + 86400 * random.int(days) + Math.floor(3600 * hour);
  }
  starts.sort();
  const funnel = [profile.funnel.cart, profile.funnel.fav, profile.funnel.buy];
  let t = Number.NEGATIVE_INFINITY;
  const emit = (item: number, behavior: number, first: boolean): boolean => {
    t = first ? t : t + eventGap(profile, random);
    if (t >= GENERATE_WINDOW.end) return false;
    out.push(item, catalog.itemCategory[item], behavior, t);
    return true;
  };
  const flush = (atSessionStart: boolean): boolean => {
    for (let i = 0; i < pending.length; i++)
      if (!emit(pending.items[i], pending.behaviors[i], atSessionStart && i === 0)) return false;
    pending.clear();
    return true;
  };
  for (let s = 0; s < sessionViews.length; s++) {
    t = Math.max(starts[s], t + SESSION_GAP_SECONDS + random.int(600));
    let first = true;
    if (profile.actionStyle === 'return' && pending.length > 0) {
      if (!flush(true)) return;
      first = false;
    }
    const cdf =
      profile.phaseOrder === null || profile.phaseCdfs === null
        ? profile.categoryCdf
        : profile.phaseCdfs[
            profile.phaseOrder[Math.floor((s * profile.phaseOrder.length) / sessionViews.length)]
          ];
    let c = drawFromCdf(cdf, random.uniform());
    const modes = profile.modeSuccessors;
    const nextMode = profile.nextMode;
    let mode = modes === null ? 0 : random.int(modes.length);
    for (let v = 0; v < sessionViews[s]; v++) {
      if (v > 0) {
        if (nextMode !== null) mode = nextMode[mode];
        c = nextCategory(profile, modes === null ? profile.successor : modes[mode], cdf, c, random);
      }
      const item = profile.uniformItems ? random.int(catalog.nItems) : drawItem(catalog, c, random.uniform());
      if (!emit(item, PV, first)) return;
      first = false;
      for (let a = 0; a < ACTIONS.length; a++) {
        if (!chance(random, funnel[a])) continue;
        if (profile.actionStyle === 'impulse') {
          if (!emit(item, ACTIONS[a], false)) return;
        } else pending.push(item, catalog.itemCategory[item], ACTIONS[a], 0);
      }
    }
    if (profile.actionStyle === 'compare' || s === sessionViews.length - 1) {
      if (!flush(false)) return;
    }
  }
}

function nextCategory(
  profile: SegmentProfile,
  successor: Int32Array,
  cdf: Float64Array,
  c: number,
  random: Random,
): number {
  const u = random.uniform();
  if (u < profile.cycleProbability) return successor[c];
  if (u < profile.cycleProbability + profile.stayProbability) return c;
  return drawFromCdf(cdf, random.uniform());
}

function eventGap(profile: SegmentProfile, random: Random): number {
  if (profile.regularGap) return Math.max(1, profile.medianGapSeconds + random.int(3) - 1);
  return Math.min(
    MAX_EVENT_GAP_SECONDS,
    Math.max(1, Math.round(logNormal(random, profile.medianGapSeconds, profile.gapSigma))),
  );
}
