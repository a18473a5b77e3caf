import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adjustedRand } from './adjusted-rand.js';

// Values from scikit-learn 1.2.1 adjusted_rand_score (printed by /usr/bin/python3, see the commit).
test('adjustedRand(a, b) matches scikit-learn adjusted_rand_score on small labelings', () => {
  assert.equal(adjustedRand([0, 0, 1, 1], [1, 1, 0, 0]), 1);
  assert.ok(Math.abs(adjustedRand([0, 0, 1, 2], [0, 0, 1, 1]) - 0.5714285714285714) < 1e-12);
  assert.ok(Math.abs(adjustedRand([0, 0, 1, 1], [0, 1, 0, 1]) - -0.5) < 1e-12);
  assert.equal(adjustedRand([0, 0, 0, 0], [0, 1, 2, 3]), 0);
  assert.ok(
    Math.abs(adjustedRand([0, 0, 0, 1, 1, 1, 2, 2], [0, 0, 1, 1, 2, 2, 2, 0]) - 0.047619047619047616) < 1e-12,
  );
});
