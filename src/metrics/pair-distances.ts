/**
 * All within-cluster and all between-cluster pair distances of clustered points, for the
 * rank-based indices (C-index, Baker-Hubert gamma). O(n^2) memory by nature, so capped.
 */
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import { checkLabels } from './check-input.js';
import { type ClusterSizes, clusterSizes } from './cluster-sizes.js';
import { type Dissimilarity, isDissimilarity, pointCount } from '../util/dissimilarity.js';
import { type DistanceOptions, distanceOptions, forEachDistanceBlock } from './distance-blocks.js';

export interface RankIndexOptions extends DistanceOptions {
  /** Largest number of clustered points accepted (memory is 4 n^2 bytes); sample above it. */
  maxPoints?: number;
}

export interface PairDistances {
  clusters: ClusterSizes;
  within: Float64Array;
  between: Float64Array;
}

/**
 * Within and between pair distances (unordered pairs, noise excluded). O(n^2 d) time, O(n^2) memory.
 * @throws RangeError on bad input, or more than `maxPoints` (default 10,000) clustered points.
 */
export async function pairDistances(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: RankIndexOptions,
  caller: string,
): Promise<PairDistances> {
  const o = distanceOptions(caller, options);
  const maxPoints = options.maxPoints ?? 10_000;
  const n = pointCount(input);
  checkLabels(caller, labels, n);
  if (!isDissimilarity(input)) assertFinite(input, caller);
  const clusters = clusterSizes(labels);
  const points = n - clusters.noise;
  if (points > maxPoints)
    throw new RangeError(
      `${caller}: ${points} clustered points exceed maxPoints (${maxPoints}); it needs all n^2/2 pair distances, so evaluate a sample`,
    );
  let nw = 0;
  for (const s of clusters.sizes) nw += (s * (s - 1)) / 2;
  const within = new Float64Array(nw);
  const between = new Float64Array((points * (points - 1)) / 2 - nw);
  let iw = 0;
  let ib = 0;
  const lab = clusters.labels;
  await forEachDistanceBlock(input, o, (start, end, D) => {
    for (let i = start; i < end; i++) {
      if (lab[i] < 0) continue;
      const row = (i - start) * n;
      for (let j = i + 1; j < n; j++) {
        if (lab[j] < 0) continue;
        if (lab[i] === lab[j]) within[iw++] = D[row + j];
        else between[ib++] = D[row + j];
      }
    }
  });
  return { clusters, within, between };
}
