import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onlineCentroidUpdate } from '../../src/serve/online-update.js';
import type { SegmentCentroids } from '../../src/serve/segment-centroids.js';

const model = (): SegmentCentroids => ({
  k: 2,
  cols: 1,
  centroids: Float64Array.of(0, 10),
  size: Float64Array.of(1, 1000),
  meanDistance: new Float64Array(2),
  sdDistance: new Float64Array(2),
  source: 'fitted',
});

test('onlineCentroidUpdate steps by min(maxRate, 1/(count+1)), floored at minRate (hand computation)', () => {
  const m = model();
  onlineCentroidUpdate(m, { rows: 2, cols: 1, data: Float32Array.of(4, 20) }, Int32Array.of(0, 1), {
    maxRate: 0.1,
    minRate: 0.01,
  });
  // segment 0: count 1 -> eta = min(0.1, 1/2) = 0.1 -> 0 + 0.1 * 4 = 0.4; segment 1: 1/1001 < 0.01 -> 10 + 0.01 * 10 = 10.1
  assert.ok(Math.abs(m.centroids[0] - 0.4) < 1e-12);
  assert.ok(Math.abs(m.centroids[1] - 10.1) < 1e-12);
  assert.deepEqual([...m.size], [2, 1001]);
});

test('onlineCentroidUpdate skips noise rows and rejects bad rates', () => {
  const m = model();
  onlineCentroidUpdate(m, { rows: 1, cols: 1, data: Float32Array.of(5) }, Int32Array.of(-1));
  assert.deepEqual([...m.centroids], [0, 10]);
  assert.throws(
    () =>
      onlineCentroidUpdate(m, { rows: 0, cols: 1, data: new Float32Array(0) }, new Int32Array(0), {
        maxRate: 2,
      }),
    /maxRate/,
  );
});
