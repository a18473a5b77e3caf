/**
 * A precomputed dissimilarity matrix (n x n, row-major): what `sequenceDistanceMatrix` produces,
 * what k-medoids clusters, and the third input space of the internal indices next to euclidean and
 * cosine vectors. Shared by cluster/ and metrics/, so it lives in util/ beside `Matrix`.
 */
import type { Matrix } from './matrix.js';

/** Finite, non-negative, symmetric, zero diagonal; need not satisfy the triangle inequality. */
export interface Dissimilarity {
  readonly kind: 'dissimilarity';
  readonly n: number;
  readonly data: Float64Array | Float32Array;
}

/**
 * Wrap and check an n x n dissimilarity: finite, non-negative, zero diagonal, symmetric.
 * @throws RangeError naming the first offending entry.
 * @example dissimilarity(2, Float64Array.of(0, 1, 1, 0))
 */
export function dissimilarity(n: number, data: Float64Array | Float32Array): Dissimilarity {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`dissimilarity: n (${n}) must be a non-negative integer`);
  if (data.length !== n * n)
    throw new RangeError(`dissimilarity: data.length (${data.length}) != n*n (${n * n})`);
  for (let i = 0; i < n; i++) {
    if (data[i * n + i] !== 0)
      throw new RangeError(`dissimilarity: D[${i}, ${i}] (${data[i * n + i]}) must be 0`);
    for (let j = 0; j < i; j++) {
      const v = data[i * n + j];
      if (!Number.isFinite(v) || v < 0)
        throw new RangeError(`dissimilarity: D[${i}, ${j}] (${v}) must be finite and >= 0`);
      if (v !== data[j * n + i])
        throw new RangeError(`dissimilarity: D[${i}, ${j}] (${v}) != D[${j}, ${i}] (${data[j * n + i]})`);
    }
  }
  return { kind: 'dissimilarity', n, data };
}

/** True for a precomputed dissimilarity, false for vectors. */
export function isDissimilarity(input: Matrix | Dissimilarity): input is Dissimilarity {
  return (input as Dissimilarity).kind === 'dissimilarity';
}

/** Number of points of either input. */
export function pointCount(input: Matrix | Dissimilarity): number {
  return isDissimilarity(input) ? input.n : input.rows;
}
