import assert from 'node:assert/strict';
import { test } from 'node:test';
import { causalBatch, maskedItemBatch, nextItemQueryBatch } from '../../src/encode/transformer-masking.js';
import { negativeSampler } from '../../src/encode/transformer-negatives.js';
import { MASK_TOKEN, UNK_TOKEN, buildTokenVocab, gapBucket } from '../../src/encode/transformer-vocab.js';
import { tokenizeWindows } from '../../src/encode/transformer-windows.js';
import { randomSource } from '../../src/util/random.js';
import { handSequences } from './helpers.js';

const seqs = handSequences({
  a: [
    { item: 'x', cat: 'c1', b: 'pv', ts: 100 },
    { item: 'y', cat: 'c2', b: 'cart', ts: 101 },
    { item: 'x', cat: 'c1', b: 'buy', ts: 1124 },
  ],
  b: [{ item: 'z', cat: 'c2', b: 'pv', ts: 50 }],
  c: [],
});

test('gapBucket(seconds) is 1 + floor(log2(1 + s)) capped at 23', () => {
  assert.deepEqual([0, 1, 3, 1023, -5, Number.NaN, 1e12].map(gapBucket), [1, 2, 3, 11, 1, 1, 23]);
});

test('buildTokenVocab(seqs) numbers items by first appearance after 3 reserved tokens and counts them', () => {
  const v = buildTokenVocab(seqs);
  assert.deepEqual(v.items, ['x', 'y', 'z']);
  assert.equal(v.itemToken.get('x'), 3);
  assert.deepEqual(Array.from(v.counts), [0, 0, 0, 2, 1, 1]);
  assert.deepEqual(v.categories, ['c1', 'c2']);
});

test('tokenizeWindows(seqs, vocab, 2) keeps the last 2 events, left-aligned, with behavior+1 and gap buckets', () => {
  const w = tokenizeWindows(seqs, buildTokenVocab(seqs), 2);
  assert.deepEqual(Array.from(w.lengths), [2, 1, 0]);
  assert.deepEqual(Array.from(w.items), [4, 3, 5, 0, 0, 0]);
  assert.deepEqual(Array.from(w.behaviors), [2, 4, 1, 0, 0, 0]);
  assert.deepEqual(Array.from(w.categories), [2, 1, 2, 0, 0, 0]);
  // gap 1 s -> bucket 2; gap 1023 s -> 11; b's first event -> 0.
  assert.deepEqual(Array.from(w.gaps), [2, 11, 0, 0, 0, 0]);
  assert.equal(w.unknownItems, 0);
});

test('tokenizeWindows maps items unseen at fit to [UNK] and counts them', () => {
  const fresh = handSequences({
    a: [
      { item: 'x', b: 'pv' },
      { item: 'new1', b: 'pv' },
      { item: 'new2', b: 'pv' },
    ],
  });
  const w = tokenizeWindows(fresh, buildTokenVocab(seqs), 5);
  assert.deepEqual(Array.from(w.items.subarray(0, 3)), [3, UNK_TOKEN, UNK_TOKEN]);
  assert.equal(w.unknownItems, 2);
  assert.throws(() => tokenizeWindows(fresh, buildTokenVocab(seqs), 0), /maxLen \(0\)/);
});

test('maskedItemBatch masks about maskRate of events, at least one per window, and hides their category (seed 7)', () => {
  const many = handSequences(
    Object.fromEntries(
      Array.from({ length: 200 }, (_, u) => [
        `u${u}`,
        Array.from({ length: 10 }, (_, p) => ({ item: `i${(u + p) % 13}`, cat: 'c', b: 'pv' as const })),
      ]),
    ),
  );
  const w = tokenizeWindows(many, buildTokenVocab(many), 10);
  const rows = Int32Array.from({ length: 200 }, (_, i) => i);
  const batch = maskedItemBatch(w, rows, 0.2, randomSource(7));
  const rate = batch.targetRows.length / 2000;
  assert.ok(rate > 0.17 && rate < 0.24, `mask rate ${rate}`);
  for (let t = 0; t < batch.targetRows.length; t++) {
    const at = batch.targetRows[t];
    assert.equal(batch.items[at], MASK_TOKEN);
    assert.equal(batch.categories[at], 0);
    assert.equal(batch.targetItems[t], w.items[at]);
    assert.equal(batch.targetCategories[t], w.categories[at]);
  }
  const one = maskedItemBatch(w, [0], 0.01, randomSource(7));
  assert.equal(one.targetRows.length, 1);
});

test('causalBatch targets the next item at every position but the last', () => {
  const w = tokenizeWindows(seqs, buildTokenVocab(seqs), 3);
  const batch = causalBatch(w, [0, 1, 2]);
  assert.deepEqual(Array.from(batch.targetRows), [0, 1]);
  assert.deepEqual(Array.from(batch.targetItems), [4, 3]);
  assert.deepEqual(Array.from(batch.targetCategories), [w.categories[1], w.categories[2]]);
});

test('nextItemQueryBatch appends [MASK] (masked) or reads the last position (causal)', () => {
  const w = tokenizeWindows(seqs, buildTokenVocab(seqs), 3);
  const masked = nextItemQueryBatch(w, [0, 1], 'masked');
  // Full window: shifted left by one, [MASK] last.
  assert.deepEqual(Array.from(masked.items), [4, 3, MASK_TOKEN, 5, MASK_TOKEN, 0]);
  assert.deepEqual(Array.from(masked.targetRows), [2, 4]);
  assert.deepEqual(Array.from(masked.lengths), [3, 2]);
  const causal = nextItemQueryBatch(w, [0, 1], 'causal');
  assert.deepEqual(Array.from(causal.targetRows), [2, 3]);
});

test('negativeSampler(counts, popularity) draws in proportion to counts and reports log(S q) (seed 3)', () => {
  const counts = Float64Array.from([0, 0, 0, 1, 3]);
  const s = negativeSampler(counts, 'popularity');
  const draws = s.sample(20000, randomSource(3));
  const share = draws.filter((t) => t === 4).length / draws.length;
  assert.ok(Math.abs(share - 0.75) < 0.015, `share ${share}`);
  assert.ok(Math.abs(s.logExpectedCount(4, 8) - Math.log(8 * 0.75)) < 1e-12);
  const u = negativeSampler(counts, 'uniform');
  assert.ok(Math.abs(u.logExpectedCount(3, 10) - Math.log(5)) < 1e-12);
  assert.throws(() => negativeSampler(Float64Array.from([0, 0, 0]), 'uniform'), /no items/);
});
