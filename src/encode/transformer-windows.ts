import { type SequenceSet, sequenceCount } from '../data/sequence-set.js';
import { type TokenVocab, UNK_TOKEN, gapBucket } from './transformer-vocab.js';

/**
 * The last `maxLen` events of every sequence as token rows, left-aligned and padded with 0:
 * row s holds tokens at `s * maxLen .. s * maxLen + lengths[s] - 1`.
 */
export interface TokenWindows {
  readonly count: number;
  readonly maxLen: number;
  readonly items: Int32Array;
  readonly behaviors: Int32Array;
  readonly categories: Int32Array;
  readonly gaps: Int32Array;
  readonly lengths: Int32Array;
  /** Events whose item was not in the vocabulary and became [UNK]. */
  readonly unknownItems: number;
}

/**
 * Tokenize `seqs` against a fitted vocabulary. Items unknown to `vocab` map to [UNK] and are
 * counted; categories unknown to it map to 0. O(count * maxLen).
 * @throws RangeError if maxLen is not a positive integer.
 */
export function tokenizeWindows(seqs: SequenceSet, vocab: TokenVocab, maxLen: number): TokenWindows {
  if (!Number.isInteger(maxLen) || maxLen < 1)
    throw new RangeError(`tokenizeWindows: maxLen (${maxLen}) must be a positive integer`);
  const n = sequenceCount(seqs);
  const size = n * maxLen;
  const items = new Int32Array(size);
  const behaviors = new Int32Array(size);
  const categories = new Int32Array(size);
  const gaps = new Int32Array(size);
  const lengths = new Int32Array(n);
  const itemOfCode = new Int32Array(seqs.itemVocab.length);
  for (let c = 0; c < itemOfCode.length; c++)
    itemOfCode[c] = vocab.itemToken.get(seqs.itemVocab[c]) ?? UNK_TOKEN;
  const catVocab = seqs.categoryVocab ?? [];
  const catOfCode = new Int32Array(catVocab.length);
  for (let c = 0; c < catOfCode.length; c++) catOfCode[c] = vocab.categoryToken.get(catVocab[c]) ?? 0;
  let unknownItems = 0;
  for (let s = 0; s < n; s++) {
    const end = seqs.offsets[s + 1];
    const start = Math.max(seqs.offsets[s], end - maxLen);
    lengths[s] = end - start;
    for (let e = start; e < end; e++) {
      const at = s * maxLen + (e - start);
      const token = itemOfCode[seqs.items[e]];
      if (token === UNK_TOKEN) unknownItems++;
      items[at] = token;
      behaviors[at] = seqs.behaviors[e] + 1;
      const cat = seqs.categories?.[e] ?? -1;
      categories[at] = cat >= 0 && cat < catOfCode.length ? catOfCode[cat] : 0;
      gaps[at] = e === seqs.offsets[s] ? 0 : gapBucket(seqs.ts[e] - seqs.ts[e - 1]);
    }
  }
  return { count: n, maxLen, items, behaviors, categories, gaps, lengths, unknownItems };
}
