/** Test helper: a small hand-built SequenceSet. */
import type { SequenceSet } from '../../src/data/sequence-set.js';

/** Sequences given as lists of [item, ts] pairs (behavior pv, category = item % 2). */
export function fixtureSequences(seqs: Record<string, [number, number][]>): SequenceSet {
  const users = Object.keys(seqs);
  const events = users.flatMap((u) => seqs[u]);
  const offsets = new Int32Array(users.length + 1);
  users.forEach((u, i) => {
    offsets[i + 1] = offsets[i] + seqs[u].length;
  });
  const maxItem = Math.max(0, ...events.map(([i]) => i));
  return {
    users,
    offsets,
    items: Int32Array.from(events.map(([i]) => i)),
    behaviors: new Uint8Array(events.length),
    ts: Float64Array.from(events.map(([, t]) => t)),
    categories: Int32Array.from(events.map(([i]) => i % 2)),
    categoryVocab: ['even', 'odd'],
    itemVocab: Array.from({ length: maxItem + 1 }, (_, i) => `item${i}`),
    keyedBy: 'user',
  };
}
