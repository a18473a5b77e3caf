import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kendallTau } from '../../src/evaluate/kendall-tau.js';
import { fixture } from './helpers.js';

test('kendallTau matches scipy.stats.kendalltau (tau-b) with ties in both variables', () => {
  const ref = fixture<{ kendall: { x: number[]; y: number[]; tau: number } }>(
    'evaluate/reference.json',
  ).kendall;
  assert.ok(Math.abs(kendallTau(ref.x, ref.y) - ref.tau) < 1e-12);
});

test('kendallTau hand cases: identical 1, reversed -1, one swap of three 1/3, constant NaN', () => {
  assert.equal(kendallTau([1, 2, 3, 4], [10, 20, 30, 40]), 1);
  assert.equal(kendallTau([1, 2, 3], [3, 2, 1]), -1);
  assert.ok(Math.abs(kendallTau([1, 2, 3], [1, 3, 2]) - 1 / 3) < 1e-15);
  assert.ok(Number.isNaN(kendallTau([1, 1, 1], [1, 2, 3])));
  assert.equal(kendallTau([1, Number.NaN, 3], [1, 0, 2]), 1);
});
