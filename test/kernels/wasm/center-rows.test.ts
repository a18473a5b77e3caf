/**
 * WasmCenterRows (the centered rows and the WASM SIMD inertia behind the onnx centerAssigner)
 * against plain-TS references: the stored rows exactly, norms and inertia to 1e-6 relative.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centerSumsReference } from '../../../src/kernels/center-assigner.js';
import { centerInertiaReference } from '../../../src/kernels/center-inertia.js';
import { centeringShift } from '../../../src/kernels/onnx/shift.js';
import { WasmCenterRows } from '../../../src/kernels/wasm/center-rows.js';
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

function _assertSums(
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
