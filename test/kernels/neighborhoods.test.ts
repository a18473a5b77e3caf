import assert from 'node:assert/strict';
import { test } from 'node:test';
import { radiusNeighborsReference } from '../../src/kernels/neighborhoods.js';
import { matrixFromRows } from '../../src/util/matrix.js';

test('radiusNeighborsReference(line, 1) includes each point and neighbors at exactly eps', () => {
  const { offsets, indices, distances } = radiusNeighborsReference(
    matrixFromRows([[0], [1], [3]]),
    1,
    'euclidean',
  );
  assert.deepEqual(Array.from(offsets), [0, 2, 4, 5]);
  assert.deepEqual(Array.from(indices), [0, 1, 0, 1, 2]);
  assert.deepEqual(Array.from(distances), [0, 1, 1, 0, 0]);
});

test('radiusNeighborsReference(X, eps, cosine) uses 1 - cos and rejects bad eps', () => {
  const X = matrixFromRows([
    [1, 0],
    [2, 0],
    [0, 1],
  ]);
  const { offsets, indices } = radiusNeighborsReference(X, 0.5, 'cosine');
  assert.deepEqual(Array.from(offsets), [0, 2, 4, 5]);
  assert.deepEqual(Array.from(indices), [0, 1, 0, 1, 2]);
  assert.throws(() => radiusNeighborsReference(X, -1, 'cosine'), /eps \(-1\)/);
  assert.throws(() => radiusNeighborsReference(X, Number.NaN, 'euclidean'), /eps \(NaN\)/);
});
