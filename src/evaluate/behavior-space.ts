/**
 * The common behavior space: one encoder-independent description of every user, so candidates from
 * different encoders are judged on the same ground. Per user it holds
 * - a category distribution (sparse, over the `maxTokens` most frequent categories + one `other`),
 * - a category-transition distribution (consecutive events, same bucketing) that carries ORDER, so
 *   segments that differ only in sequence structure are visible here too,
 * - standardized activity features: behavior mix, conversion (buys per view), log activity, share of
 *   events per 4-hour block of the day, session length (log mean events per session, sessions cut at
 *   gaps over 30 minutes) and tempo (mean log seconds between events inside a session).
 * When the log has no categories, items stand in for them.
 */
import { BEHAVIORS, type SequenceSet, sequenceCount } from '../data/sequence-set.js';

/** Sparse rows (CSR) of non-negative weights that sum to 1 per row (empty rows allowed). */
export interface SparseDistributions {
  readonly offsets: Int32Array;
  readonly index: Int32Array;
  readonly weight: Float64Array;
  readonly dims: number;
}

export interface BehaviorSpace {
  readonly n: number;
  readonly categories: SparseDistributions;
  readonly transitions: SparseDistributions;
  /** n x featureNames.length, row-major, each column standardized (mean 0, sd 1; constant -> 0). */
  readonly features: Float64Array;
  readonly featureNames: readonly string[];
  /** Raw per-user values the downstream and profile steps reuse. */
  readonly conversion: Float64Array;
  readonly activity: Float64Array;
  /** The category bucketing, to build a second space (the future) on the same dimensions. */
  readonly buckets: TokenBuckets;
}

/** Token id -> dimension: the `kept` most frequent tokens, then one shared `other` dimension. */
export interface TokenBuckets {
  readonly kept: number;
  of(token: number): number;
}

export interface BehaviorSpaceOptions {
  /** Categories kept as their own dimension; the rest share one `other` bucket. */
  maxTokens: number;
  /** Reuse another space's bucketing (so history and future share dimensions). */
  buckets?: TokenBuckets;
}

export const BEHAVIOR_SPACE_DEFAULTS: BehaviorSpaceOptions = { maxTokens: 200 };

/** Build the behavior space of a sequence set. O(events). */
export function behaviorSpace(seqs: SequenceSet, options: Partial<BehaviorSpaceOptions> = {}): BehaviorSpace {
  const { maxTokens, buckets } = { ...BEHAVIOR_SPACE_DEFAULTS, ...options };
  if (!Number.isInteger(maxTokens) || maxTokens < 1)
    throw new RangeError(`behaviorSpace: maxTokens (${maxTokens}) must be a positive integer`);
  const n = sequenceCount(seqs);
  const source = seqs.categories ?? seqs.items;
  const bucket = buckets ?? topTokenBuckets(source, maxTokens);
  const dims = bucket.kept + 1;
  const categories = sparseRows(n, dims, (s, add) => {
    for (let e = seqs.offsets[s]; e < seqs.offsets[s + 1]; e++) add(bucket.of(source[e]), 1);
  });
  const transitions = sparseRows(n, dims * dims, (s, add) => {
    for (let e = seqs.offsets[s] + 1; e < seqs.offsets[s + 1]; e++)
      add(bucket.of(source[e - 1]) * dims + bucket.of(source[e]), 1);
  });
  const featureNames = [
    ...BEHAVIORS.map((b) => `share_${b}`),
    'conversion',
    'log_activity',
    ...HOUR_BLOCKS.map((h) => `hours_${h}`),
    'log_session_length',
    'log_gap',
  ];
  const F = featureNames.length;
  const features = new Float64Array(n * F);
  const conversion = new Float64Array(n);
  const activity = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const start = seqs.offsets[s];
    const len = seqs.offsets[s + 1] - start;
    const row = features.subarray(s * F, (s + 1) * F);
    for (let e = start; e < start + len; e++) {
      row[seqs.behaviors[e]] += 1;
      const hour = Math.floor((((seqs.ts[e] % 86400) + 86400) % 86400) / 3600);
      row[BEHAVIORS.length + 2 + Math.floor(hour / 4)] += 1;
    }
    const views = row[0];
    const buys = row[3];
    conversion[s] = buys / Math.max(1, views);
    activity[s] = Math.log1p(len);
    for (let j = 0; j < BEHAVIORS.length; j++) row[j] /= Math.max(1, len);
    for (let j = 0; j < HOUR_BLOCKS.length; j++) row[BEHAVIORS.length + 2 + j] /= Math.max(1, len);
    row[BEHAVIORS.length] = conversion[s];
    row[BEHAVIORS.length + 1] = activity[s];
    let sessions = len > 0 ? 1 : 0;
    let logGaps = 0;
    let gaps = 0;
    for (let e = start + 1; e < start + len; e++) {
      const gap = seqs.ts[e] - seqs.ts[e - 1];
      if (gap > SESSION_GAP_SECONDS) sessions++;
      else {
        logGaps += Math.log1p(Math.max(0, gap));
        gaps++;
      }
    }
    row[F - 2] = len > 0 ? Math.log(len / sessions) : 0;
    // No gap inside a session (one event, or one event per session): filled with the column mean below.
    row[F - 1] = gaps > 0 ? logGaps / gaps : Number.NaN;
  }
  fillMissingWithMean(features, n, F, F - 1);
  standardizeColumns(features, n, F);
  return { n, categories, transitions, features, featureNames, conversion, activity, buckets: bucket };
}

