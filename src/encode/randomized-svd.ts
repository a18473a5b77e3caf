/**
 * Randomized truncated SVD of a sparse matrix (Halko, Martinsson & Tropp 2011, Alg. 4.4 with
 * subspace iteration; scikit-learn's `randomized_svd` defaults: 10 oversamples, 7 power iterations
 * when k < 0.1 min(shape), else 4). The sketch is re-orthonormalized after every product, by an
 * eigen-decomposition of its Gram matrix (twice for the final basis; stable for the rank-deficient
 * sketches that tiny vocabularies give).
 */
import { randomSource } from '../util/random.js';
import type { SparseMatrix } from './sparse-matrix.js';
import { sparseTimesDense, sparseTransposeTimesDense } from './sparse-matrix.js';
import { symmetricEigen } from '../kernels/symmetric-eigen.js';

export interface RandomizedSvdOptions {
  /** Number of singular triplets wanted. */
  k: number;
  oversamples: number;
  /** Subspace iterations, or 'auto' for scikit-learn's rule. */
  powerIterations: number | 'auto';
  seed: number;
}

export const DEFAULT_RANDOMIZED_SVD: Readonly<Omit<RandomizedSvdOptions, 'k'>> = {
  oversamples: 10,
  powerIterations: 'auto',
  seed: 0,
};

export interface TruncatedSvd {
  /** Top singular values, descending; zeros past the rank. Length k. */
  singularValues: Float64Array;
  /** Right singular vectors as rows (k x cols, row-major); the largest-magnitude entry of each is positive. */
  components: Float64Array;
}

/**
 * Top-k singular values and right singular vectors of A. O((iterations + 2) * nnz * (k + oversamples)).
 * @throws RangeError if k is not a positive integer.
 */
export function randomizedSvd(
  A: SparseMatrix,
  options: Partial<RandomizedSvdOptions> & { k: number },
): TruncatedSvd {
  const o = { ...DEFAULT_RANDOMIZED_SVD, ...options };
  if (!Number.isInteger(o.k) || o.k < 1)
    throw new RangeError(`randomizedSvd: k (${o.k}) must be a positive integer`);
  const rank = Math.min(A.rows, A.cols);
  const l = Math.min(o.k + o.oversamples, rank);
  const singularValues = new Float64Array(o.k);
  const components = new Float64Array(o.k * A.cols);
  if (l === 0) return { singularValues, components };
  const iterations = o.powerIterations === 'auto' ? (o.k < 0.1 * rank ? 7 : 4) : o.powerIterations;
  const random = randomSource(o.seed);
  const omega = new Float64Array(A.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = random.normal();
  // Subspace iteration, re-orthonormalizing after every A^T A (or A A^T) product on the smaller
  // side only (cost min(rows, cols) * l^2 per step): each step then grows condition numbers by
  // (sigma_1 / sigma_l)^2 at most, far inside float64 for the directions the top k need.
  let Q: Float64Array;
  if (A.rows <= A.cols) {
    Q = orthonormalizeColumns(sparseTimesDense(A, omega, l), A.rows, l, 1);
    for (let it = 0; it < iterations; it++)
      Q = orthonormalizeColumns(sparseTimesDense(A, sparseTransposeTimesDense(A, Q, l), l), A.rows, l, 1);
  } else {
    let Z = orthonormalizeColumns(
      sparseTransposeTimesDense(A, sparseTimesDense(A, omega, l), l),
      A.cols,
      l,
      1,
    );
    for (let it = 1; it < iterations; it++)
      Z = orthonormalizeColumns(sparseTransposeTimesDense(A, sparseTimesDense(A, Z, l), l), A.cols, l, 1);
    Q = sparseTimesDense(A, Z, l);
  }
  Q = orthonormalizeColumns(Q, A.rows, l, 2);
  // B^T = A^T Q (cols x l); B B^T = U diag(sigma^2) U^T; V = B^T U / sigma.
  const Bt = sparseTransposeTimesDense(A, Q, l);
  const { values, vectors } = symmetricEigen(gram(Bt, A.cols, l), l);
  const tolerance = Math.max(values[0], 0) * 1e-20;
  let found = 0;
  while (found < Math.min(o.k, l) && values[found] > tolerance) {
    singularValues[found] = Math.sqrt(values[found]);
    found++;
  }
  // V^T rows: components[i, c] = sum_j B^T[c, j] U[j, i] / sigma_i, accumulated row-major over B^T.
  const scaled = new Float64Array(l * found);
  for (let j = 0; j < l; j++)
    for (let i = 0; i < found; i++) scaled[j * found + i] = vectors[j * l + i] / singularValues[i];
  const V = new Float64Array(A.cols * found);
  for (let c = 0; c < A.cols; c++) {
    for (let j = 0; j < l; j++) {
      const b = Bt[c * l + j];
      if (b === 0) continue;
      for (let i = 0; i < found; i++) V[c * found + i] += b * scaled[j * found + i];
    }
  }
  for (let i = 0; i < found; i++) {
    let maxAbs = 0;
    let sign = 1;
    for (let c = 0; c < A.cols; c++) {
      const v = V[c * found + i];
      if (Math.abs(v) > maxAbs) {
        maxAbs = Math.abs(v);
        sign = v < 0 ? -1 : 1;
      }
    }
    for (let c = 0; c < A.cols; c++) components[i * A.cols + c] = sign * V[c * found + i];
  }
  return { singularValues, components };
}

/** Y^T Y for Y (rows x l, row-major). O(rows * l^2). */
function gram(Y: Float64Array, rows: number, l: number): Float64Array {
  const G = new Float64Array(l * l);
  for (let r = 0; r < rows; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const yi = Y[o + i];
      if (yi === 0) continue;
      for (let j = i; j < l; j++) G[i * l + j] += yi * Y[o + j];
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) G[i * l + j] = G[j * l + i];
  return G;
}

/**
 * An orthonormal basis of the column space of Y (rows x l), as Y W diag(1/sqrt(lambda)) from the
 * eigen-decomposition of Y^T Y; directions with negligible energy become zero columns.
 */
export function orthonormalizeColumns(Y: Float64Array, rows: number, l: number, passes = 2): Float64Array {
  let Q = Y;
  for (let pass = 0; pass < passes; pass++) {
    const { values, vectors } = symmetricEigen(gram(Q, rows, l), l);
    const tolerance = Math.max(values[0], 0) * 1e-20;
    const T = new Float64Array(l * l);
    for (let j = 0; j < l; j++) {
      if (!(values[j] > tolerance) || values[j] === 0) continue;
      const s = 1 / Math.sqrt(values[j]);
      for (let i = 0; i < l; i++) T[i * l + j] = vectors[i * l + j] * s;
    }
    const out = new Float64Array(rows * l);
    for (let r = 0; r < rows; r++) {
      const o = r * l;
      for (let i = 0; i < l; i++) {
        const y = Q[o + i];
        if (y === 0) continue;
        for (let j = 0; j < l; j++) out[o + j] += y * T[i * l + j];
      }
    }
    Q = out;
  }
  return Q;
}
