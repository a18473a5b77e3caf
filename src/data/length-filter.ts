/** Sequence length limits: too short to say anything, or too long to be one person's behavior. */
import type { SequenceSet } from './sequence-set.js';

/**
 * 1 for each sequence with minLength <= length <= maxLength, else 0. O(sequences).
 * @throws RangeError when minLength is not a non-negative integer or maxLength < minLength.
 * @example lengthMask(seqs, 2, Infinity)
 */
export function lengthMask(
  seqs: SequenceSet,
  minLength: number,
  maxLength = Number.POSITIVE_INFINITY,
): Uint8Array {
  if (!Number.isInteger(minLength) || minLength < 0)
    throw new RangeError(`lengthMask: minLength (${minLength}) must be a non-negative integer`);
  if (!(maxLength >= minLength))
    throw new RangeError(`lengthMask: maxLength (${maxLength}) must be >= minLength (${minLength})`);
  const n = seqs.offsets.length - 1;
  const out = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    const len = seqs.offsets[s + 1] - seqs.offsets[s];
    out[s] = len >= minLength && len <= maxLength ? 1 : 0;
  }
  return out;
}
