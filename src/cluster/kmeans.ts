/**
 * k-means clustering (scikit-learn's `KMeans` semantics): greedy k-means++, random or given initial
 * centers, `nInit` restarts keeping the lowest inertia, Lloyd or Hamerly iterations, sample weights,
 * scikit-learn's variance-relative `tol` and empty-cluster relocation.
 *
 * Under `metric: 'cosine'` this is spherical k-means: rows are scaled to unit length and centers are
 * renormalized after every update, so nearest-center = most cosine-similar center; `inertia` is then
 * sum w_i ||x_i/|x_i| - c||^2 = 2 * sum w_i (1 - cos(x_i, c)).
 *
 * Degenerate data: with fewer distinct points than k (e.g. all rows identical), scikit-learn's rules
 * give duplicate centers; ties go to the lowest center index, so some clusters stay empty (all
 * identical rows: every label 0, inertia 0) — exactly what scikit-learn returns.
 */
import type { DistanceMetric } from '../kernels/distance-metric.js';
import { assertMetric } from '../kernels/distance-metric.js';
import { centerAssigner, nearestRows } from '../kernels/kernels.js';
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import type { ProgressCallback } from '../util/progress.js';
import { randomSource } from '../util/random.js';
import type { Clusterer } from './clusterer.js';
import { hamerlyKMeans } from './kmeans-hamerly.js';
import { checkKMeansOptions, initialCenters, type KMeansInit } from './kmeans-init.js';
import { checkSampleWeight, prepareKMeansInput, preparePredictInput } from './kmeans-input.js';
import { type KMeansRun, lloydKMeans } from './kmeans-lloyd.js';
import { kmeansTolerance } from './kmeans-measures.js';

export type { KMeansInit } from './kmeans-init.js';
/** `lloyd` makes one `centerAssigner` pass over X per iteration; `hamerly` skips most distances with bounds. */
export type KMeansAlgorithm = 'lloyd' | 'hamerly';

export interface KMeansOptions {
  /** Number of clusters. */
  k: number;
  init: KMeansInit;
  /** Restarts; `auto` = 10 for random init, else 1 (scikit-learn >= 1.4). */
  nInit: number | 'auto';
  maxIter: number;
  /** Stop when the total squared center shift <= tol * mean feature variance (scikit-learn). */
  tol: number;
  algorithm: KMeansAlgorithm;
  metric: DistanceMetric;
  seed: number;
  onProgress?: ProgressCallback;
}

export const KMEANS_DEFAULTS: Readonly<Omit<KMeansOptions, 'onProgress'>> = {
  k: 8,
  init: 'k-means++',
  nInit: 'auto',
  maxIter: 300,
  tol: 1e-4,
  algorithm: 'lloyd',
  metric: 'euclidean',
  seed: 0,
};

interface KMeansState extends KMeansRun {
  cols: number;
}

/**
 * k-means estimator. `fit(X, sampleWeight?)` then read `labels`, `centroids`, `inertia`, `nIter`.
 * Cost O(nInit * nIter * n k d) for Lloyd.
 * @throws RangeError from the constructor for bad options; from `fit` when k > rows, for NaN/Inf
 *   (naming row and column), or a zero row under cosine.
 * @example const km = await new KMeans({ k: 3, seed: 1 }).fit(X); km.labels; km.inertia
 */
export class KMeans implements Clusterer {
  readonly name = 'kmeans';
  readonly params: Readonly<Record<string, unknown>>;
  private readonly options: KMeansOptions;
  private state: KMeansState | undefined;

  constructor(options: Partial<KMeansOptions> = {}) {
    this.options = { ...KMEANS_DEFAULTS, ...options };
    checkKMeansOptions(this.options, 'kmeans');
    assertMetric(this.options.metric, 'kmeans');
    if (this.options.algorithm !== 'lloyd' && this.options.algorithm !== 'hamerly') {
      throw new RangeError(`kmeans: algorithm (${this.options.algorithm}) must be lloyd or hamerly`);
    }
    const { onProgress: _, init, ...rest } = this.options;
    this.params = { ...rest, init: typeof init === 'string' ? init : 'given' };
  }

  async fit(X: Matrix, sampleWeight?: ArrayLike<number>): Promise<this> {
    const o = this.options;
    if (X.rows < o.k) throw new RangeError(`kmeans: k (${o.k}) > rows (${X.rows})`);
    const weight = checkSampleWeight(sampleWeight, X.rows, 'kmeans');
    const data = prepareKMeansInput(X, o.metric, 'kmeans');
    const tol = kmeansTolerance(data, o.tol);
    const nInit = o.nInit === 'auto' ? (o.init === 'random' ? 10 : 1) : o.nInit;
    const random = randomSource(o.seed);
    const iterate = o.algorithm === 'hamerly' ? hamerlyKMeans : lloydKMeans;
    // X prepared once (a copy of it, see centerAssigner) for k-means++, Lloyd and Hamerly's full
    // searches, across all restarts.
    const assigner = await centerAssigner(data, weight);
    let best: KMeansRun | undefined;
    try {
      for (let run = 0; run < nInit; run++) {
        const init = await initialCenters(data, o.init, o.k, random, weight, o.metric, 'kmeans', assigner);
        const task = `kmeans k=${o.k}${nInit > 1 ? ` init ${run + 1}/${nInit}` : ''}`;
        const result = await iterate(data, weight, init, {
          maxIter: o.maxIter,
          tol,
          spherical: o.metric === 'cosine',
          onProgress: o.onProgress,
          task,
          assigner,
        });
        if (best === undefined || result.inertia < best.inertia) best = result;
      }
    } finally {
      assigner.release();
    }
    this.state = { ...best!, cols: X.cols };
    return this;
  }

  /** Nearest fitted centroid (under the fitted metric) for each row of X. O(n k d). */
  async predict(X: Matrix): Promise<Labels> {
    const s = this.fitted('predict');
    return (
      await nearestRows(preparePredictInput(X, s.cols, this.options.metric, 'kmeans.predict'), s.centers)
    ).index;
  }

  get labels(): Labels {
    return this.fitted('labels').labels;
  }

  /** k x d centers in the input space (unit vectors under cosine). */
  get centroids(): Matrix {
    return this.fitted('centroids').centers;
  }

  /** Weighted sum of squared distances of rows to their centers (see the file comment for cosine). */
  get inertia(): number {
    return this.fitted('inertia').inertia;
  }

  /** Iterations run by the best restart. */
  get nIter(): number {
    return this.fitted('nIter').nIter;
  }

  private fitted(what: string): KMeansState {
    if (this.state === undefined) throw new Error(`kmeans: ${what} read before fit`);
    return this.state;
  }
}
