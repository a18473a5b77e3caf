import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clusterSumsPlan } from '../../../src/kernels/onnx/cluster-sums-plan.js';
import { runOnThreads } from '../../../src/kernels/onnx/cluster-sums-threads.js';
import { runClusterSumTiles } from '../../../src/kernels/onnx/cluster-sums-tiles.js';
import { type KernelTaskKind, kernelWorkers } from '../../../src/kernels/onnx/worker-pool.js';
import { normalMatrix, randomLabels } from '../test-matrices.js';

test('kernelWorkers: the same persistent workers come back on every call, and serve task after task', async () => {
  const [a, b] = kernelWorkers(2);
  assert.notEqual(a, b);
  assert.deepEqual(kernelWorkers(2), [a, b]);
  assert.equal(kernelWorkers(1)[0], a);
  const X = normalMatrix(300, 4, 70);
  const labels = randomLabels(300, 3, 71);
  const serial = clusterSumsPlan(X, labels, 3, 'euclidean', 64, false).plan;
  const one = new Float64Array(300 * 3);
  let next = 0;
  await runClusterSumTiles(serial, () => next++, one, 1);
  // Workers alone (mainRuns false), three times over: same bits each time.
  for (let round = 0; round < 3; round++) {
    const { plan } = clusterSumsPlan(X, labels, 3, 'euclidean', 64, true);
    const sorted = new Float64Array(new SharedArrayBuffer(300 * 3 * 8));
    await runOnThreads(plan, sorted, 3, false);
    assert.deepEqual(Array.from(sorted), Array.from(one), `round ${round}`);
  }
  assert.deepEqual(kernelWorkers(2), [a, b], 'no worker was replaced');
});

test('a kernel worker answers a failing task with its error and keeps serving', async () => {
  const [w] = kernelWorkers(1);
  await assert.rejects(w.run('noSuchTask' as KernelTaskKind, {}), /noSuchTask|not a function/);
  await assert.rejects(
    w.run('clusterSums', {
      plan: {},
      counter: new Int32Array(new SharedArrayBuffer(4)),
      state: new Int32Array(new SharedArrayBuffer(8)),
      slot: 1,
      sums: new Float64Array(1),
    }),
    Error,
  );
  assert.equal(kernelWorkers(1)[0], w, 'the same worker');
  const X = normalMatrix(200, 3, 72);
  const labels = randomLabels(200, 2, 73);
  const { plan } = clusterSumsPlan(X, labels, 2, 'cosine', 64, true);
  const sorted = new Float64Array(new SharedArrayBuffer(200 * 2 * 8));
  await runOnThreads(plan, sorted, 2, false);
  assert.ok(
    sorted.some((v) => v > 0),
    'the task after the failures ran',
  );
});

test('idle kernel workers do not keep the process alive', () => {
  // A child that runs a two-thread cluster-sums task and then has nothing left to do must exit by itself.
  const pool = fileURLToPath(new URL('../../../src/kernels/onnx/worker-pool.js', import.meta.url));
  const threads = fileURLToPath(
    new URL('../../../src/kernels/onnx/cluster-sums-threads.js', import.meta.url),
  );
  const plans = fileURLToPath(new URL('../../../src/kernels/onnx/cluster-sums-plan.js', import.meta.url));
  const script = `
    const { kernelWorkers } = await import(${JSON.stringify(pool)});
    const { runOnThreads } = await import(${JSON.stringify(threads)});
    const { clusterSumsPlan } = await import(${JSON.stringify(plans)});
    const X = { rows: 100, cols: 2, data: Float32Array.from({ length: 200 }, (_, i) => Math.sin(i)) };
    const labels = Int32Array.from({ length: 100 }, (_, i) => i % 2);
    const { plan } = clusterSumsPlan(X, labels, 2, 'euclidean', 32, true);
    const sorted = new Float64Array(new SharedArrayBuffer(100 * 2 * 8));
    await runOnThreads(plan, sorted, 2, false);
    kernelWorkers(1);
    console.log('done', sorted.some((v) => v > 0));
  `;
  // A file, not --eval: under the test runner (NODE_TEST_CONTEXT set) node refuses --input-type.
  const dir = mkdtempSync(join(tmpdir(), 'segscope-pool-'));
  try {
    const file = join(dir, 'child.mjs');
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /done true/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
