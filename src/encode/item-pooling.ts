/**
 * User vectors pooled from item vectors. Each event's item vector (unit length, so frequent items
 * do not dominate by norm) is weighted and averaged:
 * - `mean`: weight 1;
 * - `behavior-weighted` (the default): weight = behaviorWeights[behavior] (a buy counts more than a view);
 * - `time-decayed`: behavior weight times 0.5^(age / halfLife), age measured back from the user's
 *   last event, so recent interest dominates.
 * Events whose item has no vector are ignored and counted; a user with none gets a zero row.
 */
import { BEHAVIORS, type Behavior, type SequenceSet, sequenceCount } from '../data/sequence-set.js';
import type { Matrix } from '../util/matrix.js';

export const POOLINGS = ['mean', 'behavior-weighted', 'time-decayed'] as const;
export type Pooling = (typeof POOLINGS)[number];

export interface PoolingOptions {
  pooling: Pooling;
  behaviorWeights: Readonly<Record<Behavior, number>>;
  /** Half-life of `time-decayed`, in days. */
  halfLifeDays: number;
}

export const DEFAULT_BEHAVIOR_WEIGHTS: Readonly<Record<Behavior, number>> = {
  pv: 1,
  cart: 2,
  fav: 2,
  buy: 3,
  search: 1,
  other: 1,
};

export interface PoolingReport {
  /** Events whose item has no vector (unknown at fit time or below minCount). */
  unknownEvents: number;
  /** Users with no known item (zero rows). */
  emptyUsers: number;
}

/**
 * Pool `vectors` (vocabulary x dim) over each sequence. `fromItem` maps a SequenceSet item index to a
 * vector row (-1 = none). O(events * dim).
 */
export function poolItemVectors(
  seqs: SequenceSet,
  vectors: Matrix,
  fromItem: (item: number) => number,
  options: PoolingOptions,
): { X: Matrix; report: PoolingReport } {
  const n = sequenceCount(seqs);
  const dim = vectors.cols;
  const unit = new Float32Array(vectors.data.length);
  for (let v = 0; v < vectors.rows; v++) {
    let s = 0;
    for (let x = 0; x < dim; x++) s += vectors.data[v * dim + x] ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let x = 0; x < dim; x++) unit[v * dim + x] = vectors.data[v * dim + x] * inv;
  }
  const bw = Float64Array.from(BEHAVIORS, (b) =>
    options.pooling === 'mean' ? 1 : options.behaviorWeights[b],
  );
  const rate = Math.LN2 / (options.halfLifeDays * 86400);
  const out = new Float32Array(n * dim);
  const acc = new Float64Array(dim);
  const report: PoolingReport = { unknownEvents: 0, emptyUsers: 0 };
  for (let s = 0; s < n; s++) {
    const start = seqs.offsets[s];
    const end = seqs.offsets[s + 1];
    acc.fill(0);
    let total = 0;
    const last = end > start ? seqs.ts[end - 1] : 0;
    for (let e = start; e < end; e++) {
      const v = fromItem(seqs.items[e]);
      if (v < 0) {
        report.unknownEvents++;
        continue;
      }
      let w = bw[seqs.behaviors[e]];
      if (options.pooling === 'time-decayed') w *= Math.exp(-rate * (last - seqs.ts[e]));
      if (w === 0) continue;
      total += w;
      for (let x = 0; x < dim; x++) acc[x] += w * unit[v * dim + x];
    }
    if (total === 0) {
      report.emptyUsers++;
      continue;
    }
    for (let x = 0; x < dim; x++) out[s * dim + x] = acc[x] / total;
  }
  return { X: { rows: n, cols: dim, data: out }, report };
}
