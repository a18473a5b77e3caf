import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterDistanceSumsOnnx } from '../../../src/kernels/onnx/cluster-sums.js';
import { clusterSumsPlan } from '../../../src/kernels/onnx/cluster-sums-plan.js';
import { runOnThreads } from '../../../src/kernels/onnx/cluster-sums-threads.js';
import { runClusterSumTiles, sumsQuantum } from '../../../src/kernels/onnx/cluster-sums-tiles.js';
import { clusterDistanceSumsReference } from '../../../src/kernels/reference.js';
import { assertClose, normalMatrix, randomLabels } from '../test-matrices.js';

test('sumsQuantum(bound) is 2^(ceil(log2 bound) - 52), and the smallest subnormal for bound 0', () => {
  assert.equal(sumsQuantum(1), 2 ** -52);
  assert.equal(sumsQuantum(3), 2 ** -50);
  assert.equal(sumsQuantum(4), 2 ** -50);
  assert.equal(sumsQuantum(1e6), 2 ** (20 - 52));
  assert.equal(sumsQuantum(0), 2 ** -1074);
});

test('clusterDistanceSumsOnnx on 1, 2 and 3 threads gives the same bits, and matches the reference (seed 60, noise)', async () => {
  // 1,300 points in 4 clusters and noise: 4 pure blocks of ~320 points and a noise block, 14 tiles.
  const X = normalMatrix(1300, 6, 60, 3);
  const labels = randomLabels(1300, 4, 61, 97);
  for (const metric of ['euclidean', 'cosine'] as const) {
    const one = await clusterDistanceSumsOnnx(X, labels, 4, metric, 1);
    assertClose(one, clusterDistanceSumsReference(X, labels, 4, metric), 1e-5, metric);
    for (const runners of [2, 3]) {
      const many = await clusterDistanceSumsOnnx(X, labels, 4, metric, runners);
      assert.deepEqual(Array.from(many), Array.from(one), `${metric}, ${runners} threads`);
    }
  }
});

test('runOnThreads(plan, sums, 3, mainRuns = false): two workers alone give the one-thread bits (seed 62)', async () => {
  const X = normalMatrix(700, 5, 62);
  const labels = randomLabels(700, 9, 63, 50);
  for (const metric of ['euclidean', 'cosine'] as const) {
    // Blocks of at most 64 points: over 60 tiles, pure and mixed, shared between the two workers.
    const serial = clusterSumsPlan(X, labels, 9, metric, 64, false).plan;
    const one = new Float64Array(700 * 9);
    let next = 0;
    await runClusterSumTiles(serial, () => next++, one, 1);
    const { plan, order } = clusterSumsPlan(X, labels, 9, metric, 64, true);
    assert.ok(
      plan.pairs.length / 2 > 60 && plan.blocks.some((b) => b.kind === 'mixed'),
      'many tiles, some mixed',
    );
    const sorted = new Float64Array(new SharedArrayBuffer(700 * 9 * 8));
    await runOnThreads(plan, sorted, 3, false);
    assert.deepEqual(Array.from(sorted), Array.from(one), metric);
    const sums = new Float64Array(700 * 9);
    for (let p = 0; p < 700; p++) sums.set(sorted.subarray(p * 9, (p + 1) * 9), order[p] * 9);
    assertClose(sums, clusterDistanceSumsReference(X, labels, 9, metric), 1e-5, `${metric} vs reference`);
  }
});

test('clusterDistanceSumsOnnx: one-label mixed, pure and two-label mixed blocks give the same bits on 2 intra-op threads and on 2 workers (seed 64)', async () => {
  // Runs of 100 (a mixed block of one label), 1,200 (two pure blocks), 150 + 130 (a mixed block), noise.
  const sizes = [100, 1200, 150, 130];
  const labels = Int32Array.from(
    sizes.flatMap((size, c) => new Array<number>(size).fill(c)).concat([-1, -1]),
  );
  const X = normalMatrix(labels.length, 8, 64, 1);
  for (const metric of ['euclidean', 'cosine'] as const) {
    const serial = clusterSumsPlan(X, labels, 4, metric, 1024, false).plan;
    assert.deepEqual(
      serial.blocks.map((b) => `${b.kind}:${b.labelCount}`),
      ['mixed:1', 'pure:1', 'pure:1', 'mixed:2', 'noise:0'],
    );
    const one = new Float64Array(labels.length * 4);
    let next = 0;
    await runClusterSumTiles(serial, () => next++, one, 2);
    const { plan } = clusterSumsPlan(X, labels, 4, metric, 1024, true);
    const sorted = new Float64Array(new SharedArrayBuffer(labels.length * 4 * 8));
    await runOnThreads(plan, sorted, 3, false);
    assert.deepEqual(Array.from(sorted), Array.from(one), metric);
    const sums = await clusterDistanceSumsOnnx(X, labels, 4, metric, 1);
    assertClose(sums, clusterDistanceSumsReference(X, labels, 4, metric), 1e-5, `${metric} vs reference`);
  }
});
