import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomizedSvd } from '../../src/encode/randomized-svd.js';
import type { SparseMatrix } from '../../src/encode/sparse-matrix.js';
import { symmetricEigen } from '../../src/kernels/symmetric-eigen.js';
import { fixture } from './helpers.js';

function toSparse(rows: number[][]): SparseMatrix {
  const indptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    row.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j);
        values.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return {
    rows: rows.length,
    cols: rows[0].length,
    indptr: Int32Array.from(indptr),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
}

const FIX = fixture<{ svd: { matrix: number[][]; singular_values: number[]; vt: number[][] } }>(
  'tfidf.json',
).svd;

test('randomizedSvd(A, k=8) singular values match numpy.linalg.svd on a 60x40 decaying spectrum (seed 5)', () => {
  const A = toSparse(FIX.matrix);
  const { singularValues, components } = randomizedSvd(A, { k: 8, seed: 5 });
  for (let i = 0; i < 8; i++)
    assert.ok(
      Math.abs(singularValues[i] - FIX.singular_values[i]) < 1e-6 * FIX.singular_values[0],
      `sigma ${i}`,
    );
  // Right singular vectors agree up to sign.
  for (let i = 0; i < 6; i++) {
    let dot = 0;
    for (let c = 0; c < 40; c++) dot += components[i * 40 + c] * FIX.vt[i][c];
    assert.ok(Math.abs(Math.abs(dot) - 1) < 1e-5, `v ${i}: |dot| ${Math.abs(dot)}`);
  }
});

test('randomizedSvd with 0 power iterations is less accurate than with 7 (Halko et al. sec. 4.5)', () => {
  const A = toSparse(FIX.matrix);
  const err = (q: number) => {
    const s = randomizedSvd(A, { k: 8, seed: 5, oversamples: 2, powerIterations: q }).singularValues;
    return Math.abs(s[7] - FIX.singular_values[7]);
  };
  assert.ok(err(7) < err(0));
});

test('randomizedSvd rejects k < 1 and handles a rank-1 matrix', () => {
  assert.throws(() => randomizedSvd(toSparse([[1]]), { k: 0 }), /k \(0\)/);
  const { singularValues } = randomizedSvd(
    toSparse([
      [3, 0],
      [0, 0],
      [4, 0],
    ]),
    { k: 2, seed: 1 },
  );
  assert.ok(Math.abs(singularValues[0] - 5) < 1e-12);
  assert.equal(singularValues[1], 0);
});

test('symmetricEigen([[2,1],[1,2]]) gives eigenvalues 3 and 1 (hand computation)', () => {
  const { values, vectors } = symmetricEigen(new Float64Array([2, 1, 1, 2]), 2);
  assert.ok(Math.abs(values[0] - 3) < 1e-14 && Math.abs(values[1] - 1) < 1e-14);
  assert.ok(Math.abs(Math.abs(vectors[0]) - Math.SQRT1_2) < 1e-14);
});
