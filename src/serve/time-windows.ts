/**
 * Cut a log into consecutive time windows [start + w*len, start + (w+1)*len): each window a
 * SequenceSet of the users active in it (their events in that window; sequences are time-sorted,
 * so each is one event range). O(events).
 */
import { fromEventRanges } from '../data/sequence-ranges.js';
import type { SequenceSet } from '../data/sequence-set.js';

export interface TimeWindow {
  start: number;
  end: number;
  sequences: SequenceSet;
}

/**
 * @throws RangeError for a non-positive window length.
 * @example timeWindows(seqs, 86400).map((w) => w.sequences.users.length) // active users per day
 */
export function timeWindows(seqs: SequenceSet, length: number): TimeWindow[] {
  if (!(length > 0)) throw new RangeError(`timeWindows: length (${length}) must be > 0 seconds`);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const t of seqs.ts) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  if (!(hi >= lo)) return [];
  const count = Math.floor((hi - lo) / length) + 1;
  const out: TimeWindow[] = [];
  const n = seqs.users.length;
  const cursor = Int32Array.from(seqs.offsets.subarray(0, n));
  for (let w = 0; w < count; w++) {
    const start = lo + w * length;
    const end = start + length;
    const keys: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    for (let s = 0; s < n; s++) {
      const from = cursor[s];
      let e = from;
      while (e < seqs.offsets[s + 1] && seqs.ts[e] < end) e++;
      cursor[s] = e;
      if (e > from) {
        keys.push(seqs.users[s]);
        starts.push(from);
        ends.push(e);
      }
    }
    out.push({ start, end, sequences: fromEventRanges(seqs, keys, starts, ends) });
  }
  return out;
}
