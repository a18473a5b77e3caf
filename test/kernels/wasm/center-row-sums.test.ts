/**
 * WasmCenterSums (the WASM SIMD sums and moved rows behind the onnx centerAssigner) against the
 * plain-TS references: exact counts, weights to 1e-12, sums within 1e-6 of the sum of |w x| (the
 * centered float32 rows shifted back); every d mod 4 and odd n; the same bits on one thread and two.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centerSumsReference } from '../../../src/kernels/center-assigner.js';
import { moveRows } from '../../../src/kernels/center-moves.js';
import { configureOnnxKernels, DEFAULT_ONNX_KERNEL_OPTIONS } from '../../../src/kernels/onnx/options.js';
import {
  centerWorkerHalves,
  centerWorkerReady,
  PARALLEL_ELEMENTS,
} from '../../../src/kernels/wasm/center-threads.js';
import { assertCenterSums, normalMatrix, randomLabels } from '../test-matrices.js';
import { rowsFor, weights } from './wasm-rows.js';

test('WasmCenterSums.from(labels, k, s) matches centerSumsReference, weighted, every d mod 4 (seeds 2-4)', async () => {
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
    assertCenterSums(await rows.sums.from(labels, 6, shift), X, w, labels, 6, `n=${n} d=${d}`);
    rows.release();
  }
});

test('WasmCenterSums.move updates the sums it handed out, like moveRows; other states are refused (seeds 5-7)', async () => {
  const n = 401;
  const X = normalMatrix(n, 7, 5);
  const w = weights(n, 6);
  const { rows, shift } = rowsFor(X, w);
  const first = randomLabels(n, 4, 7);
  const state = await rows.sums.from(first, 4, shift);
  // Every third row moves; cluster 3 ends up empty and must read exactly zero.
  const next = first.map((c, i) => (c === 3 ? i % 3 : i % 3 === 0 ? (c + 1) % 3 : c));
  const changed = first.reduce((s, c, i) => s + (c !== next[i] ? 1 : 0), 0);
  assert.equal(await rows.sums.move(first, next, state, shift), changed);
  assertCenterSums(state, X, w, next, 4, 'moved');
  assert.equal(state.count[3], 0);
  assert.equal(state.weight[3], 0);
  assert.deepEqual([...state.sums.subarray(21, 28)], [0, 0, 0, 0, 0, 0, 0]);
  // Moving again from the new labels keeps going; a state it did not hand out is not its to move.
  const back = Int32Array.from(first);
  assert.equal(await rows.sums.move(next, back, state, shift), changed);
  assertCenterSums(state, X, w, back, 4, 'moved back');
  const foreign = centerSumsReference(X, w, back, 4);
  assert.equal(await rows.sums.move(back, next, foreign, shift), undefined);
  assert.equal(
    await rows.sums.move(first, next, state, shift),
    undefined,
    'previous must be the held labels',
  );
  // The reference on the same moves agrees.
  moveRows(X, w, foreign, back, next);
  assertCenterSums(foreign, X, w, next, 4, 'reference moveRows');
  rows.release();
});

test('WasmCenterSums (and inertia) give the same bits with the kernel worker taking half the rows as on one thread (seeds 13-15)', async () => {
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
    const state = await rows.sums.from(labels, 9, shift);
    const first = structuredClone(state);
    const moved = await rows.sums.move(labels, next, state, shift);
    const inertia = await rows.inertia(C, next, shift);
    rows.release();
    return { first, state, moved, inertia };
  };
  configureOnnxKernels({ threads: 1 });
  const one = await run();
  configureOnnxKernels({ threads: DEFAULT_ONNX_KERNEL_OPTIONS.threads });
  const sent = centerWorkerHalves();
  const two = await run();
  assert.ok(centerWorkerHalves() >= sent + 3, 'the worker took the second half of sums, move and inertia');
  assert.deepEqual(two, one);
  assertCenterSums(two.state, X, w, next, 9, 'two threads');
});
