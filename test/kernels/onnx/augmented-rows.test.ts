import assert from 'node:assert/strict';
import { test } from 'node:test';
import { augmentedRows, leftRows, rightRows } from '../../../src/kernels/onnx/augmented-rows.js';
import { centeringShift } from '../../../src/kernels/onnx/shift.js';
import { squaredDistancesReference } from '../../../src/kernels/reference.js';
import { matrixFromRows } from '../../../src/util/matrix.js';
import { assertClose, normalMatrix } from '../test-matrices.js';

test('augmentedRows(X, euclidean) lays out [x - s, ||x - s||^2, 1] left and [x - s, -1/2, -||x - s||^2 / 2] right (by hand)', () => {
  const X = matrixFromRows([
    [1, 2],
    [4, 6],
    [0, 0],
  ]);
  const P = augmentedRows(X, 'euclidean', Int32Array.of(2, 0, 1), Float32Array.of(1, 2));
  assert.deepEqual(Array.from(P.left), [-1, -2, 5, 1, 0, 0, 0, 1, 3, 4, 25, 1]);
  assert.equal(P.width, 4);
  assert.equal(P.alpha, -2);
  assert.equal(P.radius, 5);
  const out = new Float32Array(12);
  assert.deepEqual(Array.from(leftRows(P, 1, 2, out)), [0, 0, 0, 1, 3, 4, 25, 1]);
  assert.deepEqual(Array.from(rightRows(P, 0, 2, out)), [-1, -2, -0.5, -2.5, 0, 0, -0.5, -0]);
});

test('augmentedRows(X, cosine) lays out [u, 1] left and [u, -1] right, u = x / ||x|| (by hand)', () => {
  const X = matrixFromRows([
    [3, 4],
    [0, 2],
  ]);
  const P = augmentedRows(X, 'cosine', Int32Array.of(0, 1), new Float32Array(2));
  assert.equal(P.radius, 1);
  assert.equal(P.alpha, -1);
  assert.deepEqual(Array.from(P.left), [0.6000000238418579, 0.800000011920929, 1, 0, 1, 1]);
  assert.deepEqual(Array.from(rightRows(P, 1, 1, new Float32Array(3))), [0, 1, -1]);
});

test('alpha * left_i . right_j is the squared euclidean distance and 1 - cos (reference, seed 5, offset 100)', () => {
  const X = normalMatrix(12, 7, 5, 100);
  const n = X.rows;
  const order = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
  for (const metric of ['euclidean', 'cosine'] as const) {
    const P = augmentedRows(X, metric, order, centeringShift(X));
    const w = P.width;
    const L = P.left;
    const R = rightRows(P, 0, n, new Float32Array(n * w));
    const D2 = squaredDistancesReference(X, X);
    const dots = new Float64Array(n * n);
    const expected = new Float64Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        for (let c = 0; c < w; c++) dots[a * n + b] += P.alpha * L[a * w + c] * R[b * w + c];
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
    // Products of float32 values summed in float64: agreement to the float32 rounding of the inputs.
    assertClose(dots, expected, metric === 'euclidean' ? 1e-4 : 1e-6, metric);
  }
});
