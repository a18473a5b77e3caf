import type { SequenceSet } from '../../src/data/sequence-set.js';
import { randomSource } from '../../src/util/random.js';

/**
 * A log where segments differ only in the ORDER of behavior: every segment visits the same
 * categories equally often (a uniform stationary distribution), but segment g steps from category
 * c to c + step[g] (mod categories) with probability `stickiness`, else to a random category.
 * Items are drawn uniformly within the category, so item and category counts carry no segment signal.
 */
export function orderOnlySequences(options: {
  users: number;
  segments: number;
  length: number;
  categories: number;
  itemsPerCategory: number;
  seed: number;
  stickiness?: number;
}): { seqs: SequenceSet; truth: Int32Array } {
  const { users, segments, length, categories, itemsPerCategory, seed } = options;
  const stickiness = options.stickiness ?? 0.85;
  const random = randomSource(seed);
  const steps = [1, categories - 1, 2, categories - 2].slice(0, segments);
  const offsets = new Int32Array(users + 1);
  const items = new Int32Array(users * length);
  const cats = new Int32Array(users * length);
  const behaviors = new Uint8Array(users * length);
  const ts = new Float64Array(users * length);
  const truth = new Int32Array(users);
  for (let u = 0; u < users; u++) {
    const g = u % segments;
    truth[u] = g;
    let c = random.int(categories);
    let t = 1_700_000_000 + u * 1000;
    for (let p = 0; p < length; p++) {
      const e = u * length + p;
      cats[e] = c;
      items[e] = c * itemsPerCategory + random.int(itemsPerCategory);
      behaviors[e] = random.uniform() < 0.9 ? 0 : 1;
      t += 30 + random.int(600);
      ts[e] = t;
      c = random.uniform() < stickiness ? (c + steps[g]) % categories : random.int(categories);
    }
    offsets[u + 1] = (u + 1) * length;
  }
  const itemVocab = Array.from({ length: categories * itemsPerCategory }, (_, i) => `i${i}`);
  const categoryVocab = Array.from({ length: categories }, (_, i) => `c${i}`);
  const seqs: SequenceSet = {
    users: Array.from({ length: users }, (_, u) => `u${u}`),
    offsets,
    items,
    behaviors,
    ts,
    categories: cats,
    itemVocab,
    categoryVocab,
    keyedBy: 'user',
  };
  return { seqs, truth };
}
