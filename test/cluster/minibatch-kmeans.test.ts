import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KMeans } from '../../src/cluster/kmeans.js';
import { MiniBatchKMeans } from '../../src/cluster/minibatch-kmeans.js';
import { convergenceMonitor } from '../../src/cluster/minibatch-kmeans-convergence.js';
import { labelsAndInertia, miniBatchStep } from '../../src/cluster/minibatch-kmeans-step.js';
import { kernelBackend, setKernelBackend } from '../../src/kernels/kernels.js';
import { WasmBatchRows } from '../../src/kernels/wasm/batch-rows.js';
import { matrixFromRows, selectRows } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';
import { fixtureMatrix, fixtures, median } from './centroid-fixtures.js';

const blobs = fixtureMatrix('blobs');

test("MiniBatchKMeans inertia (nInit 3, seeds 0-9) <= scikit-learn's MiniBatchKMeans x 1.001 on blobs", async () => {
  const ours: number[] = [];
  for (let seed = 0; seed < 10; seed++)
    ours.push((await new MiniBatchKMeans({ k: 5, nInit: 3, seed }).fit(blobs)).inertia);
  const reference = fixtures.blobs.minibatch_n_init_3;
  assert.ok(median(ours) <= median(reference) * 1.001, `${median(ours)} vs ${median(reference)}`);
});

test('MiniBatchKMeans is reproducible from its seed (seed 5); predict(X) = labels; inertia = sum of squared distances', async () => {
  const a = await new MiniBatchKMeans({ k: 5, seed: 5, batchSize: 64 }).fit(blobs);
  const b = await new MiniBatchKMeans({ k: 5, seed: 5, batchSize: 64 }).fit(blobs);
  assert.deepEqual(a.centroids.data, b.centroids.data);
  assert.equal(a.nSteps, b.nSteps);
  assert.deepEqual(await a.predict(blobs), a.labels);
  const exact = await labelsAndInertia(blobs, undefined, a.centroids, 7);
  assert.deepEqual(exact.labels, a.labels);
  assert.ok(Math.abs(exact.inertia - a.inertia) <= 1e-9 * a.inertia);
});

test('MiniBatchKMeans.fit gives the same model on the onnx backend (steps in WASM) as on the reference backend (seeds 0-3)', async () => {
  const before = await kernelBackend();
  const step = WasmBatchRows.prototype.step;
  let wasmSteps = 0;
  WasmBatchRows.prototype.step = function (...args) {
    wasmSteps++;
    return step.apply(this, args);
  };
  try {
    for (let seed = 0; seed < 4; seed++) {
      await setKernelBackend('reference');
      const ref = await new MiniBatchKMeans({ k: 5, seed, batchSize: 64 }).fit(blobs);
      assert.equal(wasmSteps, 0);
      await setKernelBackend('onnx');
      const fast = await new MiniBatchKMeans({ k: 5, seed, batchSize: 64 }).fit(blobs);
      assert.equal(wasmSteps, fast.nSteps, `seed ${seed}: every step ran in WASM`);
      wasmSteps = 0;
      assert.equal(fast.nSteps, ref.nSteps, `seed ${seed}`);
      assert.deepEqual(Array.from(fast.labels), Array.from(ref.labels), `seed ${seed}`);
      assert.ok(Math.abs(fast.inertia - ref.inertia) <= 1e-5 * ref.inertia, `seed ${seed}`);
    }
  } finally {
    WasmBatchRows.prototype.step = step;
    await setKernelBackend(before);
  }
});

test('MiniBatchKMeans.partialFit over chunks of 50 rows (5 passes, seed 2) gets within 2% of the k-means optimum', async () => {
  const mb = new MiniBatchKMeans({ k: 5, seed: 2 });
  for (let pass = 0; pass < 5; pass++) {
    for (let start = 0; start < blobs.rows; start += 50) {
      await mb.partialFit(
        selectRows(
          blobs,
          [...Array(50).keys()].map((i) => start + i),
        ),
      );
      assert.equal(mb.labels.length, 50);
    }
  }
  assert.equal(mb.nSteps, 30);
  const full = await labelsAndInertia(blobs, undefined, mb.centroids);
  const optimum = (await new KMeans({ k: 5, nInit: 10 }).fit(blobs)).inertia;
  assert.ok(full.inertia <= optimum * 1.02, `${full.inertia} vs ${optimum}`);
  await assert.rejects(mb.partialFit(matrixFromRows([[1, 2]])), /X.cols \(2\) != fitted cols \(4\)/);
});

