/**
 * The float64 form of `clusterDistanceSums` for chosen rows: per query row, the sum of distances to
 * every point of each cluster, with distances from `distanceRowsFloat64`. Memory O(n + rows * k);
 * the accuracy path of silhouette (scikit-learn agreement to 1e-9) and of sampled silhouette.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import type { DistanceMetric } from './distance-metric.js';
import { distanceRowsFloat64, rowNormsFloat64 } from './distances-float64.js';

/**
 * sums[r*k + c] = sum over j with labels[j] = c of dist(x_{rows[r]}, x_j); noise (-1) excluded.
 * O(|rows| n d) time, O(n + |rows| k) memory.
 * @throws RangeError if labels.length != X.rows.
 */
export function clusterDistanceSumsFloat64(
  X: Matrix,
  labels: Labels,
  k: number,
  metric: DistanceMetric,
  rows?: Int32Array,
): Float64Array {
  if (labels.length !== X.rows)
    throw new RangeError(`clusterDistanceSumsFloat64: labels.length (${labels.length}) != rows (${X.rows})`);
  const n = X.rows;
  const query = rows ?? Int32Array.from({ length: n }, (_, i) => i);
  const norms = metric === 'cosine' ? rowNormsFloat64(X, 'clusterDistanceSumsFloat64') : undefined;
  const sums = new Float64Array(query.length * k);
  const D = new Float64Array(n);
  for (let r = 0; r < query.length; r++) {
    distanceRowsFloat64(X, query[r], query[r] + 1, metric, norms, D);
    const o = r * k;
    for (let j = 0; j < n; j++) {
      const c = labels[j];
      if (c >= 0) sums[o + c] += D[j];
    }
  }
  return sums;
}
