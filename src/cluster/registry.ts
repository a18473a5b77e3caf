/**
 * One place that maps an algorithm name and one flat options object (the `segscope cluster` flags)
 * to a clusterer. Each entry says which options it uses, which it needs, and how it builds the
 * estimator; anything else is a usage error, all problems reported at once. Adding an algorithm is
 * one entry in `CLUSTERERS`.
 */
import type { DistanceMetric } from '../kernels/distance-metric.js';
import { type ConfigIssue, UsageError } from '../util/errors.js';
import type { ProgressCallback } from '../util/progress.js';
import { Agglomerative, type Linkage } from './agglomerative.js';
import type { Clusterer } from './clusterer.js';
import { Dbscan } from './dbscan.js';
import { GaussianMixture } from './gmm.js';
import { Hdbscan } from './hdbscan.js';
import type { CovarianceType } from './gmm-covariance.js';
import { KMeans } from './kmeans.js';
import { KMedoids } from './kmedoids.js';
import { MiniBatchKMeans } from './minibatch-kmeans.js';

/** Every algorithm name the CLI knows (some may not be built yet; see `CLUSTERERS`). */
export const CLUSTER_ALGOS = [
  'kmeans',
  'minibatch-kmeans',
  'dbscan',
  'hdbscan',
  'agglomerative',
  'gmm',
  'kmedoids',
] as const;
export type ClusterAlgo = (typeof CLUSTER_ALGOS)[number];

/** The union of all algorithms' hyperparameters; each algorithm reads the ones it `accepts`. */
export interface ClusterOptions {
  k?: number;
  eps?: number;
  minSamples?: number;
  minClusterSize?: number;
  linkage?: Linkage;
  covariance?: CovarianceType;
  nInit?: number;
  maxIter?: number;
  tol?: number;
  metric?: DistanceMetric;
  seed?: number;
  /** Not a hyperparameter: passed to algorithms that report progress. */
  onProgress?: ProgressCallback;
}

export type ClusterOptionName = Exclude<keyof ClusterOptions, 'onProgress'>;

/** How one algorithm is built from `ClusterOptions`. */
export interface ClustererEntry {
  accepts: readonly ClusterOptionName[];
  requires?: readonly ClusterOptionName[];
  create(options: ClusterOptions): Clusterer;
}

/** The algorithms available in this build. */
export const CLUSTERERS: Partial<Record<ClusterAlgo, ClustererEntry>> = {
  kmeans: {
    accepts: ['k', 'nInit', 'maxIter', 'tol', 'metric', 'seed'],
    requires: ['k'],
    create: (o) =>
      new KMeans(
        defined({
          k: o.k,
          nInit: o.nInit,
          maxIter: o.maxIter,
          tol: o.tol,
          metric: o.metric,
          seed: o.seed,
          onProgress: o.onProgress,
        }),
      ),
  },
  'minibatch-kmeans': {
    accepts: ['k', 'nInit', 'maxIter', 'tol', 'metric', 'seed'],
    requires: ['k'],
    create: (o) =>
      new MiniBatchKMeans(
        defined({
          k: o.k,
          nInit: o.nInit,
          maxIter: o.maxIter,
          tol: o.tol,
          metric: o.metric,
          seed: o.seed,
          onProgress: o.onProgress,
        }),
      ),
  },
  gmm: {
    accepts: ['k', 'covariance', 'nInit', 'maxIter', 'tol', 'metric', 'seed'],
    requires: ['k'],
    create: (o) =>
      new GaussianMixture(
        defined({
          k: o.k,
          covariance: o.covariance,
          nInit: o.nInit,
          maxIter: o.maxIter,
          tol: o.tol,
          metric: o.metric,
          seed: o.seed,
          onProgress: o.onProgress,
        }),
      ),
  },
  dbscan: {
    accepts: ['eps', 'minSamples', 'metric'],
    create: (o) => new Dbscan(defined({ eps: o.eps, minSamples: o.minSamples, metric: o.metric })),
  },
  hdbscan: {
    accepts: ['minClusterSize', 'minSamples', 'metric'],
    create: (o) =>
      new Hdbscan(defined({ minClusterSize: o.minClusterSize, minSamples: o.minSamples, metric: o.metric })),
  },
  agglomerative: {
    accepts: ['k', 'linkage', 'metric'],
    requires: ['k'],
    create: (o) => new Agglomerative(defined({ nClusters: o.k, linkage: o.linkage, metric: o.metric })),
  },
  kmedoids: {
    accepts: ['k', 'maxIter', 'metric', 'seed'],
    requires: ['k'],
    create: (o) =>
      new KMedoids(defined({ k: o.k, maxIterations: o.maxIter, metric: o.metric, seed: o.seed })),
  },
};

/**
 * Build the clusterer for `algo` from flat options.
 * @throws UsageError (exit 2) for an unknown or not-yet-built algorithm, a required option missing,
 *   or options the algorithm does not use (all listed at once; `seed` is accepted by all and ignored
 *   by dbscan, hdbscan and agglomerative, which are deterministic); RangeError from the constructor
 *   for bad values.
 * @example const c = createClusterer('kmeans', { k: 8, seed: 1 }); await c.fit(X);
 */
export function createClusterer(algo: string, options: ClusterOptions = {}): Clusterer {
  if (!(CLUSTER_ALGOS as readonly string[]).includes(algo)) {
    throw new UsageError(`cluster: unknown algorithm "${algo}"; known: ${CLUSTER_ALGOS.join(', ')}`);
  }
  const entry = CLUSTERERS[algo as ClusterAlgo];
  if (entry === undefined) {
    const built = Object.keys(CLUSTERERS).join(', ');
    throw new UsageError(`cluster: algorithm "${algo}" is not available in this build (available: ${built})`);
  }
  const issues: ConfigIssue[] = [];
  for (const name of entry.requires ?? [])
    if (options[name] === undefined) issues.push({ path: name, message: `is required by ${algo}` });
  for (const [name, value] of Object.entries(options)) {
    // A seed is accepted by every algorithm (tools pass it to all); the deterministic ones ignore it.
    if (name === 'onProgress' || name === 'seed' || value === undefined) continue;
    if (!entry.accepts.includes(name as ClusterOptionName))
      issues.push({ path: name, message: `is not used by ${algo}` });
  }
  if (issues.length > 0) throw new UsageError(`cluster: bad options for ${algo}`, issues);
  return entry.create(options);
}

/** The object without its undefined-valued keys, so constructor defaults apply to them. */
function defined<T extends object>(o: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<{
    [K in keyof T]: Exclude<T[K], undefined>;
  }>;
}
