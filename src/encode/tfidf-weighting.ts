/**
 * TF-IDF weighting of a count matrix with scikit-learn's TfidfTransformer semantics
 * (sklearn/feature_extraction/text.py, 1.2): tf is the raw count, or 1 + ln(tf) when `sublinearTf`;
 * idf = ln((1 + n) / (1 + df)) + 1 when `smoothIdf`, else ln(n / df) + 1; rows scaled to unit
 * l2 (or l1) norm. Rows with no tokens stay zero.
 */
import type { SparseMatrix } from './sparse-matrix.js';

export type TfidfNorm = 'l2' | 'l1' | 'none';

export interface TfidfWeightingOptions {
  sublinearTf: boolean;
  smoothIdf: boolean;
  useIdf: boolean;
  norm: TfidfNorm;
}

export const DEFAULT_TFIDF_WEIGHTING: Readonly<TfidfWeightingOptions> = {
  sublinearTf: true,
  smoothIdf: true,
  useIdf: true,
  norm: 'l2',
};

/**
 * Inverse document frequencies of the columns of `counts`. O(nnz).
 * @example inverseDocumentFrequency(counts, true) // ln((1+n)/(1+df)) + 1 per column
 */
export function inverseDocumentFrequency(counts: SparseMatrix, smoothIdf: boolean): Float64Array {
  const df = new Float64Array(counts.cols);
  for (let e = 0; e < counts.indptr[counts.rows]; e++) df[counts.indices[e]]++;
  const s = smoothIdf ? 1 : 0;
  const n = counts.rows + s;
  const idf = new Float64Array(counts.cols);
  for (let j = 0; j < counts.cols; j++) idf[j] = Math.log(n / (df[j] + s)) + 1;
  return idf;
}

/**
 * Weighted copy of `counts`: tf transform, times `idf` (when given), row-normalized. O(nnz).
 * @throws RangeError if idf has the wrong length.
 */
export function tfidfWeight(
  counts: SparseMatrix,
  idf: Float64Array | undefined,
  options: TfidfWeightingOptions,
): SparseMatrix {
  if (idf !== undefined && idf.length !== counts.cols) {
    throw new RangeError(`tfidfWeight: idf.length (${idf.length}) != counts.cols (${counts.cols})`);
  }
  const values = new Float64Array(counts.values.length);
  for (let r = 0; r < counts.rows; r++) {
    const start = counts.indptr[r];
    const end = counts.indptr[r + 1];
    let norm = 0;
    for (let e = start; e < end; e++) {
      const tf = counts.values[e];
      let v = options.sublinearTf ? 1 + Math.log(tf) : tf;
      if (idf !== undefined) v *= idf[counts.indices[e]];
      values[e] = v;
      norm += options.norm === 'l2' ? v * v : Math.abs(v);
    }
    if (options.norm === 'none' || norm === 0) continue;
    const scale = options.norm === 'l2' ? 1 / Math.sqrt(norm) : 1 / norm;
    for (let e = start; e < end; e++) values[e] *= scale;
  }
  return { rows: counts.rows, cols: counts.cols, indptr: counts.indptr, indices: counts.indices, values };
}
