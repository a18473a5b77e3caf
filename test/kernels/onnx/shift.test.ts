import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centeringShift, SHIFT_SAMPLE_ROWS } from '../../../src/kernels/onnx/shift.js';
import { matrix, matrixFromRows } from '../../../src/util/matrix.js';

test('centeringShift(Y) is the column mean rounded to 8 significant bits', () => {
  // Means: 1 + 2/3 = 1.666..., 1000.25, -3, 0. 1.666... -> 213/128 = 1.6640625; 1000.25 -> 1000 (step 4).
  const Y = matrixFromRows([
    [1, 1000, -3, 5],
    [2, 1000.5, -3, -5],
    [2, 1000.25, -3, 0],
  ]);
  assert.deepEqual(Array.from(centeringShift(Y)), [1.6640625, 1000, -3, 0]);
});

test('centeringShift(Y) of no rows is all zeros', () => {
  assert.deepEqual(Array.from(centeringShift(matrix(0, 2))), [0, 0]);
});

test('centeringShift(A, B) averages the smaller matrix, and at most SHIFT_SAMPLE_ROWS strided rows', () => {
  const small = matrixFromRows([[2], [4]]);
  const large = matrixFromRows([[100], [100], [100]]);
  assert.deepEqual(Array.from(centeringShift(large, small)), [3]);
  assert.deepEqual(Array.from(centeringShift(small, large)), [3]);
  // 2 * SHIFT_SAMPLE_ROWS rows alternating 0, 1: stride 2 samples only the zeros.
  const alternating = matrix(
    2 * SHIFT_SAMPLE_ROWS,
    1,
    Float32Array.from({ length: 2 * SHIFT_SAMPLE_ROWS }, (_, i) => i % 2),
  );
  assert.deepEqual(Array.from(centeringShift(alternating)), [0]);
});
