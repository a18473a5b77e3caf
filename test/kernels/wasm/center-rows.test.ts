/**
 * WasmCenterRows (the centered rows and the WASM SIMD inertia behind the onnx centerAssigner)
 * against plain-TS references: the stored rows exactly, norms and inertia to 1e-6 relative.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centerInertiaReference } from '../../../src/kernels/center-inertia.js';
import { assertClose, normalMatrix, randomLabels } from '../test-matrices.js';
import { rowsFor, weights } from './wasm-rows.js';

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
