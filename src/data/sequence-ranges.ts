/**
 * Build a SequenceSet whose sequences are event ranges of another one. Sessionizing, filtering,
 * truncating and temporal splitting are all "keep these ranges": one copy per event array,
 * no per-event objects, vocabularies shared with the source.
 */
import type { SequenceSet } from './sequence-set.js';

/**
 * Sequence j of the result is events `starts[j] .. ends[j]-1` of `seqs`, keyed `keys[j]`.
 * Ranges must be valid (0 <= start <= end <= events); they may come from any source sequences.
 * O(events kept).
 * @throws RangeError when the arrays disagree in length or a range is out of bounds.
 * @example fromEventRanges(seqs, ['u1'], Int32Array.of(0), Int32Array.of(3)) // first three events
 */
export function fromEventRanges(
  seqs: SequenceSet,
  keys: string[],
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  keyedBy: 'user' | 'session' = seqs.keyedBy,
): SequenceSet {
  const n = keys.length;
  if (starts.length !== n || ends.length !== n)
    throw new RangeError(
      `fromEventRanges: keys (${n}), starts (${starts.length}), ends (${ends.length}) differ in length`,
    );
  const total = seqs.items.length;
  const offsets = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    if (!(starts[j] >= 0 && starts[j] <= ends[j] && ends[j] <= total))
      throw new RangeError(`fromEventRanges: range ${j} [${starts[j]}, ${ends[j]}) is outside 0..${total}`);
    offsets[j + 1] = offsets[j] + (ends[j] - starts[j]);
  }
  const m = offsets[n];
  const copy = <T extends Int32Array | Uint8Array | Float64Array | Float32Array>(src: T, out: T): T => {
    for (let j = 0; j < n; j++) out.set(src.subarray(starts[j], ends[j]), offsets[j]);
    return out;
  };
  return {
    users: keys,
    offsets,
    items: copy(seqs.items, new Int32Array(m)),
    behaviors: copy(seqs.behaviors, new Uint8Array(m)),
    ts: copy(seqs.ts, new Float64Array(m)),
    ...(seqs.categories
      ? { categories: copy(seqs.categories, new Int32Array(m)), categoryVocab: seqs.categoryVocab }
      : {}),
    ...(seqs.queries ? { queries: copy(seqs.queries, new Int32Array(m)), queryVocab: seqs.queryVocab } : {}),
    ...(seqs.prices ? { prices: copy(seqs.prices, new Float32Array(m)) } : {}),
    itemVocab: seqs.itemVocab,
    keyedBy,
  };
}

/** Keep the sequences whose `keep[s]` is nonzero, in order. O(events kept). */
export function selectSequences(seqs: SequenceSet, keep: ArrayLike<number | boolean>): SequenceSet {
  const n = seqs.offsets.length - 1;
  if (keep.length !== n)
    throw new RangeError(`selectSequences: keep.length (${keep.length}) != sequences (${n})`);
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let s = 0; s < n; s++) {
    if (!keep[s]) continue;
    keys.push(seqs.users[s]);
    starts.push(seqs.offsets[s]);
    ends.push(seqs.offsets[s + 1]);
  }
  return fromEventRanges(seqs, keys, starts, ends);
}
