/**
 * Raw RFM and behavior-profile features per sequence (before standardization), one row each:
 * recency, frequency, monetary proxy, behavior mix, funnel conversion, sessions, inter-event
 * times, view-to-action behavior (for carts, favs and buys of a viewed item: the mean ln(1 + events
 * in between since its last view), and the share acted on in a later session), category diversity,
 * time-of-day (circular mean: the mean of (cos, sin) of the hour angle,
 * whose direction is the typical hour and length the concentration; and a 6-bin histogram) and
 * day-of-week mix. Counts enter as ln(1 + x) because
 * their tails are heavy. Undefined values (a gap statistic of a one-event user) are NaN here;
 * the stats encoder imputes and counts them.
 */
import { BEHAVIOR_CODE, BEHAVIORS, type SequenceSet, sequenceCount } from '../data/sequence-set.js';

export interface BehaviorProfileOptions {
  /** Seconds; "now" for recency. */
  referenceTime: number;
  /** A gap longer than this (seconds) starts a new session. */
  sessionGap: number;
  /** Hours added to UTC before taking hour of day and day of week. */
  utcOffsetHours: number;
}

/** What the raw features could not define, per reason. */
export interface BehaviorProfileFlags {
  emptyUsers: number;
  singleEventUsers: number;
  /** Users with no buy: buy rates are 0 by definition. */
  noBuyUsers: number;
  /** Users with no view (no cart): conversion from views (carts) is set to 0. */
  noViewUsers: number;
  noCartUsers: number;
}

export interface BehaviorProfile {
  names: string[];
  /** rows x names.length, row-major. */
  values: Float64Array;
  flags: BehaviorProfileFlags;
}

const TIME_OF_DAY_BINS = 6;
const DAY = 86400;

