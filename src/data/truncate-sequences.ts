/** Truncation to the last N events: recent behavior matters most, and long tails cost memory. */
import { fromEventRanges } from './sequence-ranges.js';
import type { SequenceSet } from './sequence-set.js';

/**
 * Keep the last `lastN` events of every sequence. O(events kept).
 * @throws RangeError when lastN is not a positive integer.
 * @example truncateSequences(seqs, 50)
 */
export function truncateSequences(seqs: SequenceSet, lastN: number): SequenceSet {
  if (!Number.isInteger(lastN) || lastN < 1)
    throw new RangeError(`truncateSequences: lastN (${lastN}) must be a positive integer`);
  const n = seqs.offsets.length - 1;
  const starts = new Int32Array(n);
  for (let s = 0; s < n; s++) starts[s] = Math.max(seqs.offsets[s], seqs.offsets[s + 1] - lastN);
  return fromEventRanges(seqs, seqs.users, starts, seqs.offsets.subarray(1));
}
