/**
 * Seeded samples of users, the one way the protocol bounds work on a large log (stability reruns,
 * null logs, encoder fits, O(n^2) clusterings; see `ProtocolConfig`'s large-log bounds).
 */
import { selectSequences } from '../data/sequence-ranges.js';
import type { SequenceSet } from '../data/sequence-set.js';
import { type Random, shuffleInPlace } from '../util/random.js';

/**
 * `min(n, size)` distinct indices of [0, n), sorted: the first `size` of a seeded shuffle. O(n).
 * @throws RangeError when n or size is not a non-negative integer.
 * @example userSample(10, 3, randomSource(1)) // three sorted indices in [0, 10)
 */
export function userSample(n: number, size: number, random: Random): Int32Array {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`userSample: n (${n}) must be a non-negative integer`);
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError(`userSample: size (${size}) must be a non-negative integer`);
  const perm = shuffleInPlace(
    Int32Array.from({ length: n }, (_, i) => i),
    random,
  );
  return perm.slice(0, Math.min(n, size)).sort();
}

/** The sequences at sorted `index` (a `userSample`), in index order. O(n + events kept). */
export function sampleSequences(seqs: SequenceSet, index: Int32Array): SequenceSet {
  const keep = new Uint8Array(seqs.users.length);
  for (const i of index) keep[i] = 1;
  return selectSequences(seqs, keep);
}

/**
 * At most `max` users of `seqs` (all of them, the same object, when there are no more than that),
 * drawn by `random`; `index` says which rows were kept (undefined when all were).
 */
export function boundedSequences(
  seqs: SequenceSet,
  max: number,
  random: () => Random,
): { seqs: SequenceSet; index: Int32Array | undefined } {
  if (seqs.users.length <= max) return { seqs, index: undefined };
  const index = userSample(seqs.users.length, max, random());
  return { seqs: sampleSequences(seqs, index), index };
}
