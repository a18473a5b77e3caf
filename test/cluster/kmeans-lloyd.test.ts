import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kmeansPlusPlus } from '../../src/cluster/kmeans-plusplus.js';
import { lloydKMeans } from '../../src/cluster/kmeans-lloyd.js';
import { centerSumsReference } from '../../src/kernels/center-assigner.js';
import { kernelBackend, setKernelBackend } from '../../src/kernels/kernels.js';
import type { Matrix } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';

/** n points around k Gaussian centers (scale `spread`) in d dims, unit noise, and random weights. */
function weightedBlobs(n: number, d: number, k: number, spread: number, seed: number) {
  const random = randomSource(seed);
  const centers = Float32Array.from({ length: k * d }, () => random.normal() * spread);
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = random.int(k);
    for (let j = 0; j < d; j++) data[i * d + j] = centers[c * d + j] + random.normal();
  }
  const weight = Float64Array.from({ length: n }, () => 0.5 + random.uniform());
  return { X: { rows: n, cols: d, data } as Matrix, weight };
}

const RUN = { maxIter: 300, tol: 0, spherical: false };

test('lloydKMeans at strict convergence: centers are the weighted means of their labels (seed 3)', async () => {
  // Overlapping blobs: many rows move early on (sums from the kernel pass), few late (sums updated
  // for the moved rows), so both ways of keeping the sums feed the result.
  const { X, weight } = weightedBlobs(4000, 8, 6, 1.5, 3);
  const init = (await kmeansPlusPlus(X, 6, randomSource(3), { sampleWeight: weight })).centers;
  const run = await lloydKMeans(X, weight, init, RUN);
  assert.ok(run.nIter > 3 && run.nIter < RUN.maxIter, `nIter ${run.nIter}`);
  const { sums, weight: w } = centerSumsReference(X, weight, run.labels, 6);
  for (let c = 0; c < 6; c++) {
    for (let j = 0; j < 8; j++) {
      const mean = sums[c * 8 + j] / w[c];
      assert.ok(
        Math.abs(run.centers.data[c * 8 + j] - mean) <= 1e-6 * Math.max(1, Math.abs(mean)),
        `c${c} j${j}`,
      );
    }
  }
});

test('lloydKMeans gives the same labels, nIter and inertia on the reference and onnx kernels (seed 4)', async () => {
  const { X, weight } = weightedBlobs(3000, 5, 4, 1.2, 4);
  const init = (await kmeansPlusPlus(X, 4, randomSource(4), { sampleWeight: weight })).centers;
  const before = await kernelBackend();
  try {
    await setKernelBackend('reference');
    const ref = await lloydKMeans(X, weight, init, RUN);
    await setKernelBackend('onnx');
    const onnx = await lloydKMeans(X, weight, init, RUN);
    assert.deepEqual(onnx.labels, ref.labels);
    assert.equal(onnx.nIter, ref.nIter);
    assert.ok(Math.abs(onnx.inertia - ref.inertia) <= 1e-7 * ref.inertia);
  } finally {
    await setKernelBackend(before);
  }
});
