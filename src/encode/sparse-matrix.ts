/**
 * Compressed sparse row matrix (the layout scipy.sparse.csr_matrix uses): row r owns entries
 * `indptr[r] .. indptr[r+1]-1`, with column `indices[e]` and value `values[e]`. Column indices within
 * a row are strictly increasing.
 */
export interface SparseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/**
 * Sparse times dense: `A (rows x cols) * B (cols x k)` into a new Float64Array (rows x k), row-major.
 * O(nnz * k).
 * @throws RangeError if B does not have `A.cols * k` values.
 */
export function sparseTimesDense(A: SparseMatrix, B: Float64Array, k: number): Float64Array {
  if (B.length !== A.cols * k)
    throw new RangeError(`sparseTimesDense: B.length (${B.length}) != A.cols*k (${A.cols * k})`);
  const out = new Float64Array(A.rows * k);
  for (let r = 0; r < A.rows; r++) {
    const o = r * k;
    for (let e = A.indptr[r]; e < A.indptr[r + 1]; e++) {
      const v = A.values[e];
      const b = A.indices[e] * k;
      for (let j = 0; j < k; j++) out[o + j] += v * B[b + j];
    }
  }
  return out;
}

/**
 * Transposed sparse times dense: `A^T (cols x rows) * B (rows x k)` into a new Float64Array
 * (cols x k), without materializing A^T. O(nnz * k).
 * @throws RangeError if B does not have `A.rows * k` values.
 */
export function sparseTransposeTimesDense(A: SparseMatrix, B: Float64Array, k: number): Float64Array {
  if (B.length !== A.rows * k)
    throw new RangeError(`sparseTransposeTimesDense: B.length (${B.length}) != A.rows*k (${A.rows * k})`);
  const out = new Float64Array(A.cols * k);
  for (let r = 0; r < A.rows; r++) {
    const b = r * k;
    for (let e = A.indptr[r]; e < A.indptr[r + 1]; e++) {
      const v = A.values[e];
      const o = A.indices[e] * k;
      for (let j = 0; j < k; j++) out[o + j] += v * B[b + j];
    }
  }
  return out;
}

/** Dense row-major copy (tests and small inputs). */
export function sparseToDense(A: SparseMatrix): Float64Array {
  const out = new Float64Array(A.rows * A.cols);
  for (let r = 0; r < A.rows; r++) {
    for (let e = A.indptr[r]; e < A.indptr[r + 1]; e++) out[r * A.cols + A.indices[e]] = A.values[e];
  }
  return out;
}
