/** Seeded test matrices and a tolerance check shared by the kernel tests. */
import assert from 'node:assert/strict';
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
