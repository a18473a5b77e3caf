import type { SequenceSet } from '../data/sequence-set.js';

/** Reserved token ids: padding, the [MASK] of the masked-item objective, and unknown items. */
export const PAD_TOKEN = 0;
export const MASK_TOKEN = 1;
export const UNK_TOKEN = 2;
/** Item tokens start here; token t stands for `vocab.items[t - FIRST_ITEM_TOKEN]`. */
export const FIRST_ITEM_TOKEN = 3;
/** Behavior tokens: 0 = padding, code + 1 for the six SequenceSet behavior codes. */
export const BEHAVIOR_TOKENS = 7;
/** Time-gap buckets: 0 = padding / first event, 1 + floor(log2(1 + gap seconds)) capped at 23. */
export const GAP_BUCKETS = 24;

/**
 * What the transformer knows about items and categories, fixed at `fit`: item strings in token
 * order (by first appearance), their training counts (for popularity negatives), and category
 * strings (category token = index + 1; 0 = padding or unknown).
 */
export interface TokenVocab {
  readonly items: readonly string[];
  readonly itemToken: ReadonlyMap<string, number>;
  /** counts[t] = occurrences of token t in the training sequences (0 for reserved tokens). */
  readonly counts: Float64Array;
  readonly categories: readonly string[];
  readonly categoryToken: ReadonlyMap<string, number>;
}

/** Number of item-embedding rows: reserved tokens plus one per item. */
export function tokenCount(vocab: TokenVocab): number {
  return FIRST_ITEM_TOKEN + vocab.items.length;
}

/**
 * Token vocabulary of the items (and categories) that occur in `seqs`. O(events).
 * @example buildTokenVocab(seqs).itemToken.get('sku42') // 3 if sku42 is the first item seen
 */
export function buildTokenVocab(seqs: SequenceSet): TokenVocab {
  const itemToken = new Map<string, number>();
  const items: string[] = [];
  const tokenOfCode = new Int32Array(seqs.itemVocab.length).fill(-1);
  const countList: number[] = [0, 0, 0];
  for (let e = 0; e < seqs.items.length; e++) {
    const code = seqs.items[e];
    let t = tokenOfCode[code];
    if (t < 0) {
      const name = seqs.itemVocab[code];
      t = itemToken.get(name) ?? -1;
      if (t < 0) {
        t = FIRST_ITEM_TOKEN + items.length;
        items.push(name);
        itemToken.set(name, t);
        countList.push(0);
      }
      tokenOfCode[code] = t;
    }
    countList[t]++;
  }
  const categories: string[] = [];
  const categoryToken = new Map<string, number>();
  if (seqs.categories !== undefined && seqs.categoryVocab !== undefined) {
    const used = new Uint8Array(seqs.categoryVocab.length);
    for (const c of seqs.categories) if (c >= 0) used[c] = 1;
    for (let c = 0; c < used.length; c++) {
      const name = seqs.categoryVocab[c];
      if (used[c] === 1 && !categoryToken.has(name)) {
        categories.push(name);
        categoryToken.set(name, categories.length);
      }
    }
  }
  return { items, itemToken, counts: Float64Array.from(countList), categories, categoryToken };
}

/** Time-gap bucket of a gap in seconds (negative or NaN gaps count as 0 s). */
export function gapBucket(seconds: number): number {
  const g = Number.isNaN(seconds) ? 0 : Math.max(seconds, 0);
  return 1 + Math.min(GAP_BUCKETS - 2, Math.floor(Math.log2(1 + g)));
}
