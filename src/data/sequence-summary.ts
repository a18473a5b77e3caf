/**
 * What is in a SequenceSet, in counts: events, sequences, distinct items and categories actually
 * used, the behavior mix, the time span and the sequence-length distribution.
 */
import { BEHAVIORS, type Behavior, type SequenceSet } from './sequence-set.js';

export interface LengthDistribution {
  min: number;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  max: number;
  mean: number;
}

export interface SequenceSummary {
  n_events: number;
  n_sequences: number;
  n_items: number;
  n_categories: number;
  behaviors: Record<Behavior, number>;
  /** [first, last] event time in Unix seconds; null when there are no events. */
  time_span: [number, number] | null;
  /** null when there are no sequences. */
  length: LengthDistribution | null;
}

/**
 * Count what `seqs` holds. Quantiles are nearest-rank (the smallest length with at least q of the
 * sequences at or below it). O(events + sequences log sequences).
 * @example summarizeSequences(seqs).n_events
 */
export function summarizeSequences(seqs: SequenceSet): SequenceSummary {
  const m = seqs.items.length;
  const n = seqs.offsets.length - 1;
  const distinct = (codes: Int32Array | undefined, size: number): number => {
    if (codes === undefined) return 0;
    const seen = new Uint8Array(size);
    let count = 0;
    for (let e = 0; e < codes.length; e++) {
      const c = codes[e];
      if (c >= 0 && !seen[c]) {
        seen[c] = 1;
        count++;
      }
    }
    return count;
  };
  const byCode = new Float64Array(BEHAVIORS.length);
  for (let e = 0; e < m; e++) byCode[seqs.behaviors[e]]++;
  const behaviors = Object.fromEntries(BEHAVIORS.map((b, i) => [b, byCode[i]])) as Record<Behavior, number>;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let e = 0; e < m; e++) {
    if (seqs.ts[e] < lo) lo = seqs.ts[e];
    if (seqs.ts[e] > hi) hi = seqs.ts[e];
  }
  const lengths = new Float64Array(n);
  for (let s = 0; s < n; s++) lengths[s] = seqs.offsets[s + 1] - seqs.offsets[s];
  lengths.sort();
  const rank = (q: number) => lengths[Math.max(0, Math.ceil(q * n) - 1)];
  return {
    n_events: m,
    n_sequences: n,
    n_items: distinct(seqs.items, seqs.itemVocab.length),
    n_categories: distinct(seqs.categories, seqs.categoryVocab?.length ?? 0),
    behaviors,
    time_span: m === 0 ? null : [lo, hi],
    length:
      n === 0
        ? null
        : {
            min: lengths[0],
            p10: rank(0.1),
            p25: rank(0.25),
            median: rank(0.5),
            p75: rank(0.75),
            p90: rank(0.9),
            max: lengths[n - 1],
            mean: m / n,
          },
  };
}
