import assert from 'node:assert/strict';
import { test } from 'node:test';
import { negativeSamplingTable, sgnsVocabulary } from '../../src/encode/sgns-vocabulary.js';
import { handSequences } from './helpers.js';

// Counts: a 6, b 3, c 1 (d below minCount 2 is dropped).
const seqs = handSequences({
  u: ['a', 'b', 'a', 'c', 'a', 'b', 'd'].map((item) => ({ item, b: 'pv' as const })),
  v: ['a', 'a', 'b', 'a'].map((item) => ({ item, b: 'pv' as const })),
});

test('sgnsVocabulary sorts by count, drops below minCount, keeps with gensim probability (hand computation)', () => {
  const v = sgnsVocabulary(seqs, 1, 0.1);
  assert.deepEqual(v.ids, ['a', 'b', 'c', 'd']);
  const two = sgnsVocabulary(seqs, 2, 0.1);
  assert.deepEqual(two.ids, ['a', 'b']);
  assert.equal(two.totalWords, 9);
  // gensim: threshold = sample * total = 0.9; keep(a) = (sqrt(6/0.9) + 1) * 0.9/6
  const keepA = (Math.sqrt(6 / 0.9) + 1) * (0.9 / 6);
  assert.equal(two.keep[0], Math.round(keepA * 2 ** 32));
  assert.equal(two.keep[1], Math.round((Math.sqrt(3 / 0.9) + 1) * (0.9 / 3) * 2 ** 32));
  assert.equal(sgnsVocabulary(seqs, 2, 0).keep[0], 0xffffffff);
  // cum table: 6^0.75 / (6^0.75 + 3^0.75) of 2^31-1, then 2^31-1.
  assert.equal(two.cumTable[0], Math.round((6 ** 0.75 / (6 ** 0.75 + 3 ** 0.75)) * (2 ** 31 - 1)));
  assert.equal(two.cumTable[1], 2 ** 31 - 1);
});

test('negativeSamplingTable slots follow count^0.75 shares to within 2^-bits', () => {
  const v = sgnsVocabulary(seqs, 1, 0);
  const { table, bits } = negativeSamplingTable(v.cumTable);
  assert.equal(bits, 20);
  const counts = [6, 3, 1, 1].map((c) => c ** 0.75);
  const total = counts.reduce((a, b) => a + b, 0);
  const slots = new Array(4).fill(0);
  for (const t of table) slots[t]++;
  slots.forEach((s, i) => {
    assert.ok(Math.abs(s / table.length - counts[i] / total) <= 2 / table.length, `item ${i}`);
  });
  assert.throws(() => sgnsVocabulary(seqs, 0, 0), /minCount/);
});
