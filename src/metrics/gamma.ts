/**
 * Baker-Hubert gamma (Baker & Hubert 1975; Goodman-Kruskal gamma between pair distances and the
 * between-cluster indicator; fpc's `g2`): over all (within pair, between pair) comparisons,
 * s+ counts within < between (concordant) and s- within > between, gamma = (s+ - s-) / (s+ + s-).
 * Ties count in neither. 1 is best. Noise excluded.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { internalDegeneracy } from './cluster-sizes.js';
import type { Dissimilarity } from '../util/dissimilarity.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';
import { type PairDistances, pairDistances, type RankIndexOptions } from './pair-distances.js';

/** Gamma from collected pair distances by sorting both groups and merging. O(N log N). */
export function gammaFromPairs(p: PairDistances): MetricResult {
  const reason = internalDegeneracy(p.clusters, false);
  if (reason !== undefined) return degenerate(reason);
  const w = Float64Array.from(p.within).sort();
  const b = Float64Array.from(p.between).sort();
  let splus = 0;
  let sminus = 0;
  let lo = 0; // between values < w[i]
  let hi = 0; // between values <= w[i]
  for (let i = 0; i < w.length; i++) {
    while (lo < b.length && b[lo] < w[i]) lo++;
    if (hi < lo) hi = lo;
    while (hi < b.length && b[hi] <= w[i]) hi++;
    sminus += lo;
    splus += b.length - hi;
  }
  if (splus + sminus === 0) return degenerate('all comparisons tied');
  return metricValue((splus - sminus) / (splus + sminus));
}

/**
 * Baker-Hubert gamma of labeled points. O(n^2 d + N log N) time, O(n^2) memory.
 * @throws RangeError on bad input or above `maxPoints` clustered points.
 */
export async function gamma(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: RankIndexOptions = {},
): Promise<MetricResult> {
  return gammaFromPairs(await pairDistances(input, labels, options, 'gamma'));
}
