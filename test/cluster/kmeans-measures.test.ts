import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centerShift, kmeansInertia, kmeansTolerance } from '../../src/cluster/kmeans-measures.js';
import { matrixFromRows } from '../../src/util/matrix.js';

test('kmeansInertia and kmeansTolerance match hand computations', () => {
  const X = matrixFromRows([
    [0, 0],
    [2, 0],
    [0, 4],
  ]);
  const C = matrixFromRows([
    [1, 0],
    [0, 4],
  ]);
  assert.equal(kmeansInertia(X, undefined, C, new Int32Array([0, 0, 1])), 2);
  assert.equal(kmeansInertia(X, new Float64Array([3, 1, 1]), C, new Int32Array([0, 0, 1])), 4);
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
