import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Behavior } from '../../src/data/sequence-set.js';
import { sparseToDense } from '../../src/encode/sparse-matrix.js';
import { TfidfEncoder } from '../../src/encode/tfidf.js';
import { fixture, handSequences, maxAbsDiff } from './helpers.js';

interface Variant {
  vocabulary: string[];
  idf: number[];
  matrix: number[][];
  singular_values: number[];
}
const FIX = fixture<{
  users: string[];
  events: Record<string, [string, string, Behavior][]>;
  sublinear_smooth_l2: Variant;
  raw_nosmooth_l1: Variant;
}>('tfidf.json');
const seqs = handSequences(
  Object.fromEntries(FIX.users.map((u) => [u, FIX.events[u].map(([item, cat, b]) => ({ item, cat, b }))])),
);

test('TfidfEncoder.weightedCounts matches scikit-learn TfidfVectorizer(sublinear_tf, smooth_idf, l2)', async () => {
  const enc = await new TfidfEncoder({ dim: 0 }).fit(seqs);
  const ref = FIX.sublinear_smooth_l2;
  assert.deepEqual(enc.vocabulary, ref.vocabulary);
  assert.ok(maxAbsDiff(enc.idf, ref.idf) < 1e-12);
  assert.ok(maxAbsDiff(sparseToDense(enc.weightedCounts(seqs)), ref.matrix.flat()) < 1e-12);
  const X = await enc.transform(seqs);
  assert.equal(X.cols, ref.vocabulary.length);
  assert.ok(maxAbsDiff(X.data, ref.matrix.flat()) < 1e-6);
});

test('TfidfEncoder.weightedCounts matches scikit-learn TfidfVectorizer(raw tf, no smoothing, l1)', async () => {
  const enc = await new TfidfEncoder({ dim: 0, sublinearTf: false, smoothIdf: false, norm: 'l1' }).fit(seqs);
  const ref = FIX.raw_nosmooth_l1;
  assert.ok(maxAbsDiff(enc.idf, ref.idf) < 1e-12);
  assert.ok(maxAbsDiff(sparseToDense(enc.weightedCounts(seqs)), ref.matrix.flat()) < 1e-12);
});

test('TfidfEncoder with dim: singular values match numpy exact SVD of the TF-IDF matrix; rows = X V^T', async () => {
  const enc = await new TfidfEncoder({ dim: 4, seed: 3 }).fit(seqs);
  const ref = FIX.sublinear_smooth_l2;
  assert.ok(maxAbsDiff(enc.singularValues, ref.singular_values.slice(0, 4)) < 1e-9);
  const X = await enc.transform(seqs);
  assert.equal(X.cols, 4);
  // Row norms of X V_k^T equal the norms of U_k S_k rows; column sums of squares equal sigma^2.
  for (let j = 0; j < 4; j++) {
    let s = 0;
    for (let i = 0; i < X.rows; i++) s += X.data[i * 4 + j] ** 2;
    assert.ok(Math.abs(Math.sqrt(s) - ref.singular_values[j]) < 1e-5);
  }
});

test('TfidfEncoder is bit-identical for the same seed (seed 11)', async () => {
  const a = await (await new TfidfEncoder({ dim: 3, seed: 11 }).fit(seqs)).transform(seqs);
  const b = await (await new TfidfEncoder({ dim: 3, seed: 11 }).fit(seqs)).transform(seqs);
  assert.deepEqual(a.data, b.data);
});

test('TfidfEncoder.transform ignores unknown items and counts them', async () => {
  const enc = await new TfidfEncoder({ dim: 0, tokens: ['item'], ngramMax: 0 }).fit(seqs);
  const fresh = handSequences({
    x: [
      { item: 'a', b: 'pv' },
      { item: 'zzz', b: 'pv' },
    ],
    y: [{ item: 'unseen', b: 'buy' }],
  });
  const X = await enc.transform(fresh);
  assert.deepEqual(enc.lastTransformReport, { unknownTokens: 2, emptyRows: 1 });
  const a = enc.vocabulary.indexOf('itema');
  assert.equal(X.data[a], 1);
  assert.deepEqual([...X.data.subarray(X.cols)], new Array(X.cols).fill(0));
});

test('TfidfEncoder on a vocabulary of one pads SVD columns with zeros and reports rank 1', async () => {
  const one = handSequences({
    a: [{ item: 'x', b: 'pv' }],
    b: [
      { item: 'x', b: 'pv' },
      { item: 'x', b: 'pv' },
    ],
  });
  const enc = await new TfidfEncoder({ dim: 3, tokens: ['item'], ngramMax: 0 }).fit(one);
  assert.deepEqual(enc.vocabulary, ['itemx']);
  assert.equal(enc.svdRank, 1);
  const X = await enc.transform(one);
  assert.deepEqual([...X.data], [1, 0, 0, 1, 0, 0]);
});

test('TfidfEncoder: empty input throws; users with zero or one event get rows', async () => {
  await assert.rejects(new TfidfEncoder().fit(handSequences({})), /no sequences/);
  await assert.rejects(new TfidfEncoder().fit(handSequences({ a: [], b: [] })), /no tokens/);
  const s = handSequences({
    a: [],
    b: [{ item: 'x', cat: '1', b: 'pv' }],
    c: [{ item: 'y', cat: '2', b: 'buy' }],
  });
  const X = await (await new TfidfEncoder({ dim: 2, seed: 1 }).fit(s)).transform(s);
  assert.equal(X.rows, 3);
  assert.deepEqual([...X.data.subarray(0, 2)], [0, 0]);
  assert.throws(() => new TfidfEncoder({ dim: -1 }), /dim/);
  assert.throws(() => new TfidfEncoder({ tokens: [], ngramMax: 1 }), /no features/);
});
