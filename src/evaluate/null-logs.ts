/**
 * Null models for event logs: the same users with one kind of structure removed. Running a candidate
 * on them tells what its segmentation actually rests on.
 * - `order`: events shuffled within each user (keeps composition and activity, removes sequence);
 * - `items`: every event's item redrawn from the global item popularity, keeping the user's
 *   behaviors and times (keeps activity and popularity, removes the user's own taste);
 * - `content`: whole sequences' contents permuted across users of similar length, then cut or padded to
 *   the user's own length (keeps each user's activity volume and timing, removes who did what).
 */
import type { SequenceSet } from '../data/sequence-set.js';
import type { Random } from '../util/random.js';
import { shuffleInPlace } from '../util/random.js';

export type NullKind = 'order' | 'items' | 'content';
export const NULL_KINDS: readonly NullKind[] = ['order', 'items', 'content'];

/** A copy of `seqs` with the structure named by `kind` destroyed. Timestamps stay per position. */
export function nullLog(seqs: SequenceSet, kind: NullKind, random: Random): SequenceSet {
  const items = new Int32Array(seqs.items);
  const behaviors = new Uint8Array(seqs.behaviors);
  const categories = seqs.categories ? new Int32Array(seqs.categories) : undefined;
  const n = seqs.offsets.length - 1;
  const E = items.length;
  const itemCategory = new Int32Array(seqs.itemVocab.length).fill(-1);
  if (seqs.categories) for (let e = 0; e < E; e++) itemCategory[seqs.items[e]] = seqs.categories[e];
  if (kind === 'order') {
    for (let s = 0; s < n; s++) {
      const start = seqs.offsets[s];
      const len = seqs.offsets[s + 1] - start;
      const perm = shuffleInPlace(
        Int32Array.from({ length: len }, (_, i) => start + i),
        random,
      );
      for (let i = 0; i < len; i++) {
        items[start + i] = seqs.items[perm[i]];
        behaviors[start + i] = seqs.behaviors[perm[i]];
        if (categories) categories[start + i] = seqs.categories![perm[i]];
      }
    }
  } else if (kind === 'items') {
    for (let e = 0; e < E; e++) {
      items[e] = seqs.items[random.int(E)];
      if (categories) categories[e] = itemCategory[items[e]];
    }
  } else {
    const order = Int32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => length(seqs, a) - length(seqs, b) || a - b,
    );
    // Permute donors within blocks of similar length so a user's volume is nearly preserved.
    const block = 20;
    const donor = new Int32Array(n);
    for (let b = 0; b < n; b += block) {
      const part = order.slice(b, Math.min(n, b + block));
      const shuffled = shuffleInPlace(part.slice(), random);
      part.forEach((u, i) => {
        donor[u] = shuffled[i];
      });
    }
    for (let s = 0; s < n; s++) {
      const start = seqs.offsets[s];
      const len = seqs.offsets[s + 1] - start;
      const d = donor[s];
      const dStart = seqs.offsets[d];
      const dLen = seqs.offsets[d + 1] - dStart;
      for (let i = 0; i < len; i++) {
        const src = dStart + (i % Math.max(1, dLen));
        items[start + i] = seqs.items[src];
        behaviors[start + i] = seqs.behaviors[src];
        if (categories) categories[start + i] = seqs.categories![src];
      }
    }
  }
  return { ...seqs, items, behaviors, ...(categories ? { categories } : {}) };
}

function length(seqs: SequenceSet, s: number): number {
  return seqs.offsets[s + 1] - seqs.offsets[s];
}
