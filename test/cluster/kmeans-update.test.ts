import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centersFromSums, centroidSums, moveRows, updateCentroids } from '../../src/cluster/kmeans-update.js';
import { matrixFromRows } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';

test('moveRows keeps centroidSums equal to a recomputation for the new labels (seed 5, 40 relabelings)', () => {
  const random = randomSource(5);
  const X = { rows: 200, cols: 3, data: new Float32Array(600).map(() => random.normal()) };
  const w = new Float64Array(200).map(() => 0.5 + random.uniform());
  let labels = new Int32Array(200).map(() => random.int(4));
  const state = centroidSums(X, w, labels, 4);
  for (let round = 0; round < 40; round++) {
    const next = labels.map((l) => (random.uniform() < 0.2 ? random.int(4) : l));
    moveRows(X, w, state, labels, next);
    labels = next;
  }
  const fresh = centroidSums(X, w, labels, 4);
  assert.deepEqual(state.count, fresh.count);
  for (let i = 0; i < fresh.sums.length; i++) assert.ok(Math.abs(state.sums[i] - fresh.sums[i]) < 1e-12);
  for (let c = 0; c < 4; c++) assert.ok(Math.abs(state.weight[c] - fresh.weight[c]) < 1e-12);
});

test('updateCentroids relocates an empty cluster to the farthest point (hand computation)', () => {
  // Rows 0, 1, 10 all labelled 0 (center 0 at 0); cluster 1 is empty. Row 2 (x = 10) is farthest:
  // it becomes cluster 1's center and leaves cluster 0, whose center becomes (0 + 1) / 2.
  const X = matrixFromRows([[0], [1], [10]]);
  const labels = new Int32Array([0, 0, 0]);
  const centers = updateCentroids(X, new Float64Array([1, 1, 1]), labels, () => [0, 1, 100], 2, false);
  assert.deepEqual([...centers.data], [0.5, 10]);
  const state = centroidSums(X, new Float64Array([1, 1, 1]), labels, 2);
  centersFromSums(X, new Float64Array([1, 1, 1]), labels, () => [0, 1, 100], state, false);
  assert.deepEqual(
    [...state.sums],
    [11, 0],
    'relocation works on a copy; the sums still describe the labels',
  );
});
