import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centeringShift } from '../../../src/kernels/onnx/shift.js';
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
