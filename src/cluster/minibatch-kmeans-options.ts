/** Hyperparameters of `MiniBatchKMeans`, their scikit-learn defaults, and their checks. */
import type { DistanceMetric } from '../kernels/distance-metric.js';
import { assertMetric } from '../kernels/distance-metric.js';
import type { ProgressCallback } from '../util/progress.js';
import { checkKMeansOptions, type KMeansInit } from './kmeans-init.js';

export interface MiniBatchKMeansOptions {
  k: number;
  init: KMeansInit;
  /** Seedings tried; `auto` = 3 for random init, else 1 (scikit-learn >= 1.4). */
  nInit: number | 'auto';
  /** Passes over the data (steps = floor(maxIter * n / batchSize)). */
  maxIter: number;
  batchSize: number;
  /** Stop when the squared center shift of a step <= tol * mean feature variance; 0 disables. */
  tol: number;
  /** Stop after this many steps without a better smoothed batch inertia; 0 disables. */
  maxNoImprovement: number;
  /** Rows used to seed; default 3 * batchSize (at least 3k, at most n). */
  initSize?: number;
  reassignmentRatio: number;
  metric: DistanceMetric;
  seed: number;
  onProgress?: ProgressCallback;
}

export const MINIBATCH_KMEANS_DEFAULTS: Readonly<Omit<MiniBatchKMeansOptions, 'onProgress' | 'initSize'>> = {
  k: 8,
  init: 'k-means++',
  nInit: 'auto',
  maxIter: 100,
  batchSize: 1024,
  tol: 0,
  maxNoImprovement: 10,
  reassignmentRatio: 0.01,
  metric: 'euclidean',
  seed: 0,
};

/** @throws RangeError naming the option for any invalid value. */
export function checkMiniBatchKMeansOptions(o: MiniBatchKMeansOptions): void {
  checkKMeansOptions(o, 'minibatch-kmeans');
  assertMetric(o.metric, 'minibatch-kmeans');
  for (const [name, v] of [
    ['batchSize', o.batchSize],
    ['initSize', o.initSize],
  ] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1))
      throw new RangeError(`minibatch-kmeans: ${name} (${v}) must be a positive integer`);
  }
  if (!Number.isInteger(o.maxNoImprovement) || o.maxNoImprovement < 0) {
    throw new RangeError(
      `minibatch-kmeans: maxNoImprovement (${o.maxNoImprovement}) must be a non-negative integer`,
    );
  }
  if (!(o.reassignmentRatio >= 0))
    throw new RangeError(`minibatch-kmeans: reassignmentRatio (${o.reassignmentRatio}) must be >= 0`);
}
