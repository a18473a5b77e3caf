/**
 * A dense Euclidean view of the common behavior space, for what needs coordinates (the winner's
 * silhouette plot, user maps, medoids). The winner's own embedding is not kept after fitting, and
 * the common space is where every candidate is judged anyway, so the report's geometry lives here.
 * Columns: the standardized activity features divided by sqrt(F) (total variance 1), then the
 * Hellinger coordinates sqrt(p_c) of the category distribution over the `categories` most frequent
 * buckets plus one `other` column (Euclidean distance there is sqrt(2) x the Hellinger distance).
 */
import { type Matrix, matrix } from '../util/matrix.js';
import type { BehaviorSpace } from './behavior-space.js';

/** Dense behavior rows. O(n (F + categories)). @throws RangeError if `categories` < 1. */
export function behaviorMatrix(space: BehaviorSpace, categories = 30): Matrix {
  if (!Number.isInteger(categories) || categories < 1)
    throw new RangeError(`behaviorMatrix: categories (${categories}) must be a positive integer`);
  const F = space.featureNames.length;
  const C = Math.min(categories, space.categories.dims - 1);
  const cols = F + C + 1;
  const X = matrix(space.n, cols);
  const scale = 1 / Math.sqrt(F);
  const share = new Float64Array(C + 1);
  for (let i = 0; i < space.n; i++) {
    const row = i * cols;
    for (let j = 0; j < F; j++) X.data[row + j] = space.features[i * F + j] * scale;
    share.fill(0);
    const { offsets, index, weight } = space.categories;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) share[Math.min(index[e], C)] += weight[e];
    for (let j = 0; j <= C; j++) X.data[row + F + j] = Math.sqrt(share[j]);
  }
  return X;
}
