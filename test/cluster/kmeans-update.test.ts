import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centersFromSums, updateCentroids } from '../../src/cluster/kmeans-update.js';
import { centerSumsReference } from '../../src/kernels/center-assigner.js';
import { matrixFromRows } from '../../src/util/matrix.js';

test('updateCentroids relocates an empty cluster to the farthest point (hand computation)', () => {
  // Rows 0, 1, 10 all labelled 0 (center 0 at 0); cluster 1 is empty. Row 2 (x = 10) is farthest:
  // it becomes cluster 1's center and leaves cluster 0, whose center becomes (0 + 1) / 2.
  const X = matrixFromRows([[0], [1], [10]]);
  const labels = new Int32Array([0, 0, 0]);
  const centers = updateCentroids(X, new Float64Array([1, 1, 1]), labels, () => [0, 1, 100], 2, false);
  assert.deepEqual([...centers.data], [0.5, 10]);
  const state = centerSumsReference(X, new Float64Array([1, 1, 1]), labels, 2);
  centersFromSums(X, new Float64Array([1, 1, 1]), labels, () => [0, 1, 100], state, false);
  assert.deepEqual(
    [...state.sums],
    [11, 0],
    'relocation works on a copy; the sums still describe the labels',
  );
});
