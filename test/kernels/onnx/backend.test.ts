/**
 * The onnx backend against the plain-TS reference. Tolerance: 1e-5 relative (to max(1, |value|)) on
 * standard normal data, 1e-4 on data far from the origin; exact agreement of indices where no
 * near-ties exist (continuous data) or where ties are exact (small-integer grids).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DistanceMetric } from '../../../src/kernels/distance-metric.js';
import { onnxBackend as onnx } from '../../../src/kernels/onnx/backend.js';
import {
  configureOnnxKernels,
  DEFAULT_ONNX_KERNEL_OPTIONS,
  type OnnxKernelOptions,
} from '../../../src/kernels/onnx/options.js';
import { referenceBackend as reference } from '../../../src/kernels/reference-backend.js';
import { type Matrix, matrix } from '../../../src/util/matrix.js';
import { assertClose, gridMatrix, normalMatrix, randomLabels } from '../test-matrices.js';

const METRICS: DistanceMetric[] = ['euclidean', 'cosine'];

/** Run `body` with small tiles so that every code path crosses tile boundaries. */
async function withTiles(options: Partial<OnnxKernelOptions>, body: () => Promise<void>): Promise<void> {
  configureOnnxKernels(options);
  try {
    await body();
  } finally {
    configureOnnxKernels({
      tileElements: DEFAULT_ONNX_KERNEL_OPTIONS.tileElements,
      maxTileCols: DEFAULT_ONNX_KERNEL_OPTIONS.maxTileCols,
    });
  }
}

test('onnx squaredDistances(A, B) matches the reference on normal data (seeds 1, 2) and far from the origin', async () => {
  const A = normalMatrix(37, 5, 1);
  const B = normalMatrix(23, 5, 2);
  assertClose(await onnx.squaredDistances(A, B), await reference.squaredDistances(A, B), 1e-5, 'd2');
  // Offset 1000, spread 1: without centering float32 would lose every digit here.
  const far = normalMatrix(40, 16, 3, 1000);
  const farB = normalMatrix(30, 16, 4, 1000);
  assertClose(
    await onnx.squaredDistances(far, farB),
    await reference.squaredDistances(far, farB),
    1e-4,
    'far d2',
  );
});

test('onnx squaredDistances stays within the stated bound 4 d 2^-24 (||x - s||^2 + ||y - s||^2) for near-duplicates far out', async () => {
  // Pairs 1e-3 apart at offset 100 (seed 9): the relative error of d2 is large here, the absolute bound holds.
  const base = normalMatrix(30, 8, 9, 100);
  const near = { rows: 30, cols: 8, data: base.data.map((v, i) => v + 1e-3 * Math.sin(i)) };
  const fast = await onnx.squaredDistances(base, near);
  const ref = await reference.squaredDistances(base, near);
  const shift = new Float64Array(8);
  for (let i = 0; i < 30 * 8; i++) shift[i % 8] += near.data[i] / 30;
  const centeredNorm = (M: Matrix, i: number) => {
    let s = 0;
    for (let j = 0; j < 8; j++) s += (M.data[i * 8 + j] - shift[j]) ** 2;
    return s;
  };
  for (let i = 0; i < 30; i++) {
    for (let j = 0; j < 30; j++) {
      const bound =
        4 * 8 * 2 ** -24 * (centeredNorm(base, i) + centeredNorm(near, j)) + 1e-6 * ref[i * 30 + j];
      assert.ok(
        Math.abs(fast[i * 30 + j] - ref[i * 30 + j]) <= bound,
        `pair ${i},${j}: ${fast[i * 30 + j]} vs ${ref[i * 30 + j]}, bound ${bound}`,
      );
    }
  }
});

test('onnx distances(A, B, metric) matches the reference for euclidean and cosine (seeds 5, 6)', async () => {
  const A = normalMatrix(41, 9, 5, 0.5);
  const B = normalMatrix(17, 9, 6, 0.5);
  for (const metric of METRICS)
    assertClose(await onnx.distances(A, B, metric), await reference.distances(A, B, metric), 1e-5, metric);
});

