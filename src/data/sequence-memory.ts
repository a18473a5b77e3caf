/** Memory held by a SequenceSet's typed arrays, for budgets (the design aims at <= 24 bytes/event). */
import type { SequenceSet } from './sequence-set.js';

/**
 * Bytes of the per-event and per-sequence typed arrays (strings in keys and vocabularies are
 * not counted: their size depends on the JS engine). O(1).
 * @example sequenceSetBytes(seqs) / seqs.items.length // bytes per event
 */
export function sequenceSetBytes(seqs: SequenceSet): number {
  const arrays = [
    seqs.offsets,
    seqs.items,
    seqs.behaviors,
    seqs.ts,
    seqs.categories,
    seqs.queries,
    seqs.prices,
  ];
  return arrays.reduce((sum, a) => sum + (a?.byteLength ?? 0), 0);
}
