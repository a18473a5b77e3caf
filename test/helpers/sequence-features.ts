/**
 * Count features of a SequenceSet for tests: TF-IDF of categories, of category bigrams or of
 * hashed category trigrams (consecutive events), L2-normalized per user. Stand-ins that let the
 * generator tests show which order statistics separate the planted segments.
 */
import type { SequenceSet } from '../../src/data/sequence-set.js';
import { type Matrix, matrix } from '../../src/util/matrix.js';

/** Trigram ids are hashed into this many buckets (a prime). */
const TRIGRAM_BUCKETS = 4093;

export function categoryTfidf(seqs: SequenceSet, ngram: 1 | 2 | 3 = 1): Matrix {
  const cats = seqs.categories;
  if (cats === undefined) throw new RangeError('categoryTfidf: sequences have no categories');
  const C = seqs.categoryVocab?.length ?? 0;
  const dims = ngram === 1 ? C : ngram === 2 ? C * C : TRIGRAM_BUCKETS;
  const n = seqs.users.length;
  const X = matrix(n, dims);
  const df = new Float64Array(dims);
  for (let u = 0; u < n; u++) {
    const row = X.data.subarray(u * dims, (u + 1) * dims);
    for (let e = seqs.offsets[u] + ngram - 1; e < seqs.offsets[u + 1]; e++) {
      if (ngram === 1) row[cats[e]] += 1;
      else if (ngram === 2) row[cats[e - 1] * C + cats[e]] += 1;
      else row[((cats[e - 2] * C + cats[e - 1]) * C + cats[e]) % TRIGRAM_BUCKETS] += 1;
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
