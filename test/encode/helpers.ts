/** Test helpers for encoders: hand-built SequenceSets, fixtures, max |a - b|. */
import { readFileSync } from 'node:fs';
import { BEHAVIOR_CODE, type Behavior, type SequenceSet } from '../../src/data/sequence-set.js';

/** One event: item id, category id ('' = unknown), behavior, and optionally ts, query, price. */
export interface HandEvent {
  item: string;
  cat?: string;
  b: Behavior;
  ts?: number;
  query?: string;
  price?: number;
}

/** A SequenceSet from per-user event lists (vocabularies in order of first appearance). */
export function handSequences(byUser: Record<string, HandEvent[]>): SequenceSet {
  const users = Object.keys(byUser);
  const itemVocab: string[] = [];
  const categoryVocab: string[] = [];
  const queryVocab: string[] = [];
  const idx = (vocab: string[], v: string): number => {
    let i = vocab.indexOf(v);
    if (i < 0) i = vocab.push(v) - 1;
    return i;
  };
  const offsets = new Int32Array(users.length + 1);
  const items: number[] = [];
  const behaviors: number[] = [];
  const ts: number[] = [];
  const categories: number[] = [];
  const queries: number[] = [];
  const prices: number[] = [];
  users.forEach((u, s) => {
    byUser[u].forEach((e, k) => {
      items.push(idx(itemVocab, e.item));
      behaviors.push(BEHAVIOR_CODE[e.b]);
      ts.push(e.ts ?? 1_700_000_000 + 60 * k);
      categories.push(e.cat === undefined || e.cat === '' ? -1 : idx(categoryVocab, e.cat));
      queries.push(e.query === undefined ? -1 : idx(queryVocab, e.query));
      prices.push(e.price ?? Number.NaN);
    });
    offsets[s + 1] = items.length;
  });
  return {
    users,
    offsets,
    items: Int32Array.from(items),
    behaviors: Uint8Array.from(behaviors),
    ts: Float64Array.from(ts),
    categories: Int32Array.from(categories),
    queries: Int32Array.from(queries),
    prices: Float32Array.from(prices),
    itemVocab,
    categoryVocab,
    queryVocab,
    keyedBy: 'user',
  };
}

/** Read a JSON fixture from fixtures/encode/. */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/encode/${name}`, import.meta.url), 'utf8')) as T;
}

/** Largest absolute elementwise difference. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
