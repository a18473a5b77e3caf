/** Calinski-Harabasz variance ratio (Calinski & Harabasz 1974), as scikit-learn 1.2. */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { type ClusterMoments, clusterMoments, dispersion } from './cluster-moments.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';

/**
 * CH = [B / (k - 1)] / [W / (n - k)] from mergeable moments. O(k d). Noise excluded.
 * Fewer than 2 clusters, or as many clusters as points: NaN with a reason; W = 0: 1 (scikit-learn).
 */
export function calinskiHarabaszFromMoments(m: ClusterMoments): MetricResult {
  const { within, between, clusters, points } = dispersion(m);
  if (points === 0) return degenerate(m.noise > 0 ? 'all noise' : 'no points');
  if (clusters < 2) return degenerate('one cluster');
  if (clusters >= points) return degenerate('every cluster is a singleton');
  if (within === 0) return metricValue(1);
  return metricValue((between * (points - clusters)) / (within * (clusters - 1)));
}

/**
 * Calinski-Harabasz index of labeled vectors (euclidean). O(n d).
 * @throws RangeError on a length mismatch, a label below -1 or a non-finite value.
 * @example calinskiHarabasz(X, labels).value
 */
export function calinskiHarabasz(X: Matrix, labels: Labels): MetricResult {
  return calinskiHarabaszFromMoments(clusterMoments(X, labels));
}
