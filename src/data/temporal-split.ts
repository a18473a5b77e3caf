/**
 * Temporal holdout for downstream evaluation: each sequence's events before a global cutoff (or
 * all but its last k) form the history, the rest the future. Sequences are time-sorted, so both
 * parts are event ranges.
 */
import { fromEventRanges } from './sequence-ranges.js';
import type { SequenceSet } from './sequence-set.js';

export type TemporalSplitOptions = ({ cutoff: number } | { leaveLastK: number }) & {
  /** Keep sequences whose history or future is empty (as empty sequences). Default false: drop them from both. */
  keepEmpty?: boolean;
};

/**
 * Split into `history` and `future` with the same keys in the same order (sequence i of each is
 * the same user). `{ cutoff }`: events with ts < cutoff (Unix seconds) are history.
 * `{ leaveLastK }`: the last k events of each sequence are the future. O(events).
 * @throws RangeError for a non-finite cutoff or a k that is not a positive integer.
 * @example temporalSplit(seqs, { leaveLastK: 1 }).future // each user's last event
 */
export function temporalSplit(
  seqs: SequenceSet,
  options: TemporalSplitOptions,
): { history: SequenceSet; future: SequenceSet } {
  const { offsets, ts, users } = seqs;
  const n = offsets.length - 1;
  const split = new Int32Array(n);
  if ('cutoff' in options) {
    if (!Number.isFinite(options.cutoff))
      throw new RangeError(`temporalSplit: cutoff (${options.cutoff}) must be a finite Unix time`);
    for (let s = 0; s < n; s++) {
      let lo = offsets[s];
      let hi = offsets[s + 1];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ts[mid] < options.cutoff) lo = mid + 1;
        else hi = mid;
      }
      split[s] = lo;
    }
  } else {
    const k = options.leaveLastK;
    if (!Number.isInteger(k) || k < 1)
      throw new RangeError(`temporalSplit: leaveLastK (${k}) must be a positive integer`);
    for (let s = 0; s < n; s++) split[s] = Math.max(offsets[s], offsets[s + 1] - k);
  }
  const keys: string[] = [];
  const a: number[] = [];
  const m: number[] = [];
  const b: number[] = [];
  for (let s = 0; s < n; s++) {
    const empty = split[s] === offsets[s] || split[s] === offsets[s + 1];
    if (empty && !options.keepEmpty) continue;
    keys.push(users[s]);
    a.push(offsets[s]);
    m.push(split[s]);
    b.push(offsets[s + 1]);
  }
  return { history: fromEventRanges(seqs, keys, a, m), future: fromEventRanges(seqs, [...keys], m, b) };
}