test('onnx distances(A, B) agrees with the reference for both graph forms: one side small (narrow) or both large', async () => {
  const A = normalMatrix(60, 3, 12, 4);
  for (const B of [normalMatrix(45, 3, 13, 4), normalMatrix(5, 3, 14, 4)]) {
    for (const metric of METRICS) {
      assertClose(
        await onnx.distances(A, B, metric),
        await reference.distances(A, B, metric),
        1e-5,
        `${metric} B.rows=${B.rows}`,
      );
      assertClose(
        await onnx.distances(B, A, metric),
        await reference.distances(B, A, metric),
        1e-5,
        `${metric} A.rows=${B.rows}`,
      );
    }
    assertClose(
      await onnx.squaredDistances(A, B),
      await reference.squaredDistances(A, B),
      1e-5,
      `d2 B.rows=${B.rows}`,
    );
  }
});

test('onnx distances(X, X) has an exactly zero diagonal (self pairs are masked)', async () => {
  const X = normalMatrix(50, 7, 7, 3);
  for (const metric of METRICS) {
    const D = await onnx.distances(X, X, metric);
    for (let i = 0; i < X.rows; i++) assert.equal(D[i * X.rows + i], 0, `${metric} D[${i},${i}]`);
  }
  const D2 = await onnx.squaredDistances(X, X);
  for (let i = 0; i < X.rows; i++) assert.equal(D2[i * X.rows + i], 0);
});

test('onnx distanceBlocks(A, B, blockRows) streams blocks of at most blockRows rows in one reused buffer', async () => {
  const A = normalMatrix(23, 4, 8);
  const B = normalMatrix(11, 4, 9);
  for (const metric of METRICS) {
    const full = await reference.distances(A, B, metric);
    const seen: number[] = [];
    const buffers = new Set<ArrayBufferLike>();
    const got = new Float32Array(full.length);
    await onnx.distanceBlocks(A, B, metric, 5, (block, r0, rows) => {
      assert.ok(rows <= 5 && block.length === rows * B.rows, 'block is rows x B.rows, rows <= blockRows');
      assert.ok(
        block.buffer.byteLength <= 5 * B.rows * 4,
        'the buffer never exceeds blockRows x B.rows floats',
      );
      buffers.add(block.buffer);
      seen.push(r0);
      got.set(block, r0 * B.rows);
    });
    assert.deepEqual(seen, [0, 5, 10, 15, 20]);
    assert.equal(buffers.size, 1);
    assertClose(got, full, 1e-5, metric);
  }
});

test('onnx nearestRows(X, C) matches the reference across column tiles and block boundaries +-1', async () => {
  await withTiles({ tileElements: 64, maxTileCols: 8 }, async () => {
    for (const [n, k] of [
      [1, 1],
      [7, 8],
      [8, 8],
      [9, 9],
      [63, 7],
      [65, 17],
    ]) {
      const X = normalMatrix(n, 6, 10 + n, 2);
      const C = normalMatrix(k, 6, 20 + k, 2);
      const fast = await onnx.nearestRows(X, C);
      const ref = await reference.nearestRows(X, C);
      assert.deepEqual(Array.from(fast.index), Array.from(ref.index), `index n=${n} k=${k}`);
      assertClose(fast.distance, ref.distance, 1e-5, `distance n=${n} k=${k}`);
    }
  });
});

test('onnx nearestRows(X, C) on a small-integer grid breaks exact ties by the lower index (seed 11)', async () => {
  await withTiles({ tileElements: 64, maxTileCols: 4 }, async () => {
    const X = gridMatrix(60, 2, 11);
    const C = gridMatrix(10, 2, 12);
    const fast = await onnx.nearestRows(X, C);
    const ref = await reference.nearestRows(X, C);
    assert.deepEqual(Array.from(fast.index), Array.from(ref.index));
    assert.deepEqual(Array.from(fast.distance), Array.from(ref.distance));
  });
});

test('onnx clusterDistanceSums(X, labels, k) matches the reference with noise, d=1, k=1 and odd tiles', async () => {
  for (const metric of METRICS) {
    for (const tiles of [DEFAULT_ONNX_KERNEL_OPTIONS, { tileElements: 49, maxTileCols: 64 }]) {
      await withTiles(tiles, async () => {
        for (const [n, d, k] of [
          [1, 3, 1],
          [13, 1, 2],
          [50, 5, 1],
          [97, 8, 4],
        ]) {
          const X = normalMatrix(n, d, 30 + n, 1);
          const labels = randomLabels(n, k, 40 + n, 5);
          const fast = await onnx.clusterDistanceSums(X, labels, k, metric);
          const ref = await reference.clusterDistanceSums(X, labels, k, metric);
          assertClose(fast, ref, 1e-5, `${metric} n=${n} d=${d} k=${k} tile=${tiles.tileElements}`);
        }
      });
    }
  }
});

