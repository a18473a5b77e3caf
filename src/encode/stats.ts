/**
 * Stats encoder: the behavior profile of behavior-profile.ts, imputed and standardized.
 * Missing values (NaN: inter-event statistics of one-event users, shares of empty users, entropy
 * without known categories) are replaced by the fitted column mean, so they standardize to 0, and
 * counted per feature in `report`. Conversion rates without a denominator are 0, counted in
 * `report.flags`. Columns constant in the fit data are centered only (scale 1) and listed.
 */
import type { SequenceSet } from '../data/sequence-set.js';
import type { Matrix } from '../util/matrix.js';
import { type BehaviorProfileFlags, behaviorProfile } from './behavior-profile.js';
import type { Encoder } from './encoder.js';

export interface StatsEncoderOptions {
  /** Seconds for recency's "now"; NaN = the latest event of the fitted log. */
  referenceTime: number;
  sessionGap: number;
  utcOffsetHours: number;
  /** Standardize columns (z-scores with fitted mean and standard deviation). */
  standardize: boolean;
  /** Feature groups to keep (STATS_GROUPS): a list, or one comma-separated string ("volume,sessions",
   * the form a grid or a flag gives); all by default. */
  groups: readonly StatsGroup[] | string;
}

/**
 * The behavior-profile features by group, so a user can encode one respect of behavior alone
 * (`groups: ['volume', 'sessions']` is activity only: how much, in what sessions, at what tempo).
 */
export const STATS_GROUPS = {
  recency: ['recency_days'],
  volume: ['log_events', 'log_buys', 'log_spend', 'log_sessions', 'active_days'],
  mix: ['share_pv', 'share_cart', 'share_fav', 'share_buy', 'share_search', 'share_other'],
  funnel: [
    'cart_per_view',
    'buy_per_view',
    'buy_per_cart',
    'action_lag_log_mean',
    'action_later_session_share',
  ],
  sessions: ['events_per_session', 'gap_log_mean', 'gap_log_std'],
  categories: ['category_entropy', 'log_categories'],
  time: [
    'hour_cos',
    'hour_sin',
    'hour_0_4',
    'hour_4_8',
    'hour_8_12',
    'hour_12_16',
    'hour_16_20',
    'hour_20_24',
    'dow_mon',
    'dow_tue',
    'dow_wed',
    'dow_thu',
    'dow_fri',
    'dow_sat',
    'dow_sun',
  ],
} as const;

export type StatsGroup = keyof typeof STATS_GROUPS;

export const DEFAULT_STATS_OPTIONS: Readonly<StatsEncoderOptions> = {
  referenceTime: Number.NaN,
  sessionGap: 1800,
  utcOffsetHours: 0,
  standardize: true,
  groups: Object.keys(STATS_GROUPS) as StatsGroup[],
};

/** What was missing or degenerate in the last fit or transform. */
export interface StatsReport {
  users: number;
  /** Values imputed with the fitted mean, per feature (features with none are left out). */
  imputed: Record<string, number>;
  flags: BehaviorProfileFlags;
  /** Features with zero variance in the fitted log (centered, not scaled). */
  constantFeatures: string[];
}

/** What `fit` learned, as JSON-ready values. */
export interface StatsFittedState {
  featureNames: string[];
  mean: number[];
  scale: number[];
  referenceTime: number;
  hasCategories: boolean;
  hasPrices: boolean;
  constantFeatures: string[];
}

export class StatsEncoder implements Encoder {
  readonly name = 'stats';
  readonly params: Readonly<StatsEncoderOptions & { groups: readonly StatsGroup[] }>;
  featureNames: readonly string[] = [];
  mean = new Float64Array(0);
  scale = new Float64Array(0);
  report: StatsReport | undefined;
  private referenceTime = Number.NaN;
  private hasCategories = false;
  private hasPrices = false;

  /** @throws RangeError for a bad option. */
  constructor(options: Partial<StatsEncoderOptions> = {}) {
    const given = { ...DEFAULT_STATS_OPTIONS, ...options };
    const groups =
      typeof given.groups === 'string' ? given.groups.split(',').map((g) => g.trim()) : given.groups;
    const o = { ...given, groups: groups as readonly StatsGroup[] };
    if (!(o.sessionGap > 0))
      throw new RangeError(`StatsEncoder: sessionGap (${o.sessionGap}) must be > 0 seconds`);
    if (!Number.isFinite(o.utcOffsetHours))
      throw new RangeError(`StatsEncoder: utcOffsetHours (${o.utcOffsetHours}) must be finite`);
    if (
      !Array.isArray(o.groups) ||
      o.groups.length === 0 ||
      o.groups.some((g) => !Object.hasOwn(STATS_GROUPS, g))
    )
      throw new RangeError(
        `StatsEncoder: groups (${JSON.stringify(o.groups)}) must be a non-empty list of ${Object.keys(STATS_GROUPS).join(', ')}`,
      );
    this.params = o;
  }

