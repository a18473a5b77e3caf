import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holm, pairedBootstrapP } from '../../src/evaluate/paired-test.js';

test('holm(p) matches the hand-computed step-down adjustment', () => {
  // sorted 0.01, 0.03, 0.04 -> 0.03, 0.06, max(0.06, 0.04) = 0.06
  const got = holm([0.01, 0.04, 0.03]);
  [0.03, 0.06, 0.06].forEach((v, i) => assert.ok(Math.abs(got[i] - v) < 1e-15));
  assert.deepEqual(holm([0.5, 0.9]), [1, 1]);
  const withNaN = holm([Number.NaN, 0.02]);
  assert.ok(Number.isNaN(withNaN[0]));
  assert.equal(withNaN[1], 0.02);
});

test('pairedBootstrapP: a clear winner gets p = 2/(B+1); identical candidates get 1', () => {
  const a = Array.from({ length: 99 }, (_, i) => 1 + i * 0.01);
  const b = a.map((x) => x - 0.5);
  assert.equal(pairedBootstrapP(a, b), 2 / 100);
  assert.equal(pairedBootstrapP(a, a), 1);
  assert.throws(() => pairedBootstrapP([1], [1, 2]), /pairedBootstrapP/);
});
