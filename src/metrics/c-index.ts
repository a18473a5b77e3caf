/**
 * C-index (Hubert & Levin 1976; Gordon's G3, fpc's `g3`): where the sum of within-cluster
 * distances S_w falls between the sum of the n_w smallest and of the n_w largest of all pair
 * distances, C = (S_w - S_min) / (S_max - S_min). 0 is best. Noise excluded.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { internalDegeneracy } from './cluster-sizes.js';
import type { Dissimilarity } from '../util/dissimilarity.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';
import { type PairDistances, pairDistances, type RankIndexOptions } from './pair-distances.js';

/** C-index from collected pair distances. O(N log N) for N pairs. */
export function cIndexFromPairs(p: PairDistances): MetricResult {
  const reason = internalDegeneracy(p.clusters, false);
  if (reason !== undefined) return degenerate(reason);
  const nw = p.within.length;
  const all = new Float64Array(nw + p.between.length);
  all.set(p.within);
  all.set(p.between, nw);
  all.sort();
  let sw = 0;
  for (const v of p.within) sw += v;
  let smin = 0;
  let smax = 0;
  for (let i = 0; i < nw; i++) {
    smin += all[i];
    smax += all[all.length - 1 - i];
  }
  if (smax === smin) return degenerate('all distances equal');
  return metricValue((sw - smin) / (smax - smin));
}

/**
 * C-index of labeled points. O(n^2 d + N log N) time, O(n^2) memory.
 * @throws RangeError on bad input or above `maxPoints` clustered points.
 */
export async function cIndex(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: RankIndexOptions = {},
): Promise<MetricResult> {
  return cIndexFromPairs(await pairDistances(input, labels, options, 'cIndex'));
}
