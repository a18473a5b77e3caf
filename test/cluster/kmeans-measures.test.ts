import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centerShift, kmeansTolerance } from '../../src/cluster/kmeans-measures.js';
import { matrixFromRows } from '../../src/util/matrix.js';

test('kmeansTolerance matches a hand computation', () => {
  const X = matrixFromRows([
    [0, 0],
    [2, 0],
    [0, 4],
  ]);
  // Column variances (population): 8/9 and 32/9; mean 20/9; times tol 0.1.
  assert.ok(Math.abs(kmeansTolerance(X, 0.1) - 2 / 9) < 1e-15);
  assert.equal(kmeansTolerance(X, 0), 0);
});

test('centerShift is the total squared movement of the centers (hand computation)', () => {
  assert.equal(
    centerShift(
      matrixFromRows([
        [0, 0],
        [1, 1],
      ]),
      matrixFromRows([
        [3, 4],
        [1, 2],
      ]),
    ),
    25 + 1,
  );
});
