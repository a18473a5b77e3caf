import { readFileSync } from 'node:fs';
import type { SequenceSet } from '../../src/data/sequence-set.js';

/** A fixture from fixtures/<path> (tests run from dist/test, fixtures stay at the repo root). */
export function fixture<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8')) as T;
}

/**
 * A SequenceSet from per-user event lists `[item, category, behavior, ts]` (tests only).
 * Items and categories are given as vocabulary indices.
 */
export function sequencesOf(
  users: Record<string, [number, number, number, number][]>,
  nItems: number,
  nCategories: number,
): SequenceSet {
  const names = Object.keys(users);
  const offsets = new Int32Array(names.length + 1);
  const events = names.flatMap((u) => users[u]);
  names.forEach((u, i) => {
    offsets[i + 1] = offsets[i] + users[u].length;
  });
  return {
    users: names,
    offsets,
    items: Int32Array.from(events.map((e) => e[0])),
    categories: Int32Array.from(events.map((e) => e[1])),
    behaviors: Uint8Array.from(events.map((e) => e[2])),
    ts: Float64Array.from(events.map((e) => e[3])),
    itemVocab: Array.from({ length: nItems }, (_, i) => `i${i}`),
    categoryVocab: Array.from({ length: nCategories }, (_, i) => `c${i}`),
    keyedBy: 'user',
  };
}
