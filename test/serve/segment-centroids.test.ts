import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nearestRows } from '../../src/kernels/kernels.js';
import {
  assignToCentroids,
  distanceOutlierScore,
  segmentCentroids,
} from '../../src/serve/segment-centroids.js';
import { randomSource } from '../../src/util/random.js';

test('segmentCentroids: means, member counts and distance spreads (hand computation)', () => {
  // 1-D points 0, 2 in segment 0 (mean 1, distances 1, 1) and 10 in segment 1; one noise point.
  const X = { rows: 4, cols: 1, data: Float32Array.of(0, 2, 10, 50) };
  const c = segmentCentroids(X, Int32Array.of(0, 0, 1, -1), 2);
  assert.deepEqual([...c.centroids], [1, 10]);
  assert.deepEqual([...c.size], [2, 1]);
  assert.deepEqual([...c.meanDistance], [1, 0]);
  assert.deepEqual([...c.sdDistance], [0, 0]);
  assert.equal(c.source, 'segment-means');
  assert.equal(distanceOutlierScore(c, 0, 0.5), 0);
  assert.equal(distanceOutlierScore(c, 0, 3), Number.POSITIVE_INFINITY);
  assert.throws(() => segmentCentroids(X, Int32Array.of(0, 0, 2, -1), 2), /label 2 at row 2 >= k/);
});

test('assignToCentroids agrees with the nearestRows kernel on both sides of the small-input threshold (seed 9)', async () => {
  const random = randomSource(9);
  const C = { rows: 8, cols: 16, data: Float32Array.from({ length: 128 }, () => random.normal()) };
  const model = segmentCentroids(
    C,
    Int32Array.from({ length: 8 }, (_, i) => i),
    8,
  );
  for (const rows of [1, 1000]) {
    const X = { rows, cols: 16, data: Float32Array.from({ length: rows * 16 }, () => random.normal()) };
    const got = await assignToCentroids(X, model);
    const ref = await nearestRows(X, C);
    assert.deepEqual([...got.segment], [...ref.index]);
    got.distance.forEach((d, i) => {
      assert.ok(Math.abs(d * d - ref.distance[i]) < 1e-3 * Math.max(1, ref.distance[i]));
    });
  }
});
