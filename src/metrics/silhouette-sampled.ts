/**
 * Silhouette estimated from a stratified sample with a confidence interval. Each sampled point's
 * silhouette is exact (its distances to all n points), and the sample is stratified by cluster
 * with at least `minPerCluster` points from every cluster, so small clusters are never dropped.
 * Estimator and variance are the textbook stratified ones (Cochran 1977, ch. 5):
 *
 *   score = sum_c W_c mean_c,  Var = sum_c W_c^2 (1 - m_c/n_c) s_c^2 / m_c,  W_c = n_c / n
 *
 * with a normal-approximation interval. Noise (-1) is excluded as in `silhouette`.
 */
import { clusterDistanceSumsFloat64 } from '../kernels/cluster-distance-sums-float64.js';
import { clusterDistanceSumsOfRows } from '../kernels/cluster-distance-sums-rows.js';
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import { randomSource } from '../util/random.js';
import { checkLabels } from './check-input.js';
import { type ClusterSizes, clusterSizes, internalDegeneracy } from './cluster-sizes.js';
import { type DistanceOptions, distanceOptions } from './distance-blocks.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';
import { normalQuantile } from './normal-quantile.js';
import { silhouetteOfPoint } from './silhouette.js';

export interface SampledSilhouetteOptions extends DistanceOptions {
  /** Total number of sampled points (before the per-cluster minimum is applied). */
  sampleSize: number;
  seed: number;
  /** Every cluster contributes at least min(size, minPerCluster) points. */
  minPerCluster?: number;
  /** Coverage of the interval. */
  confidence?: number;
}

export const SAMPLED_SILHOUETTE_DEFAULTS = { minPerCluster: 10, confidence: 0.95 } as const;

export interface SampledSilhouette {
  score: MetricResult;
  lower: number;
  upper: number;
  standardError: number;
  /** Points actually sampled (row indices, by cluster). */
  rows: Int32Array;
}

/**
 * Stratified-sample silhouette with a confidence interval. O(m n d) for m sampled points.
 * Same seed, same sample, same numbers.
 * @throws RangeError for a bad sampleSize, minPerCluster, confidence, length mismatch or NaN.
 */
export async function silhouetteSampled(
  X: Matrix,
  labels: Labels,
  options: SampledSilhouetteOptions,
): Promise<SampledSilhouette> {
  const o = distanceOptions('silhouetteSampled', options);
  const { sampleSize, seed } = options;
  const { minPerCluster, confidence } = { ...SAMPLED_SILHOUETTE_DEFAULTS, ...options };
  if (!Number.isInteger(sampleSize) || sampleSize < 1)
    throw new RangeError(`silhouetteSampled: sampleSize (${sampleSize}) must be a positive integer`);
  if (!Number.isInteger(minPerCluster) || minPerCluster < 1)
    throw new RangeError(`silhouetteSampled: minPerCluster (${minPerCluster}) must be a positive integer`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`silhouetteSampled: confidence (${confidence}) must be in (0, 1)`);
  checkLabels('silhouetteSampled', labels, X.rows);
  assertFinite(X, 'silhouetteSampled');
  const c = clusterSizes(labels);
  const reason = internalDegeneracy(c, false);
  if (reason !== undefined)
    return {
      score: degenerate(reason),
      lower: Number.NaN,
      upper: Number.NaN,
      standardError: Number.NaN,
      rows: new Int32Array(0),
    };
  const points = X.rows - c.noise;
  const { rows, take } = stratifiedSample(c, sampleSize, minPerCluster, seed);
  const sums =
    o.precision === 'float64'
      ? clusterDistanceSumsFloat64(X, c.labels, c.k, o.metric, rows)
      : await clusterDistanceSumsOfRows(X, c.labels, c.k, o.metric, rows, o.blockRows);
  let estimate = 0;
  let variance = 0;
  let offset = 0;
  for (let j = 0; j < c.k; j++) {
    const m = take[j];
    let sum = 0;
    let sumSq = 0;
    for (let t = 0; t < m; t++) {
      const s = silhouetteOfPoint(sums, offset + t, j, c.sizes);
      sum += s;
      sumSq += s * s;
    }
    offset += m;
    const mean = sum / m;
    const weight = c.sizes[j] / points;
    estimate += weight * mean;
    if (m > 1) {
      const s2 = (sumSq - m * mean * mean) / (m - 1);
      variance += (weight * weight * (1 - m / c.sizes[j]) * Math.max(0, s2)) / m;
    }
  }
  const standardError = Math.sqrt(variance);
  const z = normalQuantile(0.5 + confidence / 2);
  return {
    score: metricValue(estimate),
    lower: estimate - z * standardError,
    upper: estimate + z * standardError,
    standardError,
    rows,
  };
}

/**
 * A sample of `sampleSize` clustered points stratified by cluster: proportional allocation with at
 * least min(size, minPerCluster) per cluster, uniform without replacement inside each cluster.
 * Rows come grouped by compacted cluster (take[c] of them for cluster c). O(n). Seeded.
 */
export function stratifiedSample(
  c: ClusterSizes,
  sampleSize: number,
  minPerCluster: number,
  seed: number,
): { rows: Int32Array; take: Int32Array } {
  const points = c.labels.length - c.noise;
  const members: number[][] = Array.from({ length: c.k }, () => []);
  for (let i = 0; i < c.labels.length; i++) if (c.labels[i] >= 0) members[c.labels[i]].push(i);
  const random = randomSource(seed);
  const chosen: number[] = [];
  const take = new Int32Array(c.k);
  for (let j = 0; j < c.k; j++) {
    const pool = members[j];
    const size = pool.length;
    take[j] = Math.min(
      size,
      Math.max(Math.min(size, minPerCluster), Math.round((sampleSize * size) / points)),
    );
    // Partial Fisher-Yates: the first take[j] entries become a uniform sample without replacement.
    for (let t = 0; t < take[j]; t++) {
      const r = t + random.int(size - t);
      const tmp = pool[t];
      pool[t] = pool[r];
      pool[r] = tmp;
      chosen.push(pool[t]);
    }
  }
  return { rows: Int32Array.from(chosen), take };
}
