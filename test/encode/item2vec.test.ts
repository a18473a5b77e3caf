import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Item2VecEncoder } from '../../src/encode/item2vec.js';
import { type HandEvent, fixture, handSequences } from './helpers.js';

const FIX = fixture<{
  corpus: string[];
  neighbors: Record<string, string[]>;
  settings: Record<string, number>;
}>('item2vec.json');
const corpus = handSequences(
  Object.fromEntries(
    FIX.corpus.map((s, i) => [
      `u${i}`,
      s.split(' ').map((item): HandEvent => ({ item, cat: String(Math.floor(Number(item) / 25)), b: 'pv' })),
    ]),
  ),
);
const gensimLike = {
  dim: 32,
  window: 3,
  negative: 5,
  sample: 0,
  minCount: 1,
  epochs: 15,
  alpha: 0.025,
  minAlpha: 0.0001,
};

test('Item2VecEncoder nearest neighbors agree with gensim Word2Vec(sg=1) on ring random walks (seed 1)', async () => {
  const enc = await new Item2VecEncoder({ ...gensimLike, seed: 1 }).fit(corpus);
  let overlap = 0;
  let sameRing = 0;
  const ids = Object.keys(FIX.neighbors);
  for (const id of ids) {
    const ours = enc.mostSimilar(id, 4).map((n) => n.id);
    overlap += ours.filter((n) => FIX.neighbors[id].includes(n)).length / 4;
    sameRing += ours.filter((n) => Math.floor(Number(n) / 25) === Math.floor(Number(id) / 25)).length / 4;
  }
  // gensim: same-ring share 1.0. A random same-ring choice of 4 out of 24 would overlap gensim's by 1/6.
  assert.ok(sameRing / ids.length > 0.95, `same ring ${sameRing / ids.length}`);
  assert.ok(overlap / ids.length > 0.85, `overlap with gensim top-4 ${overlap / ids.length}`);
});

test('Item2VecEncoder places same-category items closer than random pairs (seed 2)', async () => {
  const enc = await new Item2VecEncoder({ ...gensimLike, epochs: 5, seed: 2 }).fit(corpus);
  const { cols: d, data } = enc.itemVectors;
  const cos = (a: number, b: number) => {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let x = 0; x < d; x++) {
      dot += data[a * d + x] * data[b * d + x];
      na += data[a * d + x] ** 2;
      nb += data[b * d + x] ** 2;
    }
    return dot / Math.sqrt(na * nb);
  };
  const ring = enc.itemIds.map((id) => Math.floor(Number(id) / 25));
  let same = 0;
  let sameN = 0;
  let all = 0;
  let allN = 0;
  for (let a = 0; a < ring.length; a++) {
    for (let b = a + 1; b < ring.length; b++) {
      const c = cos(a, b);
      all += c;
      allN++;
      if (ring[a] === ring[b]) {
        same += c;
        sameN++;
      }
    }
  }
  assert.ok(same / sameN > all / allN + 0.2, `same-category ${same / sameN} vs all pairs ${all / allN}`);
});

for (const simd of [true, false]) {
  test(`Item2VecEncoder (simd ${simd}) with workers 1 is bit-identical by seed; different seeds differ`, async () => {
    const small = { ...gensimLike, epochs: 2, dim: 8, simd };
    const a = await new Item2VecEncoder({ ...small, seed: 9 }).fit(corpus);
    const b = await new Item2VecEncoder({ ...small, seed: 9 }).fit(corpus);
    const c = await new Item2VecEncoder({ ...small, seed: 10 }).fit(corpus);
    assert.deepEqual(a.itemVectors.data, b.itemVectors.data);
    assert.notDeepEqual(a.itemVectors.data, c.itemVectors.data);
    assert.deepEqual(await a.transform(corpus), await b.transform(corpus));
  });
}

test('Item2VecEncoder TypeScript path (simd false) also agrees with gensim neighbors (seed 1)', async () => {
  const enc = await new Item2VecEncoder({ ...gensimLike, simd: false, seed: 1 }).fit(corpus);
  let overlap = 0;
  const ids = Object.keys(FIX.neighbors);
  for (const id of ids)
    overlap += enc.mostSimilar(id, 4).filter((n) => FIX.neighbors[id].includes(n.id)).length / 4;
  assert.ok(overlap / ids.length > 0.85, `overlap ${overlap / ids.length}`);
});

