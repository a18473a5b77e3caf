import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalCdf } from '../../src/evaluate/normal-cdf.js';
import { holm, pairedBootstrapP } from '../../src/evaluate/paired-test.js';

test('holm(p) matches the hand-computed step-down adjustment', () => {
  // sorted 0.01, 0.03, 0.04 -> 0.03, 0.06, max(0.06, 0.04) = 0.06
  const got = holm([0.01, 0.04, 0.03]);
  [0.03, 0.06, 0.06].forEach((v, i) => {
    assert.ok(Math.abs(got[i] - v) < 1e-15);
  });
  assert.deepEqual(holm([0.5, 0.9]), [1, 1]);
  const withNaN = holm([Number.NaN, 0.02]);
  assert.ok(Number.isNaN(withNaN[0]));
  assert.equal(withNaN[1], 0.02);
});

test('normalCdf matches tabulated values (Abramowitz & Stegun 26.2) to 1e-7', () => {
  assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
  assert.ok(Math.abs(normalCdf(1.959963984540054) - 0.975) < 1e-7);
  assert.ok(Math.abs(normalCdf(-1) - 0.158655253931457) < 1e-7);
  assert.ok(Math.abs(normalCdf(3) - 0.99865010196837) < 1e-7);
});

test('pairedBootstrapP is the Wald test on the replicate differences: hand case', () => {
  // differences 1, 2, 3 -> sd 1; observed difference 1.96 -> p = 0.05
  const p = pairedBootstrapP(1.959963984540054, [1, 2, 3], [0, 0, 0]);
  assert.ok(Math.abs(p - 0.05) < 1e-6);
  assert.equal(pairedBootstrapP(0, [1, 1], [1, 1]), 1);
  assert.equal(pairedBootstrapP(0.5, [1, 1], [0, 0]), 0);
  assert.throws(() => pairedBootstrapP(0, [1], [1, 2]), /pairedBootstrapP/);
});
