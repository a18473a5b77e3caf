/**
 * WasmCenterRows (the WASM SIMD sums, moved rows and inertia behind the onnx centerAssigner) against
 * the plain-TS references: exact counts, weights to 1e-12, sums within 1e-6 of the sum of |w x|
 * (the centered float32 rows shifted back), inertia to 1e-6 relative; every d mod 4 and odd n.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centerSumsReference } from '../../../src/kernels/center-assigner.js';
import { centerInertiaReference } from '../../../src/kernels/center-inertia.js';
import { moveRows } from '../../../src/kernels/center-moves.js';
import { configureOnnxKernels, DEFAULT_ONNX_KERNEL_OPTIONS } from '../../../src/kernels/onnx/options.js';
import { centeringShift } from '../../../src/kernels/onnx/shift.js';
import { WasmCenterRows } from '../../../src/kernels/wasm/center-rows.js';
import { centerWorkerReady, PARALLEL_ELEMENTS } from '../../../src/kernels/wasm/center-threads.js';
import type { Matrix } from '../../../src/util/matrix.js';
import { randomSource } from '../../../src/util/random.js';
import { assertClose, normalMatrix, randomLabels } from '../test-matrices.js';

function weights(n: number, seed: number): Float64Array {
  const r = randomSource(seed);
  return Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : r.uniform() * 2));
}

function rowsFor(X: Matrix, w: Float64Array): { rows: WasmCenterRows; shift: Float32Array } {
  const rows = WasmCenterRows.create(X.rows, X.cols, w, Number.POSITIVE_INFINITY);
  assert.ok(rows !== undefined, 'WASM SIMD is available on Node 20');
  const shift = centeringShift(X);
  rows.fill(X, shift);
  return { rows, shift };
}

function assertSums(
  got: { sums: Float64Array; weight: Float64Array; count: Int32Array },
  X: Matrix,
  w: Float64Array,
  labels: Int32Array,
  k: number,
  what: string,
): void {
  const expected = centerSumsReference(X, w, labels, k);
  assert.deepEqual(got.count, expected.count, `${what} count`);
  assertClose(got.weight, expected.weight, 1e-12, `${what} weight`);
  const scale = centerSumsReference({ ...X, data: X.data.map(Math.abs) }, w, labels, k).sums;
  for (let q = 0; q < scale.length; q++) {
    const err = Math.abs(got.sums[q] - expected.sums[q]);
    assert.ok(err <= 1e-6 * (1 + scale[q]), `${what} sums[${q}]: error ${err}, scale ${scale[q]}`);
  }
}

test('WasmCenterRows.fill(X, s) stores [x - s, 1] in float32 and ||x - s||^2 (d = 1..9, seed 1)', () => {
  for (const d of [1, 2, 3, 4, 5, 9]) {
    const X = normalMatrix(13, d, 1, 5);
    const { rows, shift } = rowsFor(X, new Float64Array(13).fill(1));
    const { Xa, norms } = rows.rows();
    for (let i = 0; i < 13; i++) {
      let norm = 0;
      for (let j = 0; j < d; j++) {
        const v = Math.fround(X.data[i * d + j] - shift[j]);
        assert.equal(Xa[i * (d + 1) + j], v, `d=${d} x'[${i}, ${j}]`);
        norm += v * v;
      }
      assert.equal(Xa[i * (d + 1) + d], 1, `d=${d} augmented 1 of row ${i}`);
      assertClose([norms[i]], [norm], 1e-6, `d=${d} norm ${i}`);
    }
    rows.release();
  }
});

test('WasmCenterRows.sums(labels, k, s) matches centerSumsReference, weighted, every d mod 4 (seeds 2-4)', async () => {
  for (const [n, d] of [
    [1, 3],
    [2, 4],
    [7, 5],
    [301, 9],
    [512, 64],
  ]) {
    const X = normalMatrix(n, d, 2, 3);
    const w = weights(n, 3);
    const { rows, shift } = rowsFor(X, w);
    const labels = randomLabels(n, 6, 4);
    assertSums(await rows.sums(labels, 6, shift), X, w, labels, 6, `n=${n} d=${d}`);
    rows.release();
  }
});

test('WasmCenterRows.move updates the sums it handed out, like moveRows; other states are refused (seeds 5-7)', async () => {
  const n = 401;
  const X = normalMatrix(n, 7, 5);
  const w = weights(n, 6);
  const { rows, shift } = rowsFor(X, w);
  const first = randomLabels(n, 4, 7);
  const state = await rows.sums(first, 4, shift);
  // Every third row moves; cluster 3 ends up empty and must read exactly zero.
  const next = first.map((c, i) => (c === 3 ? i % 3 : i % 3 === 0 ? (c + 1) % 3 : c));
  const changed = first.reduce((s, c, i) => s + (c !== next[i] ? 1 : 0), 0);
  assert.equal(await rows.move(first, next, state, shift), changed);
  assertSums(state, X, w, next, 4, 'moved');
  assert.equal(state.count[3], 0);
  assert.equal(state.weight[3], 0);
  assert.deepEqual([...state.sums.subarray(21, 28)], [0, 0, 0, 0, 0, 0, 0]);
  // Moving again from the new labels keeps going; a state it did not hand out is not its to move.
  const back = Int32Array.from(first);
  assert.equal(await rows.move(next, back, state, shift), changed);
  assertSums(state, X, w, back, 4, 'moved back');
  const foreign = centerSumsReference(X, w, back, 4);
  assert.equal(await rows.move(back, next, foreign, shift), undefined);
  assert.equal(await rows.move(first, next, state, shift), undefined, 'previous must be the held labels');
  // The reference on the same moves agrees.
  moveRows(X, w, foreign, back, next);
  assertSums(foreign, X, w, next, 4, 'reference moveRows');
  rows.release();
});

test('WasmCenterRows.inertia(C, labels, s) matches centerInertiaReference (d = 1..64, offset 100, seeds 8-10)', async () => {
  for (const d of [1, 3, 4, 6, 64]) {
    const X = normalMatrix(257, d, 8, 100);
    const C = normalMatrix(5, d, 9, 100);
    const w = weights(257, 10);
    const { rows, shift } = rowsFor(X, w);
    const labels = randomLabels(257, 5, 11);
    const expected = centerInertiaReference(X, w, C, labels);
    assertClose([await rows.inertia(C, labels, shift)], [expected], 1e-6, `d=${d} inertia`);
    rows.release();
  }
  // Centers that are rows: the centered values cancel exactly.
  const X = normalMatrix(3, 5, 12, 7);
  const { rows, shift } = rowsFor(X, new Float64Array(3).fill(1));
  assert.equal(await rows.inertia(X, Int32Array.of(0, 1, 2), shift), 0);
  rows.release();
});

test('WasmCenterRows gives the same bits with the kernel worker taking half the rows as on one thread (seeds 13-15)', async () => {
  // n d = 6000 x 64 is above PARALLEL_ELEMENTS, so with threads >= 2 the worker runs the second half.
  assert.ok(6000 * 64 >= PARALLEL_ELEMENTS);
  await centerWorkerReady();
  const X = normalMatrix(6000, 64, 13, 2);
  const w = weights(6000, 14);
  const labels = randomLabels(6000, 9, 15);
  const next = labels.map((c, i) => (i % 6 === 0 ? (c + 2) % 9 : c));
  const C = normalMatrix(9, 64, 16, 2);
  const run = async () => {
    const { rows, shift } = rowsFor(X, w);
    const state = await rows.sums(labels, 9, shift);
    const first = structuredClone(state);
    const moved = await rows.move(labels, next, state, shift);
    const inertia = await rows.inertia(C, next, shift);
    rows.release();
    return { first, state, moved, inertia };
  };
  configureOnnxKernels({ threads: 1 });
  const one = await run();
  configureOnnxKernels({ threads: DEFAULT_ONNX_KERNEL_OPTIONS.threads });
  const two = await run();
  assert.deepEqual(two, one);
  assertSums(two.state, X, w, next, 9, 'two threads');
});
