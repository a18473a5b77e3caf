import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { KMeans } from '../../src/cluster/kmeans.js';
import { generateSequences } from '../../src/data/generate.js';
import { loadSequences } from '../../src/data/load.js';
import type { SequenceSet } from '../../src/data/sequence-set.js';
import { temporalSplit } from '../../src/data/temporal-split.js';
import { createEncoder } from '../../src/encode/registry.js';
import { TfidfEncoder } from '../../src/encode/tfidf.js';
import { TransformerEncoder } from '../../src/encode/transformer.js';
import { TRANSFORMER_ORDER_AWARE } from '../../src/encode/transformer-options.js';
import { contingency } from '../../src/metrics/contingency.js';
import { adjustedRand } from '../../src/metrics/rand.js';
import type { Matrix } from '../../src/util/matrix.js';
import { datasetsPath } from '../data/datasets-path.js';
import { handSequences } from './helpers.js';
import { orderOnlySequences } from './order-only-fixture.js';

const datasets = datasetsPath();

async function kmeansAri(X: Matrix, truth: Int32Array, k: number): Promise<number> {
  const km = await new KMeans({ k, seed: 1, nInit: 5 }).fit(X);
  return adjustedRand(contingency(truth, km.labels));
}

/** HR@k of a ranked list per user against each user's single future item (computed by hand here). */
function hitRate(future: SequenceSet, ranked: (s: number) => string[]): number {
  let hits = 0;
  const n = future.users.length;
  for (let s = 0; s < n; s++)
    if (ranked(s).includes(future.itemVocab[future.items[future.offsets[s]]])) hits++;
  return hits / n;
}