for (const simd of [true, false]) {
  test(`Item2VecEncoder (simd ${simd}) with 2 workers (Hogwild on shared memory) trains as many pairs as 1 worker and recovers rings`, async () => {
    const enc = await new Item2VecEncoder({ ...gensimLike, workers: 2, chunk: 16, simd, seed: 1 }).fit(
      corpus,
    );
    let sameRing = 0;
    for (const id of enc.itemIds) {
      sameRing +=
        enc.mostSimilar(id, 4).filter((n) => Math.floor(Number(n.id) / 25) === Math.floor(Number(id) / 25))
          .length / 4;
    }
    assert.ok(sameRing / enc.itemIds.length > 0.95);
    const one = await new Item2VecEncoder({ ...gensimLike, workers: 1, simd, seed: 1 }).fit(corpus);
    assert.ok(Math.abs(enc.trainedPairs - one.trainedPairs) / one.trainedPairs < 0.05);
  });
}

test('Item2VecEncoder.transform pools unit item vectors, ignores and counts unknown items', async () => {
  const seqs = handSequences({
    a: [
      { item: 'x', b: 'pv' },
      { item: 'y', b: 'buy' },
    ],
    b: [
      { item: 'y', b: 'pv' },
      { item: 'x', b: 'pv' },
    ],
  });
  const enc = await new Item2VecEncoder({ dim: 4, epochs: 1, seed: 3, pooling: 'mean' }).fit(seqs);
  const fresh = handSequences({
    c: [
      { item: 'x', b: 'pv' },
      { item: 'new', b: 'pv' },
    ],
    d: [{ item: 'new2', b: 'buy' }],
  });
  const X = await enc.transform(fresh);
  assert.deepEqual(enc.lastTransformReport, { unknownEvents: 2, emptyUsers: 1 });
  const xv = enc.itemVectors.data.subarray(enc.itemIds.indexOf('x') * 4, enc.itemIds.indexOf('x') * 4 + 4);
  const norm = Math.hypot(...xv);
  for (let j = 0; j < 4; j++) assert.ok(Math.abs(X.data[j] - xv[j] / norm) < 1e-6);
  assert.deepEqual([...X.data.subarray(4)], [0, 0, 0, 0]);
});

test('Item2VecEncoder behavior-weighted and time-decayed pooling match hand-computed weights', async () => {
  const day = 86400;
  const seqs = handSequences({
    a: [
      { item: 'x', b: 'buy', ts: 0 },
      { item: 'y', b: 'pv', ts: 7 * day },
    ],
  });
  const enc = await new Item2VecEncoder({ dim: 3, epochs: 1, seed: 4, halfLifeDays: 7 }).fit(seqs);
  const unit = (id: string) => {
    const v = [
      ...enc.itemVectors.data.subarray(enc.itemIds.indexOf(id) * 3, enc.itemIds.indexOf(id) * 3 + 3),
    ];
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  };
  const [x, y] = [unit('x'), unit('y')];
  const bw = await enc.transform(seqs); // buy weight 3, view weight 1
  for (let j = 0; j < 3; j++) assert.ok(Math.abs(bw.data[j] - (3 * x[j] + y[j]) / 4) < 1e-6);
  const decayed = await new Item2VecEncoder({
    dim: 3,
    epochs: 1,
    seed: 4,
    halfLifeDays: 7,
    pooling: 'time-decayed',
  }).fit(seqs);
  const td = await decayed.transform(seqs); // buy one half-life old: 3 * 0.5
  for (let j = 0; j < 3; j++) assert.ok(Math.abs(td.data[j] - (1.5 * x[j] + y[j]) / 2.5) < 1e-6);
});

test('Item2VecEncoder bad input: no sequences, vocabulary below minCount, bad options; one-event users', async () => {
  await assert.rejects(new Item2VecEncoder().fit(handSequences({})), /no sequences/);
  await assert.rejects(
    new Item2VecEncoder({ minCount: 5 }).fit(handSequences({ a: [{ item: 'x', b: 'pv' }] })),
    /minCount/,
  );
  assert.throws(() => new Item2VecEncoder({ window: 0 }), /window/);
  assert.throws(() => new Item2VecEncoder({ minAlpha: 1 }), /minAlpha/);
  const one = handSequences({ a: [{ item: 'x', b: 'pv' }], b: [{ item: 'x', b: 'pv' }] });
  const enc = await new Item2VecEncoder({ dim: 4, seed: 1 }).fit(one);
  assert.equal(enc.trainedPairs, 0);
  const X = await enc.transform(one);
  assert.deepEqual(X.data.subarray(0, 4), X.data.subarray(4, 8));
  // A vocabulary of one: every negative draw is the positive item itself and is skipped (gensim).
  const single = handSequences({
    a: [
      { item: 'x', b: 'pv' },
      { item: 'x', b: 'pv' },
      { item: 'x', b: 'buy' },
    ],
  });
  for (const simd of [true, false]) {
    const s = await new Item2VecEncoder({ dim: 4, seed: 1, simd, sample: 0 }).fit(single);
    assert.ok(s.trainedPairs > 0);
    assert.ok([...s.itemVectors.data].every(Number.isFinite));
  }
});
