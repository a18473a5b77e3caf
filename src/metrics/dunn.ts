/**
 * Dunn index (Dunn 1974) and a generalized Dunn index of Bezdek & Pal (1998): average-linkage
 * separation (mean distance between two clusters' points) over the largest mean within-cluster
 * pair distance, instead of the closest pair over the widest pair, so a single outlying point
 * cannot decide it. Both as fpc's `cluster.stats` (`dunn`, `dunn2`). Higher is better. Noise
 * excluded.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { internalDegeneracy } from './cluster-sizes.js';
import type { Dissimilarity } from '../util/dissimilarity.js';
import type { DistanceOptions } from './distance-blocks.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';
import { type PairwiseSummary, pairwiseSummary } from './pairwise-summary.js';

/** Dunn = min between-cluster distance / max cluster diameter. O(k^2). */
export function dunnFromSummary(s: PairwiseSummary): MetricResult {
  const reason = internalDegeneracy(s.clusters, false);
  if (reason !== undefined) return degenerate(reason);
  const { k } = s.clusters;
  let minSep = Number.POSITIVE_INFINITY;
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++) minSep = Math.min(minSep, s.separation[a * k + b]);
  let maxDiam = Number.NEGATIVE_INFINITY;
  for (const d of s.diameter) if (!Number.isNaN(d)) maxDiam = Math.max(maxDiam, d);
  if (maxDiam === 0) return degenerate('every cluster has zero diameter');
  return metricValue(minSep / maxDiam);
}

/** Generalized Dunn = min mean between-cluster distance / max mean within-cluster distance. O(k^2). */
export function generalizedDunnFromSummary(s: PairwiseSummary): MetricResult {
  const reason = internalDegeneracy(s.clusters, false);
  if (reason !== undefined) return degenerate(reason);
  const { k, sizes } = s.clusters;
  let minBetween = Number.POSITIVE_INFINITY;
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++)
      minBetween = Math.min(minBetween, s.betweenSum[a * k + b] / (sizes[a] * sizes[b]));
  let maxWithin = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < k; a++)
    if (sizes[a] > 1) maxWithin = Math.max(maxWithin, s.withinSum[a] / ((sizes[a] * (sizes[a] - 1)) / 2));
  if (maxWithin === 0) return degenerate('every cluster has zero spread');
  return metricValue(minBetween / maxWithin);
}

/**
 * Dunn index of labeled points (vectors under `metric`, or a dissimilarity). O(n^2 d).
 * @throws RangeError on a length mismatch, a label below -1 or NaN.
 */
export async function dunn(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: DistanceOptions = {},
): Promise<MetricResult> {
  return dunnFromSummary(await pairwiseSummary(input, labels, options, 'dunn'));
}

/** Generalized (average-linkage) Dunn index. O(n^2 d). @throws RangeError as `dunn`. */
export async function generalizedDunn(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: DistanceOptions = {},
): Promise<MetricResult> {
  return generalizedDunnFromSummary(await pairwiseSummary(input, labels, options, 'generalizedDunn'));
}
