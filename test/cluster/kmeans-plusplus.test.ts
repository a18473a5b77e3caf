import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kmeansPlusPlus } from '../../src/cluster/kmeans-plusplus.js';
import { referenceBackend } from '../../src/kernels/kernels.js';
import { matrixFromRows } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';
import { gridMatrix } from '../kernels/test-matrices.js';
import { fixtureMatrix } from './centroid-fixtures.js';

test('kmeansPlusPlus(X, k, random) is reproducible by seed and seeds differ (seeds 11, 12)', async () => {
  const X = fixtureMatrix('blobs');
  const a = await kmeansPlusPlus(X, 5, randomSource(11));
  const b = await kmeansPlusPlus(X, 5, randomSource(11));
  const c = await kmeansPlusPlus(X, 5, randomSource(12));
  assert.deepEqual(a.indices, b.indices);
  assert.notDeepEqual(a.indices, c.indices);
  assert.equal(new Set(a.indices).size, 5);
  for (let r = 0; r < 5; r++)
    assert.deepEqual(
      a.centers.data.subarray(r * 4, r * 4 + 4),
      X.data.subarray(a.indices[r] * 4, a.indices[r] * 4 + 4),
    );
});

test('kmeansPlusPlus picks one point per well-separated group (hand-checkable, seeds 0-19)', async () => {
  // Groups at 0, 100 and 200: once a group holds a center its D^2 mass is < 1e-4 of the rest.
  const X = matrixFromRows([[0], [0.01], [100], [100.01], [200], [200.01]]);
  for (let seed = 0; seed < 20; seed++) {
    const { indices } = await kmeansPlusPlus(X, 3, randomSource(seed));
    assert.deepEqual([...new Set([...indices].map((i) => i >> 1))].sort(), [0, 1, 2], `seed ${seed}`);
  }
});

test('kmeansPlusPlus never picks a zero-weight row, and all-identical rows give index 0 repeated', async () => {
  const X = matrixFromRows([[0], [1], [5], [9]]);
  for (let seed = 0; seed < 10; seed++) {
    const { indices } = await kmeansPlusPlus(X, 2, randomSource(seed), {
      sampleWeight: new Float64Array([0, 0, 1, 1]),
    });
    assert.deepEqual([...indices].sort(), [2, 3]);
  }
  // scikit-learn: with zero potential, searchsorted(cumsum(0...), 0) = 0, so later centers are row 0.
  const same = matrixFromRows([[3], [3], [3]]);
  const { indices } = await kmeansPlusPlus(same, 3, randomSource(1));
  assert.deepEqual([...indices.subarray(1)], [0, 0]);
});

test('kmeansPlusPlus throws RangeError when k is outside [1, rows]', async () => {
  await assert.rejects(
    kmeansPlusPlus(matrixFromRows([[1]]), 2, randomSource(0)),
    /k \(2\) must be an integer in \[1, 1\]/,
  );
});

test('kmeansPlusPlus picks the same rows on the onnx backend (WASM trials) as on the reference, on a small-integer grid (seeds 0-4)', async () => {
  const X = gridMatrix(2000, 8, 31, 6);
  const reference = await referenceBackend.centerAssigner(X, new Float64Array(2000).fill(1));
  for (let seed = 0; seed < 5; seed++) {
    const fast = await kmeansPlusPlus(X, 9, randomSource(seed));
    const slow = await kmeansPlusPlus(X, 9, randomSource(seed), { assigner: reference });
    assert.deepEqual(fast.indices, slow.indices, `seed ${seed}`);
  }
});