  /** @throws RangeError when there are no sequences. */
  async fit(seqs: SequenceSet): Promise<this> {
    if (seqs.users.length === 0) throw new RangeError('StatsEncoder.fit: no sequences');
    let maxTs = Number.NEGATIVE_INFINITY;
    for (const t of seqs.ts) if (t > maxTs) maxTs = t;
    this.referenceTime = Number.isNaN(this.params.referenceTime) ? maxTs : this.params.referenceTime;
    this.hasCategories = seqs.categories?.some((c) => c >= 0) === true;
    this.hasPrices = seqs.prices?.some((p) => Number.isFinite(p)) === true;
    const profile = this.profile(seqs);
    const f = profile.names.length;
    const n = seqs.users.length;
    this.featureNames = profile.names;
    this.mean = new Float64Array(f);
    this.scale = new Float64Array(f).fill(1);
    const constantFeatures: string[] = [];
    for (let j = 0; j < f; j++) {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        const v = profile.values[i * f + j];
        if (!Number.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      const mean = count === 0 ? 0 : sum / count;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const v = profile.values[i * f + j];
        ss += Number.isNaN(v) ? 0 : (v - mean) ** 2;
      }
      // Imputed values equal the mean, so they add nothing to the sum of squares; divide by all n.
      const sd = Math.sqrt(ss / n);
      this.mean[j] = mean;
      if (sd > 1e-12 * Math.max(1, Math.abs(mean))) this.scale[j] = sd;
      else constantFeatures.push(profile.names[j]);
    }
    this.report = { ...this.summarize(profile.values, profile.flags, n), constantFeatures };
    return this;
  }

  /** The fitted state as plain data, for a saved model; see encoder-state.ts. */
  fittedState(): StatsFittedState {
    if (this.report === undefined) throw new Error('StatsEncoder.fittedState: call fit first');
    return {
      featureNames: [...this.featureNames],
      mean: [...this.mean],
      scale: [...this.scale],
      referenceTime: this.referenceTime,
      hasCategories: this.hasCategories,
      hasPrices: this.hasPrices,
      constantFeatures: [...this.report.constantFeatures],
    };
  }

  /** Restore a state from `fittedState` (the encoder must have been built with the same params). */
  restoreState(state: StatsFittedState): this {
    if (state.mean.length !== state.featureNames.length || state.scale.length !== state.featureNames.length) {
      throw new RangeError('StatsEncoder.restoreState: mean and scale must have one value per feature');
    }
    this.featureNames = [...state.featureNames];
    this.mean = Float64Array.from(state.mean);
    this.scale = Float64Array.from(state.scale);
    this.referenceTime = state.referenceTime;
    this.hasCategories = state.hasCategories;
    this.hasPrices = state.hasPrices;
    this.report = {
      users: 0,
      imputed: {},
      flags: { emptyUsers: 0, singleEventUsers: 0, noBuyUsers: 0, noViewUsers: 0, noCartUsers: 0 },
      constantFeatures: [...state.constantFeatures],
    };
    return this;
  }

  async transform(seqs: SequenceSet): Promise<Matrix> {
    if (this.report === undefined) throw new Error('StatsEncoder.transform: call fit first');
    const profile = this.profile(seqs);
    const n = seqs.users.length;
    const f = this.featureNames.length;
    this.report = {
      ...this.summarize(profile.values, profile.flags, n),
      constantFeatures: this.report.constantFeatures,
    };
    const data = new Float32Array(n * f);
    for (let i = 0; i < n * f; i++) {
      const j = i % f;
      const v = Number.isNaN(profile.values[i]) ? this.mean[j] : profile.values[i];
      data[i] = this.params.standardize ? (v - this.mean[j]) / this.scale[j] : v;
    }
    return { rows: n, cols: f, data };
  }

  /** The profile restricted to the chosen groups' features (in profile order). */
  private profile(seqs: SequenceSet) {
    const { sessionGap, utcOffsetHours } = this.params;
    const full = behaviorProfile(
      seqs,
      { referenceTime: this.referenceTime, sessionGap, utcOffsetHours },
      this.hasCategories,
      this.hasPrices,
    );
    const wanted = new Set<string>(this.params.groups.flatMap((g) => STATS_GROUPS[g]));
    const keep = full.names.flatMap((name, j) => (wanted.has(name) ? [j] : []));
    if (keep.length === full.names.length) return full;
    if (keep.length === 0)
      throw new RangeError(`StatsEncoder: the log has no feature of groups ${this.params.groups.join(', ')}`);
    const F = full.names.length;
    const n = seqs.users.length;
    const values = new Float64Array(n * keep.length);
    for (let i = 0; i < n; i++)
      keep.forEach((j, t) => {
        values[i * keep.length + t] = full.values[i * F + j];
      });
    return { names: keep.map((j) => full.names[j]), values, flags: full.flags };
  }

  private summarize(
    values: Float64Array,
    flags: BehaviorProfileFlags,
    n: number,
  ): Omit<StatsReport, 'constantFeatures'> {
    const f = this.featureNames.length;
    const imputed: Record<string, number> = {};
    for (let i = 0; i < n * f; i++) {
      if (Number.isNaN(values[i])) {
        const name = this.featureNames[i % f];
        imputed[name] = (imputed[name] ?? 0) + 1;
      }
    }
    return { users: n, imputed, flags };
  }
}
