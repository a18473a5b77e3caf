/**
 * The WASM mini-batch assigner (batch-rows.ts: `gatherRows` + `batchNearest`) against the
 * reference path (rows copied out, `nearestRowsReference`, Float64 sums in batch order), which is
 * itself checked by hand below. Tolerances: per-center counts equal (continuous data, no near-ties
 * at these seeds); sums within 1e-6 of sum |w x| (the WASM sums add float32 x - s, rounded once);
 * inertia 1e-5 relative (float32 GEMM expansion over centered values).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BatchSums, batchAssignerFrom } from '../../../src/kernels/batch-assigner.js';
import { batchAssigner } from '../../../src/kernels/kernels.js';
import { configureOnnxKernels, onnxKernelOptions } from '../../../src/kernels/onnx/options.js';
import { centeringShift } from '../../../src/kernels/onnx/shift.js';
import { nearestRowsReference } from '../../../src/kernels/reference.js';
import { WasmBatchRows } from '../../../src/kernels/wasm/batch-rows.js';
import { type Matrix, matrixFromRows } from '../../../src/util/matrix.js';
import { randomSource } from '../../../src/util/random.js';
import { assertClose, normalMatrix } from '../test-matrices.js';
import { weights } from './wasm-rows.js';

const reference = (X: Matrix) => batchAssignerFrom(X, async (B, C) => nearestRowsReference(B, C));

/** Batch rows drawn with replacement (duplicates included), from `seed`. */
function draw(n: number, m: number, seed: number): Int32Array {
  const r = randomSource(seed);
  return Int32Array.from({ length: m }, () => r.int(n));
}

/** `actual` equals `expected` up to the tolerances in the header (sums: 1e-6 of sum |w x| over the batch). */
function assertBatchSums(
  actual: BatchSums,
  expected: BatchSums,
  X: Matrix,
  rows: Int32Array,
  w: Float64Array,
  what: string,
) {
  assert.deepEqual(Array.from(actual.count), Array.from(expected.count), `${what}: counts`);
  assertClose(actual.weight, expected.weight, 1e-12, `${what}: weights`);
  const d = X.cols;
  let total = 0;
  for (let r = 0; r < rows.length; r++)
    for (let j = 0; j < d; j++) total += Math.abs(w[r] * X.data[rows[r] * d + j]);
  for (let q = 0; q < expected.sums.length; q++) {
    const err = Math.abs(actual.sums[q] - expected.sums[q]);
    assert.ok(
      err <= 1e-6 * Math.max(1, total),
      `${what}: sums[${q}] ${actual.sums[q]} vs ${expected.sums[q]}`,
    );
  }
  assert.ok(
    Math.abs(actual.inertia - expected.inertia) <= 1e-5 * Math.max(1, expected.inertia),
    `${what}: inertia ${actual.inertia} vs ${expected.inertia}`,
  );
}

test('the reference batch step by hand: labels, sums of w x, weights, counts, inertia (a repeated row counts twice)', async () => {
  const X = matrixFromRows([
    [0, 0],
    [1, 0],
    [10, 10],
    [11, 10],
  ]);
  const C = matrixFromRows([
    [0, 0],
    [10, 10],
  ]);
  const s = await reference(X).step(Int32Array.of(1, 3, 3, 0), Float64Array.of(2, 1, 0.5, 1), C);
  assert.deepEqual(Array.from(s.count), [2, 2]);
  assert.deepEqual(Array.from(s.weight), [3, 1.5]);
  assert.deepEqual(Array.from(s.sums), [2, 0, 16.5, 15]);
  // 2 * 1 + 1 * 1 + 0.5 * 1 + 1 * 0
  assert.equal(s.inertia, 3.5);
});

