/** Test helpers for encoders: hand-built SequenceSets, a seeded Lloyd k-means and ARI. */
import { readFileSync } from 'node:fs';
import { BEHAVIOR_CODE, type Behavior, type SequenceSet } from '../../src/data/sequence-set.js';
import type { Matrix } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';

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

/** Seeded Lloyd k-means with k-means++ seeding and restarts; returns the best labels by inertia. */
export function lloydKmeans(X: Matrix, k: number, seed: number, restarts = 5): Int32Array {
  const random = randomSource(seed);
  const { rows: n, cols: d, data } = X;
  let best = new Int32Array(n);
  let bestInertia = Number.POSITIVE_INFINITY;
  for (let r = 0; r < restarts; r++) {
    const C = new Float64Array(k * d);
    const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    let pick = random.int(n);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) C[c * d + j] = data[pick * d + j];
      let total = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (data[i * d + j] - C[c * d + j]) ** 2;
        dist[i] = Math.min(dist[i], s);
        total += dist[i];
      }
      let u = random.uniform() * total;
      pick = n - 1;
      for (let i = 0; i < n; i++) {
        u -= dist[i];
        if (u <= 0) {
          pick = i;
          break;
        }
      }
    }
    const labels = new Int32Array(n);
    let inertia = 0;
    for (let it = 0; it < 100; it++) {
      inertia = 0;
      let changed = false;
      for (let i = 0; i < n; i++) {
        let bi = 0;
        let bd = Number.POSITIVE_INFINITY;
        for (let c = 0; c < k; c++) {
          let s = 0;
          for (let j = 0; j < d; j++) s += (data[i * d + j] - C[c * d + j]) ** 2;
          if (s < bd) {
            bd = s;
            bi = c;
          }
        }
        if (labels[i] !== bi) changed = true;
        labels[i] = bi;
        inertia += bd;
      }
      if (!changed && it > 0) break;
      const count = new Float64Array(k);
      C.fill(0);
      for (let i = 0; i < n; i++) {
        count[labels[i]]++;
        for (let j = 0; j < d; j++) C[labels[i] * d + j] += data[i * d + j];
      }
      for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) C[c * d + j] /= Math.max(count[c], 1);
    }
    if (inertia < bestInertia) {
      bestInertia = inertia;
      best = labels;
    }
  }
  return best;
}

/** Adjusted Rand index (Hubert & Arabie 1985) from the contingency table. */
export function adjustedRand(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const table = new Map<string, number>();
  const ra = new Map<number, number>();
  const rb = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    table.set(`${a[i]},${b[i]}`, (table.get(`${a[i]},${b[i]}`) ?? 0) + 1);
    ra.set(a[i], (ra.get(a[i]) ?? 0) + 1);
    rb.set(b[i], (rb.get(b[i]) ?? 0) + 1);
  }
  const c2 = (x: number): number => (x * (x - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += c2(v);
  let sa = 0;
  for (const v of ra.values()) sa += c2(v);
  let sb = 0;
  for (const v of rb.values()) sb += c2(v);
  const expected = (sa * sb) / c2(a.length);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Column-major-agnostic max |a - b|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
