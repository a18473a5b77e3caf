/**
 * Per point, the sum of dissimilarities to each cluster, from a precomputed dissimilarity: the
 * silhouette's sums for its third input space. D is symmetric with a zero diagonal (checked by
 * `dissimilarity`), so only the blocks on and above the diagonal are read, each adding its entries
 * to its rows' sums and, mirrored, to its columns' sums. Blocks keep both sets of sums in cache.
 */
import type { Labels } from '../util/labels.js';
import type { Dissimilarity } from '../util/dissimilarity.js';

/** Points per block: 256 x k float64 sums on each side stay in L1/L2 while a block is read. */
export const DISSIMILARITY_BLOCK = 256;

/**
 * sums[i*k + c] = sum of D[i, j] over j with labels[j] = c; noise (-1) columns excluded, noise rows
 * filled. Float64 accumulation. O(n^2 / 2) reads, O(n k) memory.
 * @throws RangeError if labels.length != D.n.
 * @example dissimilaritySums(dissimilarity(2, Float64Array.of(0, 3, 3, 0)), Int32Array.of(0, 1), 2) // [0, 3, 3, 0]
 */
export function dissimilaritySums(D: Dissimilarity, labels: Labels, k: number): Float64Array {
  const { n, data } = D;
  if (labels.length !== n)
    throw new RangeError(`dissimilaritySums: labels.length (${labels.length}) != n (${n})`);
  const sums = new Float64Array(n * k);
  for (let i0 = 0; i0 < n; i0 += DISSIMILARITY_BLOCK) {
    const i1 = Math.min(n, i0 + DISSIMILARITY_BLOCK);
    for (let j0 = i0; j0 < n; j0 += DISSIMILARITY_BLOCK) {
      const j1 = Math.min(n, j0 + DISSIMILARITY_BLOCK);
      for (let i = i0; i < i1; i++) {
        const li = labels[i];
        const row = i * n;
        const own = i * k;
        // In the diagonal block only j > i; D[i, i] = 0 adds nothing.
        for (let j = j0 === i0 ? i + 1 : j0; j < j1; j++) {
          const v = data[row + j];
          const lj = labels[j];
          if (lj >= 0) sums[own + lj] += v;
          if (li >= 0) sums[j * k + li] += v;
        }
      }
    }
  }
  return sums;
}
