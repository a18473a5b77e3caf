/** Workspaces of centered rows and weights shared by the WASM kernel tests. */
import assert from 'node:assert/strict';
import { centeringShift } from '../../../src/kernels/onnx/shift.js';
import { WasmCenterRows } from '../../../src/kernels/wasm/center-rows.js';
import type { Matrix } from '../../../src/util/matrix.js';
import { randomSource } from '../../../src/util/random.js';

/** Weights in [0, 2) with every fifth one 0 (such rows get labels but add nothing), from `seed`. */
export function weights(n: number, seed: number): Float64Array {
  const r = randomSource(seed);
  return Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : r.uniform() * 2));
}

/** X's centered rows in a fresh workspace (release it after), with the shift used. */
export function rowsFor(X: Matrix, w: Float64Array): { rows: WasmCenterRows; shift: Float32Array } {
  const rows = WasmCenterRows.create(X.rows, X.cols, w, Number.POSITIVE_INFINITY);
  assert.ok(rows !== undefined, 'WASM SIMD is available on Node 20');
  const shift = centeringShift(X);
  rows.fill(X, shift);
  return { rows, shift };
}
