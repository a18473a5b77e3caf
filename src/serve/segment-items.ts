/**
 * Item scores per segment for recommendations: in-segment popularity with recency decay, times the
 * segment's lift over the population (shrunk toward 1), so a segment's list favors what is both
 * popular in it and characteristic of it.
 *
 *   w(e)      = 2^(-(T - ts_e) / halfLife)                 recency decay, T = latest event
 *   c_s(i)    = sum of w(e) over events of segment s on item i;  W_s = sum_i c_s(i)
 *   p(i)      = c(i) / W                                   population share (all users)
 *   lift_s(i) = (c_s(i) + m p(i)) / ((W_s + m) p(i))       m pseudo-events of shrinkage
 *   score_s(i)= (c_s(i) / W_s) * lift_s(i)^beta
 * Row k holds the population's decayed popularity p(i) (for noise users and the baseline).
 */
import type { SequenceSet } from '../data/sequence-set.js';

export interface SegmentItemOptions {
  /** Half-life of an event's weight, seconds. */
  halfLife: number;
  /** Exponent of the lift factor (0 = popularity in the segment only). */
  liftExponent: number;
  /** Pseudo-events shrinking each lift toward 1. */
  liftPrior: number;
}

export const SEGMENT_ITEM_DEFAULTS: Readonly<SegmentItemOptions> = {
  halfLife: 7 * 86400,
  liftExponent: 0.5,
  liftPrior: 20,
};

/**
 * (k + 1) x nItems scores, row-major. O(events + k nItems).
 * @throws RangeError on a length mismatch or a bad option.
 * @example segmentItemScores(history, labels, 4).subarray(0, history.itemVocab.length) // segment 0
 */
export function segmentItemScores(
  seqs: SequenceSet,
  labels: Int32Array,
  k: number,
  options: Partial<SegmentItemOptions> = {},
): Float64Array {
  const o = { ...SEGMENT_ITEM_DEFAULTS, ...options };
  if (!(o.halfLife > 0))
    throw new RangeError(`segmentItemScores: halfLife (${o.halfLife}) must be > 0 seconds`);
  if (!(o.liftExponent >= 0))
    throw new RangeError(`segmentItemScores: liftExponent (${o.liftExponent}) must be >= 0`);
  if (!(o.liftPrior > 0)) throw new RangeError(`segmentItemScores: liftPrior (${o.liftPrior}) must be > 0`);
  if (labels.length !== seqs.users.length)
    throw new RangeError(
      `segmentItemScores: labels.length (${labels.length}) != users (${seqs.users.length})`,
    );
  const nItems = seqs.itemVocab.length;
  let latest = Number.NEGATIVE_INFINITY;
  for (const t of seqs.ts) if (t > latest) latest = t;
  const c = new Float64Array((k + 1) * nItems);
  const total = new Float64Array(k + 1);
  for (let s = 0; s < labels.length; s++) {
    const l = labels[s];
    for (let e = seqs.offsets[s]; e < seqs.offsets[s + 1]; e++) {
      const w = 2 ** (-(latest - seqs.ts[e]) / o.halfLife);
      c[k * nItems + seqs.items[e]] += w;
      total[k] += w;
      if (l >= 0) {
        c[l * nItems + seqs.items[e]] += w;
        total[l] += w;
      }
    }
  }
  const scores = new Float64Array((k + 1) * nItems);
  for (let i = 0; i < nItems; i++) scores[k * nItems + i] = total[k] > 0 ? c[k * nItems + i] / total[k] : 0;
  for (let l = 0; l < k; l++) {
    if (total[l] === 0) {
      scores.copyWithin(l * nItems, k * nItems, (k + 1) * nItems);
      continue;
    }
    for (let i = 0; i < nItems; i++) {
      const p = scores[k * nItems + i];
      if (p === 0) continue;
      const cs = c[l * nItems + i];
      const lift = (cs + o.liftPrior * p) / ((total[l] + o.liftPrior) * p);
      scores[l * nItems + i] = (cs / total[l]) * lift ** o.liftExponent;
    }
  }
  return scores;
}