/** Global popularity: the k most frequent history items, the same list for every user. */
function popularTopK(history: SequenceSet, k: number): string[] {
  const counts = new Map<string, number>();
  for (const code of history.items)
    counts.set(history.itemVocab[code], (counts.get(history.itemVocab[code]) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([item]) => item);
}

test('TransformerEncoder(causal, contextual pooling) + k-means recovers order-only segments that bag-of-items counts/TF-IDF + k-means cannot, and its next-item HR@10 beats popularity (fixture seed 3, model seed 1)', async () => {
  const { seqs, truth } = orderOnlySequences({
    users: 240,
    segments: 2,
    length: 30,
    categories: 8,
    itemsPerCategory: 10,
    seed: 3,
  });
  const { history, future } = temporalSplit(seqs, { leaveLastK: 1 });
  const enc = await new TransformerEncoder({
    objective: 'causal',
    pooling: 'contextual',
    dim: 32,
    heads: 2,
    maxLen: 30,
    epochs: 15,
    batchSize: 32,
    learningRate: 0.01,
    seed: 1,
  }).fit(history);
  const transformerAri = await kmeansAri(await enc.transform(history), truth, 2);
  const bag = { tokens: ['item', 'category'] as const, ngramMax: 1, seed: 1 };
  const tfidfAri = await kmeansAri(
    await (await new TfidfEncoder({ ...bag, tokens: [...bag.tokens] }).fit(history)).transform(history),
    truth,
    2,
  );
  const countsAri = await kmeansAri(
    await (await new TfidfEncoder({ ...bag, tokens: [...bag.tokens], counts: true }).fit(history)).transform(
      history,
    ),
    truth,
    2,
  );
  const bigramAri = await kmeansAri(
    await (await new TfidfEncoder({ seed: 1 }).fit(history)).transform(history),
    truth,
    2,
  );
  const scored = await enc.scoreNextItems(history, 10);
  const hrModel = hitRate(future, (s) => scored.items.slice(s * 10, s * 10 + 10));
  const popular = popularTopK(history, 10);
  const hrPopular = hitRate(future, () => popular);
  console.log(
    `order-only ARI: transformer ${transformerAri.toFixed(3)}, tfidf ${tfidfAri.toFixed(3)}, counts ${countsAri.toFixed(3)}, tfidf+bigrams ${bigramAri.toFixed(3)}; HR@10 transformer ${hrModel.toFixed(3)} vs popularity ${hrPopular.toFixed(3)}`,
  );
  assert.ok(transformerAri >= 0.4, `transformer ARI ${transformerAri}`);
  assert.ok(
    transformerAri - Math.max(tfidfAri, countsAri) >= 0.35,
    `margin ${transformerAri} vs ${tfidfAri}/${countsAri}`,
  );
  assert.ok(hrModel > hrPopular + 0.2, `HR@10 ${hrModel} vs popularity ${hrPopular}`);
  enc.dispose();
});

test('TransformerEncoder(causal, last pooling) + k-means separates order-phase segments of a generateSequences log where TF-IDF (default, with bigrams), bag-of-tokens TF-IDF and counts + k-means cannot (log seed 5, model seed 1)', async () => {
  const { sequences, truth } = generateSequences({
    users: 300,
    segments: 2,
    difficulty: 'order-phase',
    items: 1000,
    categories: 40,
    seed: 5,
  });
  const enc = await new TransformerEncoder({ ...TRANSFORMER_ORDER_AWARE, seed: 1 }).fit(sequences);
  const transformerAri = await kmeansAri(await enc.transform(sequences), truth.segment, 2);
  enc.dispose();
  const baseline = async (name: 'tfidf' | 'counts', options: Record<string, unknown>): Promise<number> => {
    const e = await createEncoder(name, { seed: 1, ...options });
    await e.fit(sequences);
    return kmeansAri(await e.transform(sequences), truth.segment, 2);
  };
  const tfidfAri = await baseline('tfidf', {});
  const bagAri = await baseline('tfidf', { ngramMax: 1 });
  const countsAri = await baseline('counts', {});
  console.log(
    `order-phase ARI: transformer ${transformerAri.toFixed(3)}, tfidf ${tfidfAri.toFixed(3)}, tfidf bag ${bagAri.toFixed(3)}, counts ${countsAri.toFixed(3)}`,
  );
  const best = Math.max(tfidfAri, bagAri, countsAri);
  assert.ok(best < 0.1, `best of counts/TF-IDF ARI ${best}`);
  assert.ok(transformerAri >= 0.6, `transformer ARI ${transformerAri}`);
  assert.ok(transformerAri - best >= 0.4, `margin ${transformerAri} vs ${best}`);
});

test('TransformerEncoder(causal) next-item HR@10 on a generateSequences log (medium, last event held out) beats global popularity, seed 4', async () => {
  const { sequences } = generateSequences({
    users: 200,
    segments: 3,
    difficulty: 'medium',
    items: 300,
    categories: 12,
    seed: 4,
  });
  const { history, future } = temporalSplit(sequences, { leaveLastK: 1 });
  const enc = await new TransformerEncoder({
    objective: 'causal',
    dim: 32,
    heads: 2,
    maxLen: 40,
    epochs: 8,
    batchSize: 32,
    learningRate: 0.01,
    seed: 4,
  }).fit(history);
  const scored = await enc.scoreNextItems(history, 10);
  const hrModel = hitRate(future, (s) => scored.items.slice(s * 10, s * 10 + 10));
  const popular = popularTopK(history, 10);
  const hrPopular = hitRate(future, () => popular);
  console.log(
    `generated HR@10 transformer(causal) ${hrModel.toFixed(3)} vs popularity ${hrPopular.toFixed(3)} over ${future.users.length} users`,
  );
  assert.ok(hrModel > hrPopular, `HR@10 ${hrModel} vs popularity ${hrPopular}`);
  enc.dispose();
});

test('TransformerEncoder(causal) next-item HR@10 on the taobao slice (last event of each user held out) beats global popularity, seed 2', async () => {
  const { sequences } = await loadSequences({
    path: join(datasets, 'taobao_userbehavior_slice', 'UserBehavior_tail10k_betashepherd.csv'),
    preset: 'taobao',
  });
  const { history, future } = temporalSplit(sequences, { leaveLastK: 1 });
  const enc = await new TransformerEncoder({
    objective: 'causal',
    dim: 32,
    heads: 2,
    maxLen: 50,
    epochs: 12,
    batchSize: 16,
    learningRate: 0.01,
    seed: 2,
  }).fit(history);
  assert.equal(enc.model.loss.kind, 'sampled');
  const scored = await enc.scoreNextItems(history, 10);
  const hrModel = hitRate(future, (s) => scored.items.slice(s * 10, s * 10 + 10));
  const popular = popularTopK(history, 10);
  const hrPopular = hitRate(future, () => popular);
  console.log(
    `taobao HR@10 transformer ${hrModel.toFixed(3)} vs popularity ${hrPopular.toFixed(3)} over ${future.users.length} users`,
  );
  assert.ok(hrModel > hrPopular, `HR@10 ${hrModel} vs popularity ${hrPopular}`);
  enc.dispose();
});

test('TransformerEncoder bad input: no events, one-event users, unknown items, a vocabulary of one, bad options', async () => {
  const empty = handSequences({ a: [], b: [] });
  await assert.rejects(new TransformerEncoder().fit(empty), /no events/);
  const single = handSequences({ a: [{ item: 'x', b: 'pv' }], b: [{ item: 'y', b: 'buy' }], c: [] });
  for (const objective of ['masked', 'causal'] as const) {
    // causal has nothing to predict in one-event users: it trains no step, but still embeds them.
    const enc = await new TransformerEncoder({ objective, dim: 8, heads: 1, epochs: 1, maxLen: 4 }).fit(
      single,
    );
    const X = await enc.transform(single);
    assert.equal(X.rows, 3);
    assert.ok(X.data.every(Number.isFinite));
    assert.deepEqual(Array.from(X.data.subarray(16, 24)), new Array(8).fill(0), 'empty sequence -> zero row');
    assert.equal(enc.losses.length, objective === 'masked' ? 1 : 0);
    enc.dispose();
  }
  const oneItem = handSequences({
    a: [
      { item: 'x', b: 'pv' },
      { item: 'x', b: 'cart' },
    ],
    b: [{ item: 'x', b: 'pv' }],
  });
  const enc = await new TransformerEncoder({ dim: 8, heads: 2, epochs: 2, maxLen: 4 }).fit(oneItem);
  const unseen = handSequences({
    a: [
      { item: 'x', b: 'pv' },
      { item: 'new', b: 'pv' },
    ],
    b: [{ item: 'other', b: 'buy' }],
  });
  const X = await enc.transform(unseen);
  assert.ok(X.data.every(Number.isFinite));
  assert.equal(enc.unknownItems, 2);
  const top = await enc.scoreNextItems(unseen, 3);
  assert.deepEqual(top.items, ['x', '', '', 'x', '', '']);
  await assert.rejects(enc.scoreNextItems(unseen, 0), /k \(0\)/);
  enc.dispose();
  assert.throws(
    () =>
      new TransformerEncoder({
        dim: 10,
        heads: 4,
        maskRate: 1.5,
        objective: 'bert' as 'masked',
        categoryLossWeight: -1,
      }),
    (e: Error) =>
      e instanceof RangeError &&
      /dim \(10\) must be a multiple of heads \(4\)/.test(e.message) &&
      /maskRate \(1.5\)/.test(e.message) &&
      /objective \(bert\)/.test(e.message) &&
      /categoryLossWeight \(-1\)/.test(e.message),
  );
});

test("createEncoder('transformer', options) builds a TransformerEncoder with the options merged", async () => {
  const enc = await createEncoder('transformer', { objective: 'causal', dim: 16, heads: 2 });
  assert.ok(enc instanceof TransformerEncoder);
  assert.equal(enc.name, 'transformer');
  assert.equal(enc.params.objective, 'causal');
  assert.equal(enc.params.ffnDim, 64);
  await assert.rejects(createEncoder('transformer', { heads: 0 }), /heads \(0\)/);
  await assert.rejects(createEncoder('transformer', { layer: 2 }), /layer/);
});
