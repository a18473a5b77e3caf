/**
 * Sessionization by inactivity gap: a new session starts when the time since the previous event
 * of the same user exceeds the gap (30 minutes by default, the usual web-analytics convention).
 */
import { fromEventRanges } from './sequence-ranges.js';
import type { SequenceSet } from './sequence-set.js';

export const DEFAULT_SESSION_GAP_SECONDS = 30 * 60;

/**
 * Split each sequence into sessions at gaps strictly longer than `gapSeconds`. Session keys are
 * `user#1`, `user#2`, ... in time order. O(events).
 * @throws RangeError when gapSeconds is not a positive number.
 * @example sessionize(seqs, { gapSeconds: 1800 }).keyedBy // 'session'
 */
export function sessionize(seqs: SequenceSet, options: { gapSeconds?: number } = {}): SequenceSet {
  const gap = options.gapSeconds ?? DEFAULT_SESSION_GAP_SECONDS;
  if (!(gap > 0)) throw new RangeError(`sessionize: gapSeconds (${gap}) must be > 0`);
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const { offsets, ts, users } = seqs;
  for (let s = 0; s + 1 < offsets.length; s++) {
    let start = offsets[s];
    let k = 1;
    for (let e = offsets[s] + 1; e <= offsets[s + 1]; e++) {
      if (e === offsets[s + 1] || ts[e] - ts[e - 1] > gap) {
        keys.push(`${users[s]}#${k++}`);
        starts.push(start);
        ends.push(e);
        start = e;
      }
    }
  }
  return fromEventRanges(seqs, keys, starts, ends, 'session');
}
