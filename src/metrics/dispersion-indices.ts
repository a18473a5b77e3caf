/**
 * The sums-of-squares family, all from mergeable `ClusterMoments`: within-cluster sum of squares
 * (the k-means objective), R^2 (share of variance explained by the partition; Milligan & Cooper
 * 1985), and Ball-Hall (Ball & Hall 1965: mean over clusters of the mean squared distance to the
 * cluster centroid). Euclidean; noise excluded.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { type ClusterMoments, clusterMoments, dispersion } from './cluster-moments.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';

/** WCSS = sum_c sum_{x in c} ||x - mean_c||^2. O(k d). No clustered point: NaN. */
export function wcssFromMoments(m: ClusterMoments): MetricResult {
  const { within, points } = dispersion(m);
  if (points === 0) return degenerate(m.noise > 0 ? 'all noise' : 'no points');
  return metricValue(within);
}

/** R^2 = 1 - W / T. O(k d). One cluster: NaN (0 by construction, uninformative); T = 0: NaN. */
export function rSquaredFromMoments(m: ClusterMoments): MetricResult {
  const { within, total, clusters, points } = dispersion(m);
  if (points === 0) return degenerate(m.noise > 0 ? 'all noise' : 'no points');
  if (clusters < 2) return degenerate('one cluster');
  if (total === 0) return degenerate('all points identical');
  return metricValue(1 - within / total);
}

/** Ball-Hall = (1/k) sum_c W_c / n_c. O(k d). No clustered point: NaN. */
export function ballHallFromMoments(m: ClusterMoments): MetricResult {
  let sum = 0;
  let clusters = 0;
  for (let c = 0; c < m.k; c++) {
    if (m.count[c] === 0) continue;
    sum += m.m2[c] / m.count[c];
    clusters++;
  }
  if (clusters === 0) return degenerate(m.noise > 0 ? 'all noise' : 'no points');
  return metricValue(sum / clusters);
}

/** WCSS of labeled vectors. O(n d). @throws RangeError on a length mismatch or NaN. */
export function wcss(X: Matrix, labels: Labels): MetricResult {
  return wcssFromMoments(clusterMoments(X, labels));
}

/** R^2 of labeled vectors. O(n d). @throws RangeError on a length mismatch or NaN. */
export function rSquared(X: Matrix, labels: Labels): MetricResult {
  return rSquaredFromMoments(clusterMoments(X, labels));
}

/** Ball-Hall index of labeled vectors. O(n d). @throws RangeError on a length mismatch or NaN. */
export function ballHall(X: Matrix, labels: Labels): MetricResult {
  return ballHallFromMoments(clusterMoments(X, labels));
}
