/**
 * Point-biserial correlation between pair distances and the "different clusters" indicator
 * (Milligan 1981; fpc's `pearsongamma`, Halkidi et al.'s normalized gamma), and fpc's
 * within/between ratio `wb.ratio`. Noise excluded.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import type { Dissimilarity } from '../util/dissimilarity.js';
import type { DistanceOptions } from './distance-blocks.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';
import { type PairwiseSummary, pairwiseSummary } from './pairwise-summary.js';

/**
 * r = (mean_b - mean_w) sqrt(n_w n_b) / (N sd), sd the population deviation of all N distances:
 * Pearson's r with a 0/1 variable, from the two groups' moments. O(1) from the summary.
 */
export function pointBiserialFromSummary(s: PairwiseSummary): MetricResult {
  const { within: w, between: b } = s;
  if (s.clusters.labels.length === s.clusters.noise) return degenerate('all noise');
  if (b.count === 0) return degenerate('one cluster');
  if (w.count === 0) return degenerate('every cluster is a singleton');
  const N = w.count + b.count;
  const delta = b.mean - w.mean;
  const m2 = w.m2 + b.m2 + (delta * delta * w.count * b.count) / N;
  if (m2 === 0) return degenerate('all distances equal');
  const sd = Math.sqrt(m2 / N);
  return metricValue((delta * Math.sqrt(w.count * b.count)) / (N * sd));
}

/**
 * fpc's wb.ratio: size-weighted mean of the clusters' average within distances over the average
 * between-cluster distance. Lower is better. O(k).
 */
export function withinBetweenRatioFromSummary(s: PairwiseSummary): MetricResult {
  if (s.between.count === 0)
    return degenerate(s.clusters.labels.length === s.clusters.noise ? 'all noise' : 'one cluster');
  const { sizes, k } = s.clusters;
  let weighted = 0;
  let weight = 0;
  for (let a = 0; a < k; a++) {
    if (sizes[a] < 2) continue;
    weighted += sizes[a] * (s.withinSum[a] / ((sizes[a] * (sizes[a] - 1)) / 2));
    weight += sizes[a];
  }
  if (weight === 0) return degenerate('every cluster is a singleton');
  return metricValue(weighted / weight / s.between.mean);
}

/** Point-biserial correlation of labeled points. O(n^2 d). @throws RangeError on bad input. */
export async function pointBiserial(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: DistanceOptions = {},
): Promise<MetricResult> {
  return pointBiserialFromSummary(await pairwiseSummary(input, labels, options, 'pointBiserial'));
}

/** fpc's within/between ratio of labeled points. O(n^2 d). @throws RangeError on bad input. */
export async function withinBetweenRatio(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: DistanceOptions = {},
): Promise<MetricResult> {
  return withinBetweenRatioFromSummary(await pairwiseSummary(input, labels, options, 'withinBetweenRatio'));
}
