/**
 * Seed stability: fit the same clusterer with several seeds on the same data and compare the
 * labelings pairwise with the adjusted Rand index (noise as singletons), and per cluster of the first
 * run its mean best-match Jaccard in the others. 1 means the seed does not matter; low values mean
 * the result is an accident of initialization.
 */
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import type { ProgressCallback } from '../util/progress.js';
import { randomSource } from '../util/random.js';
import { bestJaccard, distinctClusters } from './cluster-stability.js';
import type { ClustererFactory } from './clusterer-factory.js';
import { contingency } from './contingency.js';
import { adjustedRand } from './rand.js';

export interface SeedStabilityOptions {
  /** Number of fits (>= 2). */
  runs?: number;
  seed?: number;
  /** Called after every fit. */
  onProgress?: ProgressCallback;
}

export const SEED_STABILITY_DEFAULTS = { runs: 10, seed: 0 } as const;

export interface SeedStability {
  /** Mean and minimum ARI over all pairs of runs. */
  mean: number;
  min: number;
  /** runs x runs ARI matrix (row-major, diagonal 1). */
  ari: Float64Array;
  /** The labelings, one per run. */
  labelings: Labels[];
  /** Clusters of the first run, ascending, and each one's mean best-match Jaccard in the other runs. */
  clusters: Int32Array;
  clusterJaccard: Float64Array;
}

/**
 * Pairwise ARI between `runs` fits with seeds drawn from `seed`. Costs `runs` fits + O(runs^2 n).
 * @throws RangeError if runs < 2 or X holds NaN.
 */
export async function seedStability(
  factory: ClustererFactory,
  X: Matrix,
  options: SeedStabilityOptions = {},
): Promise<SeedStability> {
  const { runs, seed } = { ...SEED_STABILITY_DEFAULTS, ...options };
  if (!Number.isInteger(runs) || runs < 2)
    throw new RangeError(`seedStability: runs (${runs}) must be an integer >= 2`);
  assertFinite(X, 'seedStability');
  const random = randomSource(seed);
  const labelings: Labels[] = [];
  for (let r = 0; r < runs; r++)
    labelings.push(Int32Array.from((await factory(random.int(0x7fffffff)).fit(X)).labels));
  const ari = new Float64Array(runs * runs);
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let a = 0; a < runs; a++) {
    ari[a * runs + a] = 1;
    for (let b = a + 1; b < runs; b++) {
      const v = adjustedRand(contingency(labelings[a], labelings[b]));
      ari[a * runs + b] = ari[b * runs + a] = v;
      sum += v;
      min = Math.min(min, v);
    }
  }
  const clusters = distinctClusters(labelings[0]);
  const everyPoint = Int32Array.from({ length: X.rows }, (_, i) => i);
  const clusterJaccard = new Float64Array(clusters.length);
  for (let r = 1; r < runs; r++) {
    const best = bestJaccard(labelings[0], clusters, labelings[r], {
      data: X,
      points: everyPoint,
      rows: everyPoint,
    });
    for (let c = 0; c < clusters.length; c++) clusterJaccard[c] += best[c] / (runs - 1);
  }
  return { mean: sum / ((runs * (runs - 1)) / 2), min, ari, labelings, clusters, clusterJaccard };
}
