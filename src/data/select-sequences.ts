import type { SequenceSet } from './sequence-set.js';

/**
 * The sequences at `index` (in that order; repeats allowed), as a new SequenceSet sharing the
 * vocabularies, so item and category ids keep their meaning. O(events selected).
 * @throws RangeError naming the position of an out-of-range index.
 */
export function selectSequences(seqs: SequenceSet, index: ArrayLike<number>): SequenceSet {
  const n = seqs.offsets.length - 1;
  const offsets = new Int32Array(index.length + 1);
  for (let r = 0; r < index.length; r++) {
    const s = index[r];
    if (!Number.isInteger(s) || s < 0 || s >= n) throw new RangeError(`selectSequences: index[${r}] (${s}) is not in [0, ${n})`);
    offsets[r + 1] = offsets[r] + seqs.offsets[s + 1] - seqs.offsets[s];
  }
  const E = offsets[index.length];
  const items = new Int32Array(E);
  const behaviors = new Uint8Array(E);
  const ts = new Float64Array(E);
  const categories = seqs.categories ? new Int32Array(E) : undefined;
  const queries = seqs.queries ? new Int32Array(E) : undefined;
  const prices = seqs.prices ? new Float32Array(E) : undefined;
  for (let r = 0; r < index.length; r++) {
    const from = seqs.offsets[index[r]];
    const to = seqs.offsets[index[r] + 1];
    const at = offsets[r];
    items.set(seqs.items.subarray(from, to), at);
    behaviors.set(seqs.behaviors.subarray(from, to), at);
    ts.set(seqs.ts.subarray(from, to), at);
    categories?.set(seqs.categories!.subarray(from, to), at);
    queries?.set(seqs.queries!.subarray(from, to), at);
    prices?.set(seqs.prices!.subarray(from, to), at);
  }
  return {
    ...seqs,
    users: Array.from(index, (s) => seqs.users[s]),
    offsets,
    items,
    behaviors,
    ts,
    ...(categories ? { categories } : {}),
    ...(queries ? { queries } : {}),
    ...(prices ? { prices } : {}),
  };
}
