import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pruneVocabulary, sequenceTokenCounts } from '../../src/encode/sequence-tokens.js';
import { sparseToDense } from '../../src/encode/sparse-matrix.js';
import { handSequences } from './helpers.js';

const seqs = handSequences({
  u: [
    { item: 'a', cat: '1', b: 'pv' },
    { item: 'a', cat: '1', b: 'buy' },
    { item: '', b: 'search', query: 'red shoes' },
    { item: 'b', cat: '2', b: 'pv' },
  ],
});

function tokens(options: Parameters<typeof sequenceTokenCounts>[1]): Record<string, number> {
  const vocab = new Map<string, number>();
  const { counts } = sequenceTokenCounts(seqs, options, vocab, true);
  const dense = sparseToDense(counts);
  return Object.fromEntries([...vocab.entries()].map(([t, j]) => [t, dense[j]]));
}

test('sequenceTokenCounts spells unigram tokens as documented (hand-listed)', () => {
  assert.deepEqual(
    tokens({
      tokens: ['item', 'category', 'behavior', 'behavior-item', 'behavior-category', 'query'],
      ngramMax: 0,
      ngramUnit: 'behavior',
    }),
    {
      itema: 2,
      cat1: 2,
      pv: 2,
      'pv:itema': 1,
      'pv:cat1': 1,
      buy: 1,
      'buy:itema': 1,
      'buy:cat1': 1,
      item: 1,
      search: 1,
      'search:item': 1,
      'q:red shoes': 1,
      itemb: 1,
      cat2: 1,
      'pv:itemb': 1,
      'pv:cat2': 1,
    },
  );
});

test('sequenceTokenCounts n-grams: behavior 3-grams, and category 2-grams skip events without a category', () => {
  assert.deepEqual(tokens({ tokens: [], ngramMax: 3, ngramUnit: 'behavior' }), {
    'pv>buy': 1,
    'buy>search': 1,
    'pv>buy>search': 1,
    'search>pv': 1,
    'buy>search>pv': 1,
  });
  assert.deepEqual(tokens({ tokens: [], ngramMax: 2, ngramUnit: 'category' }), { 'cat1>cat1': 1 });
});

test('pruneVocabulary keeps df in [minDf, maxDf] in alphabetical order', () => {
  const two = handSequences({
    x: [
      { item: 'a', b: 'pv' },
      { item: 'b', b: 'pv' },
    ],
    y: [{ item: 'a', b: 'pv' }],
  });
  const vocab = new Map<string, number>();
  const { counts } = sequenceTokenCounts(
    two,
    { tokens: ['item'], ngramMax: 0, ngramUnit: 'item' },
    vocab,
    true,
  );
  assert.deepEqual(pruneVocabulary(counts, vocab, 2, 2).vocabulary, ['itema']);
  assert.deepEqual(pruneVocabulary(counts, vocab, 1, 1).vocabulary, ['itemb']);
});