test('onnx clusterDistanceSums on unbalanced clusters (60, 3, 2, 1) with noise uses pure, mixed and noise blocks', async () => {
  const labels = Int32Array.from({ length: 75 }, (_, i) =>
    i < 60 ? 0 : i < 63 ? 1 : i < 65 ? 2 : i < 66 ? 3 : -1,
  );
  const X = normalMatrix(75, 6, 45, 2);
  await withTiles({ tileElements: 256, maxTileCols: 64 }, async () => {
    for (const metric of METRICS) {
      assertClose(
        await onnx.clusterDistanceSums(X, labels, 4, metric),
        await reference.clusterDistanceSums(X, labels, 4, metric),
        1e-5,
        metric,
      );
    }
  });
  const allNoise = new Int32Array(10).fill(-1);
  assert.deepEqual(
    Array.from(await onnx.clusterDistanceSums(normalMatrix(10, 2, 46), allNoise, 2, 'euclidean')),
    new Array(20).fill(0),
  );
});

test('onnx clusterDistanceSums with many tiny clusters and an empty label matches the reference (seed 47)', async () => {
  const labels = randomLabels(90, 40, 47).map((c) => (c === 7 ? 8 : c));
  const X = normalMatrix(90, 5, 48);
  await withTiles({ tileElements: 256, maxTileCols: 64 }, async () => {
    for (const metric of METRICS) {
      const fast = await onnx.clusterDistanceSums(X, labels, 40, metric);
      assertClose(fast, await reference.clusterDistanceSums(X, labels, 40, metric), 1e-5, metric);
      for (let i = 0; i < 90; i++) assert.equal(fast[i * 40 + 7], 0, 'the empty cluster 7 sums to 0');
    }
  });
});

test('onnx kNearest(X, k) matches the reference, self excluded, for k = 1 and k = n - 1 (seed 50)', async () => {
  await withTiles({ tileElements: 60, maxTileCols: 6 }, async () => {
    const X = normalMatrix(29, 4, 50);
    for (const metric of METRICS) {
      for (const k of [1, 3, 7, 28]) {
        const fast = await onnx.kNearest(X, k, metric);
        const ref = await reference.kNearest(X, k, metric);
        assert.deepEqual(Array.from(fast.indices), Array.from(ref.indices), `${metric} k=${k}`);
        assert.deepEqual(Array.from(fast.distances), Array.from(ref.distances), `${metric} k=${k}`);
      }
    }
  });
});

test('onnx kNearest(X, k, metric, Q) matches the reference for separate queries (seeds 51, 52)', async () => {
  const X = normalMatrix(40, 3, 51);
  const Q = normalMatrix(9, 3, 52);
  for (const metric of METRICS) {
    const fast = await onnx.kNearest(X, 5, metric, Q);
    const ref = await reference.kNearest(X, 5, metric, Q);
    assert.deepEqual(Array.from(fast.indices), Array.from(ref.indices));
    assert.deepEqual(Array.from(fast.distances), Array.from(ref.distances), metric);
  }
});

test('onnx kNearest on a small-integer grid returns the same tie order as the reference (seed 53)', async () => {
  await withTiles({ tileElements: 80, maxTileCols: 8 }, async () => {
    const X = gridMatrix(45, 2, 53, 3);
    for (const k of [1, 4, 10]) {
      const fast = await onnx.kNearest(X, k, 'euclidean');
      const ref = await reference.kNearest(X, k, 'euclidean');
      assert.deepEqual(Array.from(fast.indices), Array.from(ref.indices), `k=${k}`);
      assert.deepEqual(Array.from(fast.distances), Array.from(ref.distances), `k=${k}`);
    }
  });
});

