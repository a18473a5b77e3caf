/**
 * Per-cluster stability under resampling, as Hennig's clusterboot (Hennig 2007, "Cluster-wise
 * assessment of cluster stability", CSDA 52; fpc 2.2 `clusterboot`): cluster the data once, then
 * perturb it `runs` times (bootstrap, subset, jitter or noise replacement), re-cluster, and record
 * for every original cluster the best Jaccard similarity with any new cluster on the points both
 * share. Verdicts on the mean Jaccard use Hennig's thresholds: <= 0.5 dissolved, >= 0.75 stable,
 * >= 0.85 highly stable (in between: doubtful). Noise (-1) is not a cluster.
 */
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import type { ProgressCallback } from '../util/progress.js';
import { randomSource } from '../util/random.js';
import type { ClustererFactory } from './clusterer-factory.js';
import {
  bootstrapPerturbation,
  jitterPerturbation,
  jitterScales,
  noisePerturbation,
  type Perturbed,
  type PrincipalAxes,
  principalAxes,
  subsetPerturbation,
} from './perturbations.js';

export type PerturbationMethod = 'boot' | 'subset' | 'jitter' | 'noise';
export const PERTURBATION_METHODS: readonly PerturbationMethod[] = ['boot', 'subset', 'jitter', 'noise'];
export type StabilityVerdict = 'dissolved' | 'doubtful' | 'stable' | 'highly stable';

export interface ClusterStabilityOptions {
  method?: PerturbationMethod;
  runs?: number;
  seed?: number;
  /** Points per subset (`subset`); default floor(n / 2) as fpc. */
  subsetSize?: number;
  /** Quantile of positive projection gaps used as jitter sd (`jitter`); fpc's 0.05. */
  jitterQuantile?: number;
  /** Probability of replacing a point by noise, and the noise range in sd (`noise`); fpc's 0.05, 4. */
  noiseFraction?: number;
  noiseScale?: number;
  /** Called after every re-run (`clusterboot <method>`, done of runs). */
  onProgress?: ProgressCallback;
}

export const CLUSTER_STABILITY_DEFAULTS = {
  method: 'boot',
  runs: 100,
  seed: 0,
  jitterQuantile: 0.05,
  noiseFraction: 0.05,
  noiseScale: 4,
} as const;

export interface ClusterStability {
  /** The clustering being assessed (fitted on the full data with `seed`). */
  labels: Labels;
  /** Original cluster labels assessed, ascending. */
  clusters: Int32Array;
  /** clusters.length x runs best-match Jaccard values, row-major. */
  jaccard: Float64Array;
  meanJaccard: Float64Array;
  /** Runs in which the cluster dissolved (Jaccard <= 0.5) and was recovered (> 0.75), as fpc's brd/recover. */
  dissolvedRuns: Int32Array;
  recoveredRuns: Int32Array;
  verdicts: StabilityVerdict[];
  /** Mean of the clusters' mean Jaccard values. */
  overall: number;
}

/** Hennig's verdict for a mean Jaccard value. */
export function stabilityVerdict(meanJaccard: number): StabilityVerdict {
  if (meanJaccard <= 0.5) return 'dissolved';
  if (meanJaccard >= 0.85) return 'highly stable';
  if (meanJaccard >= 0.75) return 'stable';
  return 'doubtful';
}

/**
 * Resampling stability of every cluster found by `factory(seed)` on X. Costs runs + 1 fits.
 * Same seed, same result.
 * @throws RangeError for bad options, NaN in X, or a clusterer that finds no cluster.
 */
