/** Seeded test matrices and a tolerance check shared by the kernel tests. */
import assert from 'node:assert/strict';
import { type CenterSums, centerSumsReference } from '../../src/kernels/center-assigner.js';
import type { Matrix } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';

/** rows x cols standard normal values plus `offset`, from `seed`. */
export function normalMatrix(rows: number, cols: number, seed: number, offset = 0): Matrix {
  const r = randomSource(seed);
  return { rows, cols, data: Float32Array.from({ length: rows * cols }, () => r.normal() + offset) };
}

/** rows x cols integers in [0, levels), from `seed`: distances are exact in float32, so ties are real. */
export function gridMatrix(rows: number, cols: number, seed: number, levels = 4): Matrix {
  const r = randomSource(seed);
  return { rows, cols, data: Float32Array.from({ length: rows * cols }, () => r.int(levels)) };
}

/** Labels 0..k-1 (and -1 for every `noiseEvery`-th point when given), from `seed`. */
export function randomLabels(n: number, k: number, seed: number, noiseEvery = 0): Int32Array {
  const r = randomSource(seed);
  return Int32Array.from({ length: n }, (_, i) => (noiseEvery > 0 && i % noiseEvery === 0 ? -1 : r.int(k)));
}

/** |actual - expected| <= tol * max(1, |expected|) elementwise, with the first offender named. */
export function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: number,
  what: string,
): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    if (!(err <= tol * Math.max(1, Math.abs(expected[i])))) {
      assert.fail(
        `${what}[${i}]: ${actual[i]} vs reference ${expected[i]} (error ${err}, tolerance ${tol} relative)`,
      );
    }
  }
}

/**
 * `got` against centerSumsReference(X, w, labels, k): counts exactly, weights to 1e-12, sums within
 * 1e-6 of the sum of |w x| over each center's rows (float32 inputs: the bound scales with that,
 * not with the possibly cancelling sum itself).
 */
export function assertCenterSums(
  got: CenterSums,
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
