import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centerInertiaReference } from '../../src/kernels/center-inertia.js';
import { matrixFromRows } from '../../src/util/matrix.js';

test('centerInertiaReference matches a hand computation, unweighted and weighted', () => {
  const X = matrixFromRows([
    [0, 0],
    [2, 0],
    [0, 4],
  ]);
  const C = matrixFromRows([
    [1, 0],
    [0, 4],
  ]);
  assert.equal(centerInertiaReference(X, undefined, C, new Int32Array([0, 0, 1])), 2);
  assert.equal(centerInertiaReference(X, new Float64Array([3, 1, 1]), C, new Int32Array([0, 0, 1])), 4);
});
