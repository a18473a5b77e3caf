/**
 * One sweep over all unordered pairs of clustered points, in row blocks of the distance matrix,
 * collecting what the pair-based indices need: per cluster the diameter and within-pair sums, per
 * cluster pair the minimum and sum of distances, and running moments of within- and
 * between-cluster distances (Welford, for a cancellation-free point-biserial correlation).
 * Noise (-1) is excluded.
 */
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import { checkLabels } from './check-input.js';
import { type ClusterSizes, clusterSizes } from './cluster-sizes.js';
import { type Dissimilarity, isDissimilarity, pointCount } from '../util/dissimilarity.js';
import { type DistanceOptions, distanceOptions, forEachDistanceBlock } from './distance-blocks.js';

export interface PairwiseSummary {
  clusters: ClusterSizes;
  /** Largest within-cluster distance per cluster (NaN for a singleton). */
  diameter: Float64Array;
  /** Sum of within-cluster distances per cluster (unordered pairs). */
  withinSum: Float64Array;
  /** k x k: smallest distance between clusters a and b (symmetric, diagonal unused). */
  separation: Float64Array;
  /** k x k: sum of distances between clusters a and b (symmetric). */
  betweenSum: Float64Array;
  within: RunningMoments;
  between: RunningMoments;
}

/** Count, mean and sum of squared deviations of a stream of values. */
export interface RunningMoments {
  count: number;
  mean: number;
  m2: number;
}

/**
 * The summary for labeled points in any input space. O(n^2 d) time, O(blockRows n + k^2) memory.
 * @throws RangeError on a length mismatch, a label below -1, NaN, or a bad option.
 */
export async function pairwiseSummary(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: DistanceOptions,
  caller: string,
): Promise<PairwiseSummary> {
  const o = distanceOptions(caller, options);
  const n = pointCount(input);
  checkLabels(caller, labels, n);
  if (!isDissimilarity(input)) assertFinite(input, caller);
  const clusters = clusterSizes(labels);
  const { k } = clusters;
  const lab = clusters.labels;
  const diameter = new Float64Array(k).fill(Number.NaN);
  const withinSum = new Float64Array(k);
  const separation = new Float64Array(k * k).fill(Number.POSITIVE_INFINITY);
  const betweenSum = new Float64Array(k * k);
  const within: RunningMoments = { count: 0, mean: 0, m2: 0 };
  const between: RunningMoments = { count: 0, mean: 0, m2: 0 };
  await forEachDistanceBlock(input, o, (start, end, D) => {
    for (let i = start; i < end; i++) {
      const a = lab[i];
      if (a < 0) continue;
      const row = (i - start) * n;
      for (let j = i + 1; j < n; j++) {
        const b = lab[j];
        if (b < 0) continue;
        const v = D[row + j];
        if (a === b) {
          if (!(v <= diameter[a])) diameter[a] = v;
          withinSum[a] += v;
          push(within, v);
        } else {
          if (v < separation[a * k + b]) separation[a * k + b] = separation[b * k + a] = v;
          betweenSum[a * k + b] += v;
          betweenSum[b * k + a] += v;
          push(between, v);
        }
      }
    }
  });
  return { clusters, diameter, withinSum, separation, betweenSum, within, between };
}

function push(m: RunningMoments, v: number): void {
  m.count++;
  const d = v - m.mean;
  m.mean += d / m.count;
  m.m2 += d * (v - m.mean);
}
