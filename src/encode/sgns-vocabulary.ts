/**
 * The item vocabulary skip-gram training needs, with gensim 4.2's semantics
 * (gensim/models/word2vec.py `prepare_vocab`, `make_cum_table`): items below `minCount` are dropped,
 * the rest sorted by descending count (ties by first appearance); the negative-sampling table is
 * the cumulative count^0.75 scaled to 2^31 - 1; frequent items are kept with probability
 * (sqrt(c / (sample * total)) + 1) * (sample * total) / c, capped at 1.
 */
import type { SequenceSet } from '../data/sequence-set.js';

export interface SgnsVocabulary {
  /** SequenceSet item index -> vocabulary index, -1 when dropped. */
  fromItem: Int32Array;
  /** Vocabulary index -> item id string. */
  ids: string[];
  counts: Float64Array;
  /** Cumulative unigram^power table, last entry 2^31 - 1. */
  cumTable: Uint32Array;
  /** Keep an occurrence when a uniform uint32 draw is below keep[v] (0xffffffff = always). */
  keep: Uint32Array;
  /** Retained occurrences (the words per epoch the learning-rate schedule counts). */
  totalWords: number;
}

const CUM_DOMAIN = 2 ** 31 - 1;

/**
 * Vocabulary from the items of `seqs`. O(events + vocabulary log vocabulary).
 * @throws RangeError if minCount < 1 or sample < 0.
 */
export function sgnsVocabulary(
  seqs: SequenceSet,
  minCount: number,
  sample: number,
  nsExponent = 0.75,
): SgnsVocabulary {
  if (!Number.isInteger(minCount) || minCount < 1)
    throw new RangeError(`sgnsVocabulary: minCount (${minCount}) must be a positive integer`);
  if (!(sample >= 0)) throw new RangeError(`sgnsVocabulary: sample (${sample}) must be >= 0`);
  const raw = new Float64Array(seqs.itemVocab.length);
  const first = new Int32Array(seqs.itemVocab.length).fill(-1);
  const end = seqs.offsets[seqs.offsets.length - 1];
  for (let e = 0; e < end; e++) {
    const it = seqs.items[e];
    if (raw[it]++ === 0) first[it] = e;
  }
  const kept: number[] = [];
  for (let it = 0; it < raw.length; it++) if (raw[it] >= minCount) kept.push(it);
  kept.sort((a, b) => raw[b] - raw[a] || first[a] - first[b]);
  const fromItem = new Int32Array(raw.length).fill(-1);
  const counts = new Float64Array(kept.length);
  let totalWords = 0;
  kept.forEach((it, v) => {
    fromItem[it] = v;
    counts[v] = raw[it];
    totalWords += raw[it];
  });
  const cumTable = new Uint32Array(kept.length);
  let powerTotal = 0;
  for (const c of counts) powerTotal += c ** nsExponent;
  let cumulative = 0;
  for (let v = 0; v < counts.length; v++) {
    cumulative += counts[v] ** nsExponent;
    cumTable[v] = Math.round((cumulative / powerTotal) * CUM_DOMAIN);
  }
  if (cumTable.length > 0) cumTable[cumTable.length - 1] = CUM_DOMAIN;
  const keep = new Uint32Array(counts.length).fill(0xffffffff);
  if (sample > 0) {
    const threshold = sample * totalWords;
    for (let v = 0; v < counts.length; v++) {
      const p = (Math.sqrt(counts[v] / threshold) + 1) * (threshold / counts[v]);
      if (p < 1) keep[v] = Math.round(p * 2 ** 32);
    }
  }
  return { fromItem, ids: kept.map((it) => seqs.itemVocab[it]), counts, cumTable, keep, totalWords };
}

/**
 * The negative-sampling lookup table (word2vec.c's `InitUnigramTable`, inverse CDF quantized to
 * 2^bits slots): slot i holds the first item whose cumulative share exceeds i / 2^bits, so a
 * uniform slot draws item v with probability count^0.75 share to within 2^-bits. O(2^bits + V).
 * bits = log2 of 16 slots per item, clamped to [20, 26].
 */
export function negativeSamplingTable(cumTable: Uint32Array): { table: Int32Array; bits: number } {
  const bits = Math.min(26, Math.max(20, Math.ceil(Math.log2(Math.max(1, cumTable.length) * 16))));
  const size = 2 ** bits;
  const table = new Int32Array(size);
  let v = 0;
  for (let i = 0; i < size; i++) {
    const r = (i / size) * CUM_DOMAIN;
    while (v < cumTable.length - 1 && cumTable[v] <= r) v++;
    table[i] = v;
  }
  return { table, bits };
}