test('WASM batch steps match the reference: d 3, 7, 10, 13, 64; k 1, 4, 5, 8, 20; batches of 1 to 1,024 rows, duplicates, zero weights (seeds 30-49)', async () => {
  let seed = 30;
  for (const [n, d, k, m] of [
    [200, 3, 5, 33],
    [500, 13, 8, 64],
    [3000, 64, 20, 1024],
    [50, 7, 1, 9],
    [120, 10, 4, 2],
  ]) {
    const X = normalMatrix(n, d, seed++);
    const C = normalMatrix(k, d, seed++);
    const wasm = WasmBatchRows.create(X, centeringShift(X), m, k, Number.POSITIVE_INFINITY);
    assert.ok(wasm !== undefined, 'WASM SIMD is available on Node 20');
    try {
      // Two steps on one workspace: the second must not see the first's sums.
      for (let step = 0; step < 2; step++) {
        const rows = draw(n, step === 0 ? m : m - 1, seed);
        const w = weights(rows.length, seed++);
        assertBatchSums(
          await wasm.step(rows, w, C),
          await reference(X).step(rows, w, C),
          X,
          rows,
          w,
          `${n}x${d} k ${k} step ${step}`,
        );
      }
    } finally {
      wasm.release();
    }
  }
});

test('WASM batch steps far from the origin (offset 1000, seed 50) match the reference: the rows are centered first', async () => {
  const X = normalMatrix(400, 16, 50, 1000);
  const C = normalMatrix(6, 16, 51, 1000);
  const wasm = WasmBatchRows.create(X, centeringShift(X), 128, 6, Number.POSITIVE_INFINITY)!;
  try {
    const rows = draw(400, 128, 52);
    const w = new Float64Array(128).fill(1);
    const got = await wasm.step(rows, w, C);
    const want = await reference(X).step(rows, w, C);
    assert.deepEqual(Array.from(got.count), Array.from(want.count));
    assertClose(got.sums, want.sums, 1e-6, 'sums');
  } finally {
    wasm.release();
  }
});

test('batchAssigner checks its arguments and every step (rows in range, one weight per row, C of k x d, at most batch rows)', async () => {
  const X = normalMatrix(10, 3, 45);
  await assert.rejects(batchAssigner(X, 0, 2), /batch \(0\) must be a positive integer/);
  await assert.rejects(batchAssigner(X, 4, 1.5), /k \(1\.5\) must be a positive integer/);
  const a = await batchAssigner(X, 4, 2);
  const C = normalMatrix(2, 3, 46);
  const w = new Float64Array(4).fill(1);
  await assert.rejects(a.step(Int32Array.of(0, 1, 10, 2), w, C), /rows\[2\] \(10\) must be in \[0, 10\)/);
  await assert.rejects(a.step(Int32Array.of(0, -1, 1, 2), w, C), /rows\[1\] \(-1\)/);
  await assert.rejects(a.step(Int32Array.of(0, 1, 2), w, C), /3 rows \(at most 4\) with 4 weights/);
  await assert.rejects(a.step(Int32Array.of(0, 1, 2, 3, 4), new Float64Array(5), C), /5 rows \(at most 4\)/);
  await assert.rejects(
    a.step(Int32Array.of(0, 1, 2, 3), w, normalMatrix(3, 3, 47)),
    /C\.rows \(3\) != k \(2\)/,
  );
  await assert.rejects(a.step(Int32Array.of(0, 1, 2, 3), w, normalMatrix(2, 4, 47)), /cols/);
  const ok = await a.step(Int32Array.of(0, 1, 2, 3), w, C);
  assert.equal(ok.count[0] + ok.count[1], 4);
  a.release();
});

test('without a WASM workspace (maxWorkspaceBytes below X) batchAssigner copies the batches out, with the same results (seed 53)', async () => {
  const X = normalMatrix(300, 6, 53);
  const C = normalMatrix(5, 6, 54);
  assert.equal(WasmBatchRows.create(X, centeringShift(X), 64, 5, 1000), undefined);
  const rows = draw(300, 64, 55);
  const w = weights(64, 56);
  const saved = onnxKernelOptions();
  configureOnnxKernels({ maxWorkspaceBytes: 1000 });
  try {
    const a = await batchAssigner(X, 64, 5);
    assertBatchSums(await a.step(rows, w, C), await reference(X).step(rows, w, C), X, rows, w, 'copy-out');
    a.release();
    await assert.rejects(a.step(rows, w, C), /batchAssigner\.step after release/);
  } finally {
    configureOnnxKernels(saved);
  }
});
