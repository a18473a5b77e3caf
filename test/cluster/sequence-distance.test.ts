import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  hammingDistance,
  lcsDistance,
  longestCommonSubsequence,
  optimalMatchingDistance,
} from '../../src/cluster/sequence-distance.js';
import { randomSource } from '../../src/util/random.js';

const codes = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

test('optimalMatchingDistance with indel 1 and substitution 1 is the Levenshtein distance: kitten -> sitting = 3', () => {
  assert.equal(optimalMatchingDistance(codes('kitten'), codes('sitting'), 1, 1), 3);
  assert.equal(optimalMatchingDistance(codes('flaw'), codes('lawn'), 1, 1), 2);
  assert.equal(optimalMatchingDistance(codes(''), codes('abc'), 1, 1), 3);
  assert.equal(optimalMatchingDistance(codes('abc'), codes('abc'), 1, 2), 0);
});

test('optimalMatchingDistance by hand: one substitution at 2 ties two indels; at 1.5 it wins; indel 0.5 makes 1', () => {
  assert.equal(optimalMatchingDistance(codes('ABC'), codes('ABD'), 1, 2), 2);
  assert.equal(optimalMatchingDistance(codes('ABC'), codes('ABD'), 1, 1.5), 1.5);
  assert.equal(optimalMatchingDistance(codes('ABC'), codes('ABD'), 0.5, 2), 1);
  // Token-dependent substitution: C<->D cheap, anything else dear.
  const sub = (a: number, b: number) => (a + b === 'C'.charCodeAt(0) + 'D'.charCodeAt(0) ? 0.25 : 5);
  assert.equal(optimalMatchingDistance(codes('ABCC'), codes('ABDD'), 1, sub), 0.5);
  assert.equal(optimalMatchingDistance(codes('AB'), codes('BA'), 1, sub), 2);
});

test('longestCommonSubsequence(ABCBDAB, BDCABA) = 4 (Cormen et al., sec. 15.4); lcsDistance = 7 + 6 - 8', () => {
  assert.equal(longestCommonSubsequence(codes('ABCBDAB'), codes('BDCABA')), 4);
  assert.equal(lcsDistance(codes('ABCBDAB'), codes('BDCABA')), 5);
  assert.equal(lcsDistance([], [1, 2]), 2);
});

test('optimalMatchingDistance(indel 1, substitution 2) equals lcsDistance on random sequences (seed 13)', () => {
  const r = randomSource(13);
  for (let t = 0; t < 200; t++) {
    const a = Array.from({ length: r.int(12) }, () => r.int(4));
    const b = Array.from({ length: r.int(12) }, () => r.int(4));
    assert.equal(optimalMatchingDistance(a, b, 1, 2), lcsDistance(a, b));
    assert.equal(optimalMatchingDistance(a, b, 1, 1.3), optimalMatchingDistance(b, a, 1, 1.3));
  }
});

test('hammingDistance counts mismatched aligned positions and unmatched tail positions', () => {
  assert.equal(hammingDistance(codes('ABCD'), codes('ABDD')), 1);
  assert.equal(hammingDistance(codes('AB'), codes('ABCD')), 2);
  assert.equal(hammingDistance(codes('AB'), codes('BACD'), 3, 0.5), 7);
  assert.equal(hammingDistance([], []), 0);
});