export async function clusterStability(
  factory: ClustererFactory,
  X: Matrix,
  options: ClusterStabilityOptions = {},
): Promise<ClusterStability> {
  const o = { ...CLUSTER_STABILITY_DEFAULTS, subsetSize: Math.floor(X.rows / 2), ...options };
  if (!PERTURBATION_METHODS.includes(o.method))
    throw new RangeError(
      `clusterStability: method (${o.method}) must be one of ${PERTURBATION_METHODS.join(', ')}`,
    );
  if (!Number.isInteger(o.runs) || o.runs < 1)
    throw new RangeError(`clusterStability: runs (${o.runs}) must be a positive integer`);
  if (!Number.isInteger(o.subsetSize) || o.subsetSize < 2 || o.subsetSize > X.rows)
    throw new RangeError(
      `clusterStability: subsetSize (${o.subsetSize}) must be an integer in [2, ${X.rows}]`,
    );
  if (!(o.noiseFraction >= 0 && o.noiseFraction < 1))
    throw new RangeError(`clusterStability: noiseFraction (${o.noiseFraction}) must be in [0, 1)`);
  assertFinite(X, 'clusterStability');
  const random = randomSource(o.seed);
  const labels = (await factory(random.int(0x7fffffff)).fit(X)).labels;
  const clusters = distinctClusters(labels);
  if (clusters.length === 0)
    throw new RangeError('clusterStability: the clusterer found no cluster (all noise)');
  let axes: PrincipalAxes | undefined;
  let scales: Float64Array | undefined;
  if (o.method === 'jitter' || o.method === 'noise') axes = principalAxes(X);
  if (o.method === 'jitter') scales = jitterScales(X, axes as PrincipalAxes, o.jitterQuantile);
  const k = clusters.length;
  const jaccard = new Float64Array(k * o.runs);
  for (let run = 0; run < o.runs; run++) {
    const stream = random.fork();
    let p: Perturbed;
    if (o.method === 'boot') p = bootstrapPerturbation(X, stream);
    else if (o.method === 'subset') p = subsetPerturbation(X, o.subsetSize, stream);
    else if (o.method === 'jitter')
      p = jitterPerturbation(X, axes as PrincipalAxes, scales as Float64Array, stream);
    else p = noisePerturbation(X, axes as PrincipalAxes, o.noiseFraction, o.noiseScale, stream);
    const fresh = (await factory(stream.int(0x7fffffff)).fit(p.data)).labels;
    const best = bestJaccard(labels, clusters, fresh, p);
    for (let c = 0; c < k; c++) jaccard[c * o.runs + run] = best[c];
    options.onProgress?.({ task: `clusterboot ${o.method}`, done: run + 1, total: o.runs });
  }
  const meanJaccard = new Float64Array(k);
  const dissolvedRuns = new Int32Array(k);
  const recoveredRuns = new Int32Array(k);
  for (let c = 0; c < k; c++) {
    for (let run = 0; run < o.runs; run++) {
      const v = jaccard[c * o.runs + run];
      meanJaccard[c] += v / o.runs;
      if (v <= 0.5) dissolvedRuns[c]++;
      if (v > 0.75) recoveredRuns[c]++;
    }
  }
  const verdicts = Array.from(meanJaccard, stabilityVerdict);
  const overall = meanJaccard.reduce((s, v) => s + v, 0) / k;
  return { labels, clusters, jaccard, meanJaccard, dissolvedRuns, recoveredRuns, verdicts, overall };
}

/** Non-noise labels present, ascending. */
export function distinctClusters(labels: Labels): Int32Array {
  const set = new Set<number>();
  for (const l of labels) if (l >= 0) set.add(l);
  return Int32Array.from(Array.from(set).sort((a, b) => a - b));
}

/**
 * For each original cluster, max over new clusters of |A ∩ B| / |A ∪ B| on the compared points
 * (A: original members among them, B: new members among them); 0 when both are empty (fpc's
 * zerobyzero = 0). O(points + cells).
 */
export function bestJaccard(
  original: Labels,
  clusters: Int32Array,
  fresh: Labels,
  p: Perturbed,
): Float64Array {
  const index = new Map<number, number>();
  for (let i = 0; i < clusters.length; i++) index.set(clusters[i], i);
  const sizeA = new Float64Array(clusters.length);
  const sizeB = new Map<number, number>();
  const both = new Map<number, number>();
  for (let t = 0; t < p.points.length; t++) {
    const a = original[p.points[t]];
    const b = fresh[p.rows[t]];
    const ia = a >= 0 ? index.get(a) : undefined;
    if (ia !== undefined) sizeA[ia]++;
    if (b >= 0) sizeB.set(b, (sizeB.get(b) ?? 0) + 1);
    if (ia !== undefined && b >= 0) {
      const key = ia * 0x100000000 + b;
      both.set(key, (both.get(key) ?? 0) + 1);
    }
  }
  const best = new Float64Array(clusters.length);
  for (const [key, count] of both) {
    const ia = Math.floor(key / 0x100000000);
    const b = key - ia * 0x100000000;
    const j = count / (sizeA[ia] + (sizeB.get(b) as number) - count);
    if (j > best[ia]) best[ia] = j;
  }
  return best;
}
