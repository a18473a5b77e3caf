import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestMatchJaccard, stabilityVerdict } from '../../src/evaluate/cluster-jaccard.js';

test('bestMatchJaccard: hand case with a split cluster and noise', () => {
  // reference: A = {0,1,2,3}, B = {4,5}; rerun saw points 0..5: {0,1} -> 0, {2,3,4,5} -> 1
  const reference = Int32Array.from([0, 0, 0, 0, 1, 1]);
  const got = bestMatchJaccard(reference, 2, [0, 1, 2, 3, 4, 5], Int32Array.from([0, 0, 1, 1, 1, 1]));
  assert.deepEqual([...got], [2 / 4, 2 / 4]); // A vs {0,1}: 2/4 (and vs {2..5}: 2/6); B vs {2..5}: 2/4
  const withNoise = bestMatchJaccard(reference, 2, [0, 1, 4], Int32Array.from([0, -1, 0]));
  // A: 1 shared of sizes 2 and 2 -> 1/3; B: 1 shared of sizes 1 and 2 -> 1/2
  assert.deepEqual([...withNoise], [1 / 3, 1 / 2]);
  const missing = bestMatchJaccard(reference, 2, [0, 1], Int32Array.from([0, 0]));
  assert.equal(missing[0], 1);
  assert.ok(Number.isNaN(missing[1]));
});

test('stabilityVerdict uses clusterboot thresholds', () => {
  assert.equal(stabilityVerdict(0.5), 'dissolved');
  assert.equal(stabilityVerdict(0.6), 'unstable');
  assert.equal(stabilityVerdict(0.75), 'stable');
  assert.equal(stabilityVerdict(0.9), 'highly stable');
});
