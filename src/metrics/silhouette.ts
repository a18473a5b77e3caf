/**
 * Silhouette (Rousseeuw 1987) per point, per cluster and overall, following scikit-learn 1.2:
 * a = mean distance to the own cluster's other points, b = smallest mean distance to another
 * cluster, s = (b - a) / max(a, b), and s = 0 for a point alone in its cluster.
 *
 * Noise rule: points labeled -1 are left out entirely (they are neither a cluster nor counted in
 * another's mean) and get `NaN` as their sample value; the report carries the noise fraction.
 */
import { clusterDistanceSumsFloat64 } from '../kernels/cluster-distance-sums-float64.js';
import { clusterDistanceSums } from '../kernels/kernels.js';
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import { checkLabels } from './check-input.js';
import { clusterSizes, internalDegeneracy } from './cluster-sizes.js';
import { type Dissimilarity, isDissimilarity, pointCount } from '../util/dissimilarity.js';
import { dissimilaritySums } from './dissimilarity-sums.js';
import { type DistanceOptions, distanceOptions } from './distance-blocks.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';

/** Everything one silhouette pass yields. */
export interface SilhouetteResult {
  /** Mean of the non-noise samples, or NaN with a reason. */
  score: MetricResult;
  /** Per point; NaN for noise. */
  samples: Float64Array;
  /** Mean silhouette per cluster, indexed by the original label (NaN for labels that do not occur). */
  byCluster: Float64Array;
  noiseFraction: number;
}

/**
 * Per point, sums of distances to each cluster, through the kernel entry point (`float32`), the
 * float64 reference path, or straight from a precomputed dissimilarity.
 */
async function distanceSums(
  input: Matrix | Dissimilarity,
  labels: Labels,
  k: number,
  options: Required<DistanceOptions>,
): Promise<Float64Array> {
  if (!isDissimilarity(input)) {
    return options.precision === 'float64'
      ? clusterDistanceSumsFloat64(input, labels, k, options.metric)
      : clusterDistanceSums(input, labels, k, options.metric);
  }
  return dissimilaritySums(input, labels, k);
}

/**
 * Silhouette samples, per-cluster means and score. O(n^2 d) time; memory O(n k) plus what the
 * kernel backend blocks (float32), O(n k) on the float64 path.
 * @throws RangeError on a length mismatch, a label below -1, a non-finite value, or a bad option.
 * @example (await silhouette(X, labels)).score.value
 */
export async function silhouette(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: DistanceOptions = {},
): Promise<SilhouetteResult> {
  const o = distanceOptions('silhouette', options);
  const n = pointCount(input);
  checkLabels('silhouette', labels, n);
  if (!isDissimilarity(input)) assertFinite(input, 'silhouette');
  const c = clusterSizes(labels);
  const noiseFraction = n === 0 ? 0 : c.noise / n;
  const samples = new Float64Array(n).fill(Number.NaN);
  let maxLabel = -1;
  for (const l of labels) if (l > maxLabel) maxLabel = l;
  const byCluster = new Float64Array(maxLabel + 1).fill(Number.NaN);
  const reason = internalDegeneracy(c, false);
  if (reason !== undefined) return { score: degenerate(reason), samples, byCluster, noiseFraction };
  const sums = await distanceSums(input, c.labels, c.k, o);
  const clusterTotals = new Float64Array(c.k);
  const originalLabel = new Int32Array(c.k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = c.labels[i];
    if (own < 0) continue;
    const s = silhouetteOfPoint(sums, i, own, c.sizes);
    samples[i] = s;
    originalLabel[own] = labels[i];
    clusterTotals[own] += s;
    total += s;
  }
  for (let j = 0; j < c.k; j++) byCluster[originalLabel[j]] = clusterTotals[j] / c.sizes[j];
  return { score: metricValue(total / (n - c.noise)), samples, byCluster, noiseFraction };
}

/** s(i) from its row of cluster distance sums; 0 for a singleton or when a = b = 0 (scikit-learn). */
export function silhouetteOfPoint(sums: Float64Array, row: number, own: number, sizes: Float64Array): number {
  const k = sizes.length;
  if (sizes[own] <= 1) return 0;
  const a = sums[row * k + own] / (sizes[own] - 1);
  let b = Number.POSITIVE_INFINITY;
  for (let j = 0; j < k; j++) if (j !== own && sizes[j] > 0) b = Math.min(b, sums[row * k + j] / sizes[j]);
  const m = Math.max(a, b);
  return m === 0 ? 0 : (b - a) / m;
}

/** The silhouette score alone (NaN when degenerate; see `silhouette` for the reason). */
export async function silhouetteScore(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: DistanceOptions = {},
): Promise<number> {
  return (await silhouette(input, labels, options)).score.value;
}

/** Silhouette per point (NaN for noise). */
export async function silhouetteSamples(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: DistanceOptions = {},
): Promise<Float64Array> {
  return (await silhouette(input, labels, options)).samples;
}
