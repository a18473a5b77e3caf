import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  augmentedWidth,
  leftRows,
  preparedRows,
  rightRows,
} from '../../../src/kernels/onnx/augmented-rows.js';
import { squaredDistancesReference } from '../../../src/kernels/reference.js';
import { centeringShift } from '../../../src/kernels/onnx/shift.js';
import { matrixFromRows } from '../../../src/util/matrix.js';
import { assertClose, normalMatrix } from '../test-matrices.js';

test('leftRows / rightRows of preparedRows(X, euclidean) lay out [x - s, ||x - s||^2, 1] and [-2(x - s), 1, ||x - s||^2] (by hand)', () => {
  const X = matrixFromRows([
    [1, 2],
    [4, 6],
    [0, 0],
  ]);
  const P = preparedRows(X, 'euclidean', Int32Array.of(2, 0, 1), Float32Array.of(1, 2));
  assert.deepEqual(Array.from(P.values), [-1, -2, 0, 0, 3, 4]);
  assert.deepEqual(Array.from(P.norms), [5, 0, 25]);
  assert.equal(P.radius, 5);
  const out = new Float32Array(3 * augmentedWidth('euclidean', 2));
  assert.deepEqual(Array.from(leftRows(P, 1, 2, out)), [0, 0, 0, 1, 3, 4, 25, 1]);
  assert.deepEqual(Array.from(rightRows(P, 0, 1, out)), [2, 4, 1, 5]);
});

test('leftRows / rightRows of preparedRows(X, cosine) lay out [u, 1] and [-u, 1], u = x / ||x|| (by hand)', () => {
  const X = matrixFromRows([
    [3, 4],
    [0, 2],
  ]);
  const P = preparedRows(X, 'cosine', Int32Array.of(0, 1), new Float32Array(2));
  assert.equal(P.radius, 1);
  const out = new Float32Array(2 * augmentedWidth('cosine', 2));
  assert.deepEqual(Array.from(leftRows(P, 0, 2, out)), [0.6000000238418579, 0.800000011920929, 1, 0, 1, 1]);
  assert.deepEqual(Array.from(rightRows(P, 1, 1, out)), [-0, -1, 1]);
});

test('left_i . right_j of augmented rows is the squared euclidean distance and 1 - cos (reference, seed 5, offset 100)', () => {
  const X = normalMatrix(12, 7, 5, 100);
  const n = X.rows;
  const order = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
  for (const metric of ['euclidean', 'cosine'] as const) {
    const P = preparedRows(X, metric, order, centeringShift(X));
    const w = augmentedWidth(metric, X.cols);
    const L = leftRows(P, 0, n, new Float32Array(n * w));
    const R = rightRows(P, 0, n, new Float32Array(n * w));
    const D2 = squaredDistancesReference(X, X);
    const dots = new Float64Array(n * n);
    const expected = new Float64Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        for (let c = 0; c < w; c++) dots[a * n + b] += L[a * w + c] * R[b * w + c];
        const [i, j] = [order[a], order[b]];
        let xy = 0;
        let xx = 0;
        let yy = 0;
        for (let c = 0; c < X.cols; c++) {
          xy += X.data[i * X.cols + c] * X.data[j * X.cols + c];
          xx += X.data[i * X.cols + c] ** 2;
          yy += X.data[j * X.cols + c] ** 2;
        }
        expected[a * n + b] = metric === 'euclidean' ? D2[i * n + j] : 1 - xy / Math.sqrt(xx * yy);
      }
    }
    // Products of float32 values summed in float64: agreement to float32 rounding of the inputs.
    assertClose(dots, expected, metric === 'euclidean' ? 1e-4 : 1e-6, metric);
  }
});
