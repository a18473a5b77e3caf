/**
 * What a segment is made of, counted on the history log the winner was fit on: size, top
 * categories and items with lift against the whole population (share in segment / share in all),
 * the behavior funnel (pv -> cart -> fav -> buy), and the hour-of-day x day-of-week heat map
 * (UTC, Monday first). Noise users (-1) count in the population only. O(events + k * vocabulary).
 */
import { BEHAVIORS, type SequenceSet } from '../data/sequence-set.js';

export interface TokenShare {
  id: string;
  count: number;
  /** Share of the group's events. */
  share: number;
  /** share / population share. */
  lift: number;
}

export interface BehaviorFunnel {
  /** Events per behavior (pv, cart, fav, buy, search, other). */
  events: Record<string, number>;
  /** Users with at least one event of the behavior. */
  users: Record<string, number>;
  cart_per_view: number;
  fav_per_view: number;
  buy_per_view: number;
  buyer_share: number;
}

export interface SegmentBehaviorProfile {
  /** Segment label; -1 for the whole population. */
  segment: number;
  users: number;
  share: number;
  events: number;
  top_categories: TokenShare[];
  top_items: TokenShare[];
  funnel: BehaviorFunnel;
  /** 7 x 24 event counts, row = weekday (Monday 0), column = UTC hour. */
  heatmap: number[];
}

export interface ProfileOptions {
  /** Entries in each top list. */
  top: number;
}

/** Day of week (Monday 0) and hour, UTC, of a unix time in seconds. 1970-01-01 was a Thursday. */
export function weekdayHour(ts: number): [number, number] {
  const day = Math.floor(ts / 86400);
  const hour = Math.floor((ts - day * 86400) / 3600);
  return [(((day + 3) % 7) + 7) % 7, hour];
}

/** The population profile (index 0 of the result is segment -1) followed by one per segment 0..k-1. */
export function segmentProfiles(
  seqs: SequenceSet,
  labels: Int32Array,
  k: number,
  options: ProfileOptions = { top: 5 },
): SegmentBehaviorProfile[] {
  const n = seqs.offsets.length - 1;
  if (labels.length !== n)
    throw new RangeError(`segmentProfiles: labels.length (${labels.length}) != sequences (${n})`);
  if (!Number.isInteger(options.top) || options.top < 1)
    throw new RangeError(`segmentProfiles: top (${options.top}) must be a positive integer`);
  const groups = k + 1;
  const cats = seqs.categories ?? seqs.items;
  const catVocab = seqs.categories && seqs.categoryVocab ? seqs.categoryVocab : seqs.itemVocab;
  const catCounts = Array.from({ length: groups }, () => new Map<number, number>());
  const itemCounts = Array.from({ length: groups }, () => new Map<number, number>());
  const B = BEHAVIORS.length;
  const behaviorEvents = new Float64Array(groups * B);
  const behaviorUsers = new Float64Array(groups * B);
  const heat = new Float64Array(groups * 168);
  const users = new Float64Array(groups);
  const events = new Float64Array(groups);
  const seen = new Uint8Array(B);
  for (let s = 0; s < n; s++) {
    const own = labels[s] >= 0 ? labels[s] + 1 : -1;
    const gs = own > 0 ? [0, own] : [0];
    seen.fill(0);
    for (const g of gs) users[g]++;
    for (let e = seqs.offsets[s]; e < seqs.offsets[s + 1]; e++) {
      const [wd, h] = weekdayHour(seqs.ts[e]);
      const b = seqs.behaviors[e];
      seen[b] = 1;
      for (const g of gs) {
        events[g]++;
        behaviorEvents[g * B + b]++;
        heat[g * 168 + wd * 24 + h]++;
        if (cats[e] >= 0) catCounts[g].set(cats[e], (catCounts[g].get(cats[e]) ?? 0) + 1);
        itemCounts[g].set(seqs.items[e], (itemCounts[g].get(seqs.items[e]) ?? 0) + 1);
      }
    }
    for (let b = 0; b < B; b++) if (seen[b]) for (const g of gs) behaviorUsers[g * B + b]++;
  }
  const top = (counts: Map<number, number>[], g: number, vocab: string[]): TokenShare[] =>
    [...counts[g].entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, options.top)
      .map(([t, c]) => {
        const share = c / events[g];
        const pop = (counts[0].get(t) ?? 0) / events[0];
        return { id: vocab[t] ?? String(t), count: c, share, lift: share / pop };
      });
  return Array.from({ length: groups }, (_, g) => {
    const ev: Record<string, number> = {};
    const us: Record<string, number> = {};
    BEHAVIORS.forEach((b, j) => {
      ev[b] = behaviorEvents[g * B + j];
      us[b] = behaviorUsers[g * B + j];
    });
    const views = ev.pv;
    return {
      segment: g - 1,
      users: users[g],
      share: users[0] > 0 ? users[g] / users[0] : Number.NaN,
      events: events[g],
      top_categories: top(catCounts, g, catVocab),
      top_items: top(itemCounts, g, seqs.itemVocab),
      funnel: {
        events: ev,
        users: us,
        cart_per_view: views > 0 ? ev.cart / views : Number.NaN,
        fav_per_view: views > 0 ? ev.fav / views : Number.NaN,
        buy_per_view: views > 0 ? ev.buy / views : Number.NaN,
        buyer_share: users[g] > 0 ? us.buy / users[g] : Number.NaN,
      },
      heatmap: Array.from(heat.subarray(g * 168, (g + 1) * 168)),
    };
  });
}
