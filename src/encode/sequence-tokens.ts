/**
 * Behavior sequences as bags of tokens, the "documents" the counts / TF-IDF encoder weighs.
 * Token spellings (one idea each, readable in explanations):
 * - `item`: `item<id>`; `category`: `cat<id>`; `behavior`: `buy`, `pv`, ...;
 * - `behavior-item`: `buy:item<id>`; `behavior-category`: `buy:cat<id>`; `query`: `q:<text>`;
 * - n-grams of consecutive events (short transitions), over `ngramUnit`: `pv>cart>buy`,
 *   `cat1>cat2`, `pv:cat1>buy:cat1`, `item1>item2`.
 * Events with an unknown category (-1) or no query emit no category/query token.
 */
import { BEHAVIORS, type SequenceSet, sequenceCount } from '../data/sequence-set.js';
import type { SparseMatrix } from './sparse-matrix.js';

export const TOKEN_KINDS = [
  'item',
  'category',
  'behavior',
  'behavior-item',
  'behavior-category',
  'query',
] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];
export const NGRAM_UNITS = ['behavior', 'category', 'item', 'behavior-category'] as const;
export type NgramUnit = (typeof NGRAM_UNITS)[number];

export interface SequenceTokenOptions {
  /** Unigram token kinds. */
  tokens: readonly TokenKind[];
  /** Longest event n-gram (2 = transitions); 1 or 0 means none. */
  ngramMax: number;
  /** What one event contributes to an n-gram. */
  ngramUnit: NgramUnit;
}

export const DEFAULT_SEQUENCE_TOKEN_OPTIONS: Readonly<SequenceTokenOptions> = {
  tokens: ['item', 'category', 'behavior-category'],
  ngramMax: 2,
  ngramUnit: 'behavior-category',
};

/** Raw token counts with the vocabulary they index, and what could not be mapped. */
export interface TokenCounts {
  counts: SparseMatrix;
  /** Token occurrences not in a fixed vocabulary (always 0 when the vocabulary grows). */
  unknownTokens: number;
}

/**
 * Count tokens per sequence into CSR rows. With `grow`, unseen tokens are appended to `vocab`;
 * without, they are skipped and counted in `unknownTokens` (the documented transform-time handling).
 * O(events * tokens per event).
 */
export function sequenceTokenCounts(
  seqs: SequenceSet,
  options: SequenceTokenOptions,
  vocab: Map<string, number>,
  grow: boolean,
): TokenCounts {
  const n = sequenceCount(seqs);
  const { items, behaviors, categories, queries, itemVocab, categoryVocab, queryVocab } = seqs;
  const itemName = (e: number): string => `item${itemVocab[items[e]]}`;
  const catName = (e: number): string | undefined => {
    const c = categories?.[e] ?? -1;
    return c < 0 || categoryVocab === undefined ? undefined : `cat${categoryVocab[c]}`;
  };
  const unit = (e: number): string | undefined => {
    switch (options.ngramUnit) {
      case 'behavior':
        return BEHAVIORS[behaviors[e]];
      case 'item':
        return itemName(e);
      case 'category':
        return catName(e);
      case 'behavior-category': {
        const c = catName(e);
        return c === undefined ? undefined : `${BEHAVIORS[behaviors[e]]}:${c}`;
      }
    }
  };
  const kinds = new Set(options.tokens);
  let unknownTokens = 0;
  const indptr = new Int32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const row = new Map<number, number>();
  const add = (token: string): void => {
    let id = vocab.get(token);
    if (id === undefined) {
      if (!grow) {
        unknownTokens++;
        return;
      }
      id = vocab.size;
      vocab.set(token, id);
    }
    row.set(id, (row.get(id) ?? 0) + 1);
  };
  const units: (string | undefined)[] = [];
  for (let s = 0; s < n; s++) {
    row.clear();
    units.length = 0;
    for (let e = seqs.offsets[s]; e < seqs.offsets[s + 1]; e++) {
      const b = BEHAVIORS[behaviors[e]];
      if (kinds.has('item')) add(itemName(e));
      if (kinds.has('behavior')) add(b);
      if (kinds.has('behavior-item')) add(`${b}:${itemName(e)}`);
      const c = catName(e);
      if (c !== undefined) {
        if (kinds.has('category')) add(c);
        if (kinds.has('behavior-category')) add(`${b}:${c}`);
      }
      const q = queries?.[e] ?? -1;
      if (kinds.has('query') && q >= 0 && queryVocab !== undefined) add(`q:${queryVocab[q]}`);
      if (options.ngramMax >= 2) {
        units.push(unit(e));
        for (let len = 2; len <= options.ngramMax && len <= units.length; len++) {
          const parts = units.slice(units.length - len);
          if (parts.every((p) => p !== undefined)) add(parts.join('>'));
        }
      }
    }
    const ids = [...row.keys()].sort((a, b) => a - b);
    for (const id of ids) {
      indices.push(id);
      values.push(row.get(id)!);
    }
    indptr[s + 1] = indices.length;
  }
  return {
    counts: {
      rows: n,
      cols: vocab.size,
      indptr,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    unknownTokens,
  };
}

/**
 * Keep the columns whose document frequency lies in [minDf, maxDf], renumbered in alphabetical token
 * order (as scikit-learn's CountVectorizer sorts its vocabulary). Returns the new vocabulary and matrix.
 */
export function pruneVocabulary(
  counts: SparseMatrix,
  vocab: Map<string, number>,
  minDf: number,
  maxDf: number,
): { counts: SparseMatrix; vocabulary: string[] } {
  const df = new Int32Array(counts.cols);
  for (let e = 0; e < counts.indptr[counts.rows]; e++) df[counts.indices[e]]++;
  const kept = [...vocab.entries()].filter(([, id]) => df[id] >= minDf && df[id] <= maxDf);
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const remap = new Int32Array(counts.cols).fill(-1);
  kept.forEach(([, id], j) => {
    remap[id] = j;
  });
  const indptr = new Int32Array(counts.rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < counts.rows; r++) {
    const rowEntries: [number, number][] = [];
    for (let e = counts.indptr[r]; e < counts.indptr[r + 1]; e++) {
      const j = remap[counts.indices[e]];
      if (j >= 0) rowEntries.push([j, counts.values[e]]);
    }
    rowEntries.sort((a, b) => a[0] - b[0]);
    for (const [j, v] of rowEntries) {
      indices.push(j);
      values.push(v);
    }
    indptr[r + 1] = indices.length;
  }
  return {
    counts: {
      rows: counts.rows,
      cols: kept.length,
      indptr,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    vocabulary: kept.map(([t]) => t),
  };
}
