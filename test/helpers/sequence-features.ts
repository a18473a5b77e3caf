/**
 * Count features of a SequenceSet for tests: TF-IDF of categories, or of category bigrams
 * (consecutive events), L2-normalized per user. A stand-in until the encode stage lands.
 */
import type { SequenceSet } from '../../src/data/sequence-set.js';
import { type Matrix, matrix } from '../../src/util/matrix.js';

export function categoryTfidf(seqs: SequenceSet, bigrams = false): Matrix {
  const cats = seqs.categories;
  if (cats === undefined) throw new RangeError('categoryTfidf: sequences have no categories');
  const C = seqs.categoryVocab?.length ?? 0;
  const dims = bigrams ? C * C : C;
  const n = seqs.users.length;
  const X = matrix(n, dims);
  const df = new Float64Array(dims);
  for (let u = 0; u < n; u++) {
    const row = X.data.subarray(u * dims, (u + 1) * dims);
    for (let e = seqs.offsets[u] + (bigrams ? 1 : 0); e < seqs.offsets[u + 1]; e++) {
      row[bigrams ? cats[e - 1] * C + cats[e] : cats[e]] += 1;
    }
    for (let j = 0; j < dims; j++) if (row[j] > 0) df[j]++;
  }
  for (let u = 0; u < n; u++) {
    const row = X.data.subarray(u * dims, (u + 1) * dims);
    let norm = 0;
    for (let j = 0; j < dims; j++) {
      if (row[j] > 0) row[j] *= Math.log((1 + n) / (1 + df[j])) + 1;
      norm += row[j] * row[j];
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < dims; j++) row[j] /= norm;
  }
  return X;
}