test('onnx kNearest on exact duplicates of continuous points keeps the reference tie order (seed 54)', async () => {
  // 12 distinct points, each repeated 4 times: distances 0 inside a group are ties broken by index.
  const base = normalMatrix(12, 5, 54, 20);
  const X = { rows: 48, cols: 5, data: new Float32Array(48 * 5) };
  for (let i = 0; i < 48; i++) X.data.set(base.data.subarray((i % 12) * 5, ((i % 12) + 1) * 5), i * 5);
  await withTiles({ tileElements: 120, maxTileCols: 10 }, async () => {
    for (const metric of METRICS) {
      const fast = await onnx.kNearest(X, 5, metric);
      const ref = await reference.kNearest(X, 5, metric);
      assert.deepEqual(Array.from(fast.indices), Array.from(ref.indices), metric);
      assert.deepEqual(Array.from(fast.distances), Array.from(ref.distances), metric);
    }
  });
});

test('onnx radiusNeighbors(X, eps) equals the reference exactly, including pairs at exactly eps', async () => {
  // eps set to a pair's own reference distance, far from the origin (seeds 64, 65): float32 GEMM
  // values alone would put it on either side; the exact re-scoring keeps it.
  const far = normalMatrix(40, 6, 64, 50);
  const farEps = (await reference.distances(far, far, 'euclidean'))[3 * 40 + 17];
  const unit = normalMatrix(40, 6, 65, 1);
  const unitEps = (await reference.distances(unit, unit, 'cosine'))[5 * 40 + 22];
  await withTiles({ tileElements: 100, maxTileCols: 10 }, async () => {
    const cases: [Matrix, number, DistanceMetric][] = [
      [gridMatrix(37, 2, 60), 1, 'euclidean'],
      [normalMatrix(41, 3, 61), 0.9, 'euclidean'],
      [normalMatrix(41, 3, 62), 0.2, 'cosine'],
      [normalMatrix(1, 3, 63), 0, 'euclidean'],
      [far, farEps, 'euclidean'],
      [unit, unitEps, 'cosine'],
    ];
    for (const [X, eps, metric] of cases) {
      const fast = await onnx.radiusNeighbors(X, eps, metric);
      const ref = await reference.radiusNeighbors(X, eps, metric);
      assert.deepEqual(Array.from(fast.offsets), Array.from(ref.offsets), `${metric} eps=${eps} offsets`);
      assert.deepEqual(Array.from(fast.indices), Array.from(ref.indices), `${metric} eps=${eps} indices`);
      assert.deepEqual(
        Array.from(fast.distances),
        Array.from(ref.distances),
        `${metric} eps=${eps} distances`,
      );
    }
  });
});

test('onnx kernels on empty inputs return what the reference returns', async () => {
  const none = matrix(0, 3);
  const some = normalMatrix(4, 3, 70);
  assert.equal((await onnx.squaredDistances(none, some)).length, 0);
  assert.equal((await onnx.distances(some, none, 'cosine')).length, 0);
  const nearest = await onnx.nearestRows(some, none);
  assert.deepEqual(Array.from(nearest.index), [0, 0, 0, 0]);
  assert.ok(Array.from(nearest.distance).every(Number.isNaN));
  assert.equal((await onnx.clusterDistanceSums(none, new Int32Array(0), 3, 'euclidean')).length, 0);
  assert.equal((await onnx.kNearest(some, 2, 'euclidean', matrix(0, 3))).indices.length, 0);
  assert.deepEqual(Array.from((await onnx.radiusNeighbors(none, 1, 'euclidean')).offsets), [0]);
  assert.deepEqual(Array.from(await onnx.squaredDistances(matrix(2, 0), matrix(3, 0))), [0, 0, 0, 0, 0, 0]);
});

test('onnx cosine kernels reject a zero row like the reference does', async () => {
  const X = normalMatrix(5, 3, 71);
  X.data.fill(0, 6, 9);
  await assert.rejects(onnx.distances(X, X, 'cosine'), /row 2 is a zero vector/);
  await assert.rejects(onnx.clusterDistanceSums(X, new Int32Array(5), 1, 'cosine'), /row 2 is a zero vector/);
  await assert.rejects(onnx.kNearest(X, 2, 'cosine'), /row 2 is a zero vector/);
  await assert.rejects(onnx.radiusNeighbors(X, 0.1, 'cosine'), /row 2 is a zero vector/);
});