test('MiniBatchKMeans({ init: matrix }) starts from the given centers and leaves the matrix unchanged', async () => {
  const init = selectRows(blobs, fixtures.blobs.init_rows);
  const before = Float32Array.from(init.data);
  const mb = await new MiniBatchKMeans({ k: 5, init, seed: 4, batchSize: 50 }).fit(blobs);
  assert.deepEqual(init.data, before);
  assert.notDeepEqual(mb.centroids.data, before);
  assert.ok(mb.inertia <= fixtures.blobs.given_init.inertia * 1.02);
});

test('MiniBatchKMeans with every sample weight 2 gives the unweighted labels and twice the inertia (seed 6)', async () => {
  const plain = await new MiniBatchKMeans({ k: 5, seed: 6, batchSize: 64 }).fit(blobs);
  const doubled = await new MiniBatchKMeans({ k: 5, seed: 6, batchSize: 64 }).fit(
    blobs,
    new Float64Array(blobs.rows).fill(2),
  );
  assert.deepEqual([...doubled.labels], [...plain.labels]);
  assert.ok(
    Math.abs(doubled.inertia - 2 * plain.inertia) <= 1e-6 * plain.inertia,
    `${doubled.inertia} vs ${2 * plain.inertia}`,
  );
});

test('miniBatchStep moves centers to running weighted means (hand computation)', async () => {
  const state = { centers: matrixFromRows([[0], [10]]), counts: new Float64Array([1, 1]) };
  const batch = matrixFromRows([[2], [4], [12]]);
  const inertia = await miniBatchStep(batch, new Float64Array([1, 1, 1]), state, {
    reassign: true,
    reassignmentRatio: 0.01,
    spherical: false,
    random: randomSource(0),
  });
  assert.equal(inertia, 4 + 16 + 4);
  assert.deepEqual([...state.centers.data], [2, 11]);
  assert.deepEqual([...state.counts], [3, 2]);
});

test('miniBatchStep reassigns a starved center to a batch row with the smallest other count', async () => {
  const state = { centers: matrixFromRows([[0], [100]]), counts: new Float64Array([1000, 1]) };
  await miniBatchStep(matrixFromRows([[1], [2]]), new Float64Array([1, 1]), state, {
    reassign: true,
    reassignmentRatio: 0.01,
    spherical: false,
    random: randomSource(3),
  });
  assert.deepEqual([...state.counts], [1002, 1002]);
  assert.ok(state.centers.data[1] === 1 || state.centers.data[1] === 2);
});

test('convergenceMonitor stops after maxNoImprovement steps without a new smoothed minimum, and on tol', () => {
  const m = convergenceMonitor({ batchSize: 10, n: 100, tol: 0, maxNoImprovement: 3 });
  assert.deepEqual(
    [1, 2, 3, 4, 5].map((s) => m.converged(s, 50, 0)),
    [false, false, false, false, true],
  );
  const t = convergenceMonitor({ batchSize: 10, n: 100, tol: 0.5, maxNoImprovement: 0 });
  assert.deepEqual(
    [t.converged(1, 5, 0.1), t.converged(2, 5, 0.6), t.converged(3, 5, 0.4)],
    [false, false, true],
  );
});

test('MiniBatchKMeans degenerate inputs: k > n, NaN naming row/col, all rows identical (every label 0)', async () => {
  await assert.rejects(new MiniBatchKMeans({ k: 3 }).fit(matrixFromRows([[1], [2]])), /k \(3\) > rows \(2\)/);
  await assert.rejects(
    new MiniBatchKMeans({ k: 1 }).fit(matrixFromRows([[1], [Number.NaN]])),
    /X\[1, 0\] is NaN/,
  );
  await assert.rejects(
    new MiniBatchKMeans({ k: 1, metric: 'cosine' }).fit(matrixFromRows([[1], [0]])),
    /row 1 is a zero vector/,
  );
  const same = await new MiniBatchKMeans({ k: 2, seed: 1 }).fit(
    matrixFromRows(Array.from({ length: 8 }, () => [4, 4])),
  );
  assert.deepEqual([...same.labels], [0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(same.inertia, 0);
  assert.throws(() => new MiniBatchKMeans({ batchSize: 0 }), /batchSize \(0\)/);
});
