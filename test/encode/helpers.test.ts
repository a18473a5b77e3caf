import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adjustedRand } from './helpers.js';

test('adjustedRand matches scikit-learn adjusted_rand_score on a hand example', () => {
  // sklearn.metrics.adjusted_rand_score([0,0,1,1,2,2],[0,0,1,2,2,2]) = 0.4444444444444444
  assert.ok(Math.abs(adjustedRand([0, 0, 1, 1, 2, 2], [0, 0, 1, 2, 2, 2]) - 0.4444444444444444) < 1e-12);
  assert.equal(adjustedRand([0, 0, 1, 1], [5, 5, 7, 7]), 1);
});