const HOUR_BLOCKS = ['00_04', '04_08', '08_12', '12_16', '16_20', '20_24'];

/** Gaps longer than this start a new session (the sessionization default). */
const SESSION_GAP_SECONDS = 1800;

function fillMissingWithMean(X: Float64Array, n: number, F: number, j: number): void {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = X[i * F + j];
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
  }
  const mean = count > 0 ? sum / count : 0;
  for (let i = 0; i < n; i++) if (Number.isNaN(X[i * F + j])) X[i * F + j] = mean;
}

/** Map token ids to buckets 0..kept-1 by descending frequency (ties: lower id), the rest to `kept`. */
function topTokenBuckets(tokens: Int32Array, maxTokens: number): TokenBuckets {
  const counts = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) counts.set(tokens[i], (counts.get(tokens[i]) ?? 0) + 1);
  const order = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const kept = Math.min(maxTokens, order.length);
  const map = new Map<number, number>();
  for (let i = 0; i < kept; i++) map.set(order[i][0], i);
  return { kept, of: (t) => map.get(t) ?? kept };
}

function sparseRows(
  n: number,
  dims: number,
  fill: (s: number, add: (j: number, w: number) => void) => void,
): SparseDistributions {
  const offsets = new Int32Array(n + 1);
  const index: number[] = [];
  const weight: number[] = [];
  const row = new Map<number, number>();
  for (let s = 0; s < n; s++) {
    row.clear();
    fill(s, (j, w) => row.set(j, (row.get(j) ?? 0) + w));
    let total = 0;
    for (const w of row.values()) total += w;
    const keys = [...row.keys()].sort((a, b) => a - b);
    for (const j of keys) {
      index.push(j);
      weight.push(row.get(j)! / total);
    }
    offsets[s + 1] = index.length;
  }
  return { offsets, index: Int32Array.from(index), weight: Float64Array.from(weight), dims };
}

function standardizeColumns(X: Float64Array, n: number, F: number): void {
  for (let j = 0; j < F; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += X[i * F + j];
    mean /= Math.max(1, n);
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (X[i * F + j] - mean) ** 2;
    const sd = Math.sqrt(ss / Math.max(1, n));
    for (let i = 0; i < n; i++) X[i * F + j] = sd > 0 ? (X[i * F + j] - mean) / sd : 0;
  }
}