/** Feature names for a log, given whether it has categories and prices. */
export function behaviorProfileNames(hasCategories: boolean, hasPrices: boolean): string[] {
  return [
    'recency_days',
    'log_events',
    'log_buys',
    ...(hasPrices ? ['log_spend'] : []),
    ...BEHAVIORS.map((b) => `share_${b}`),
    'cart_per_view',
    'buy_per_view',
    'buy_per_cart',
    'log_sessions',
    'events_per_session',
    'gap_log_mean',
    'gap_log_std',
    'active_days',
    'action_lag_log_mean',
    'action_later_session_share',
    ...(hasCategories ? ['category_entropy', 'log_categories'] : []),
    'hour_cos',
    'hour_sin',
    ...Array.from(
      { length: TIME_OF_DAY_BINS },
      (_, i) => `hour_${(i * 24) / TIME_OF_DAY_BINS}_${((i + 1) * 24) / TIME_OF_DAY_BINS}`,
    ),
    ...['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => `dow_${d}`),
  ];
}

/**
 * Raw behavior-profile features. O(events).
 * @example behaviorProfile(seqs, { referenceTime: maxTs, sessionGap: 1800, utcOffsetHours: 0 })
 */
export function behaviorProfile(
  seqs: SequenceSet,
  options: BehaviorProfileOptions,
  hasCategories: boolean,
  hasPrices: boolean,
): BehaviorProfile {
  const names = behaviorProfileNames(hasCategories, hasPrices);
  const useCats = names.includes('category_entropy');
  const usePrice = names.includes('log_spend');
  const n = sequenceCount(seqs);
  const f = names.length;
  const values = new Float64Array(n * f);
  const flags: BehaviorProfileFlags = {
    emptyUsers: 0,
    singleEventUsers: 0,
    noBuyUsers: 0,
    noViewUsers: 0,
    noCartUsers: 0,
  };
  const counts = new Float64Array(BEHAVIORS.length);
  const hours = new Float64Array(TIME_OF_DAY_BINS);
  const days = new Float64Array(7);
  const catCounts = new Map<number, number>();
  const activeDays = new Set<number>();
  // Item -> [event position, session number] of its latest view, for view-to-action lags.
  const lastView = new Map<number, [number, number]>();
  for (let s = 0; s < n; s++) {
    const start = seqs.offsets[s];
    const end = seqs.offsets[s + 1];
    const m = end - start;
    counts.fill(0);
    hours.fill(0);
    days.fill(0);
    catCounts.clear();
    activeDays.clear();
    lastView.clear();
    let actions = 0;
    let lagSum = 0;
    let laterSession = 0;
    let spend = 0;
    let hourCos = 0;
    let hourSin = 0;
    let sessions = m > 0 ? 1 : 0;
    let gapSum = 0;
    let gapSq = 0;
    for (let e = start; e < end; e++) {
      const b = seqs.behaviors[e];
      counts[b]++;
      if (usePrice && b === BEHAVIOR_CODE.buy) {
        const p = seqs.prices?.[e] ?? Number.NaN;
        if (Number.isFinite(p)) spend += p;
      }
      const local = seqs.ts[e] + options.utcOffsetHours * 3600;
      const dayIndex = Math.floor(local / DAY);
      activeDays.add(dayIndex);
      const dayFraction = (local - dayIndex * DAY) / DAY;
      hours[Math.floor(dayFraction * TIME_OF_DAY_BINS)]++;
      hourCos += Math.cos(2 * Math.PI * dayFraction);
      hourSin += Math.sin(2 * Math.PI * dayFraction);
      days[(((dayIndex + 3) % 7) + 7) % 7]++; // 1970-01-01 was a Thursday: index 3 from Monday
      if (useCats) {
        const c = seqs.categories?.[e] ?? -1;
        if (c >= 0) catCounts.set(c, (catCounts.get(c) ?? 0) + 1);
      }
      if (e > start) {
        const gap = seqs.ts[e] - seqs.ts[e - 1];
        if (gap > options.sessionGap) sessions++;
        const g = Math.log1p(Math.max(gap, 0));
        gapSum += g;
        gapSq += g * g;
      }
      if (b === BEHAVIOR_CODE.pv) lastView.set(seqs.items[e], [e, sessions]);
      else if (b === BEHAVIOR_CODE.cart || b === BEHAVIOR_CODE.fav || b === BEHAVIOR_CODE.buy) {
        const seen = lastView.get(seqs.items[e]);
        if (seen !== undefined) {
          actions++;
          lagSum += Math.log1p(e - seen[0] - 1);
          if (seen[1] < sessions) laterSession++;
        }
      }
    }
    if (m === 0) flags.emptyUsers++;
    else if (m === 1) flags.singleEventUsers++;
    const views = counts[BEHAVIOR_CODE.pv];
    const carts = counts[BEHAVIOR_CODE.cart];
    const buys = counts[BEHAVIOR_CODE.buy];
    if (m > 0 && buys === 0) flags.noBuyUsers++;
    if (m > 0 && views === 0) flags.noViewUsers++;
    if (m > 0 && carts === 0) flags.noCartUsers++;
    const row: number[] = [
      m === 0 ? Number.NaN : (options.referenceTime - seqs.ts[end - 1]) / DAY,
      Math.log1p(m),
      Math.log1p(buys),
      ...(usePrice ? [Math.log1p(spend)] : []),
      ...Array.from(counts, (c) => (m === 0 ? Number.NaN : c / m)),
      views === 0 ? 0 : carts / views,
      views === 0 ? 0 : buys / views,
      carts === 0 ? 0 : buys / carts,
      Math.log1p(sessions),
      sessions === 0 ? Number.NaN : m / sessions,
      m < 2 ? Number.NaN : gapSum / (m - 1),
      m < 2 ? Number.NaN : Math.sqrt(Math.max(gapSq / (m - 1) - (gapSum / (m - 1)) ** 2, 0)),
      activeDays.size,
      actions === 0 ? Number.NaN : lagSum / actions,
      actions === 0 ? Number.NaN : laterSession / actions,
    ];
    if (useCats) {
      let total = 0;
      for (const c of catCounts.values()) total += c;
      let entropy = 0;
      for (const c of catCounts.values()) entropy -= (c / total) * Math.log(c / total);
      row.push(total === 0 ? Number.NaN : entropy, Math.log1p(catCounts.size));
    }
    row.push(m === 0 ? Number.NaN : hourCos / m, m === 0 ? Number.NaN : hourSin / m);
    for (const h of hours) row.push(m === 0 ? Number.NaN : h / m);
    for (const d of days) row.push(m === 0 ? Number.NaN : d / m);
    values.set(row, s * f);
  }
  return { names, values, flags };
}
