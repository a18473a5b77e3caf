import { assertMetric, type DistanceMetric } from '../kernels/distance-metric.js';
import type { Dissimilarity } from '../util/dissimilarity.js';
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import { randomSource } from '../util/random.js';
import type { Clusterer } from './clusterer.js';
import { fasterPam, type PamResult } from './faster-pam.js';
import { buildInit, plusPlusInit } from './kmedoids-init.js';
import { DENSE_DISSIMILARITY_MAX_ROWS, dissimilarityFromRows, rowDistance } from './row-dissimilarity.js';

/** BUILD (deterministic, PAM's) or k-medoids++ (seeded). */
export type KMedoidsInit = 'build' | 'k-medoids++';

export interface KMedoidsOptions {
  k: number;
  init: KMedoidsInit;
  /** Passes over all candidates at most. */
  maxIterations: number;
  seed: number;
  /** Used by `fit(X)` on vectors; `fitDissimilarity` and `fitDistance` take any dissimilarity. */
  metric: DistanceMetric;
  /**
   * `fit(X)` stores the n x n distances (8 n^2 bytes) up to this many rows and computes them on
   * demand above it (the same values, O(n d) memory, each pass recomputing them).
   */
  denseMaxRows: number;
}

export const KMEDOIDS_DEFAULTS: Readonly<KMedoidsOptions> = {
  k: 8,
  init: 'build',
  maxIterations: 100,
  seed: 0,
  metric: 'euclidean',
  denseMaxRows: DENSE_DISSIMILARITY_MAX_ROWS,
};

/**
 * k-medoids by FasterPAM (Schubert & Rousseeuw 2021) on any dissimilarity: vectors through
 * `fit(X)` (Float64 euclidean or cosine; stored up to `denseMaxRows` rows, 8000 by default, computed
 * on demand above), a `Dissimilarity` through `fitDissimilarity` — for instance optimal-matching
 * distances between behavior sequences (`sequenceDistanceMatrix`) — or a function of two indices
 * through `fitDistance`.
 * Learned: `medoids` (row indices), `labels` (index into medoids), `cost` (total deviation).
 * O(n^2) per pass, usually a few passes.
 *
 * Degenerate input: k = n makes every object its own medoid (cost 0); identical objects are fine.
 * @throws RangeError for k not an integer in [1, n] (at fit), an unknown init or metric,
 *   maxIterations < 1, or NaN/Inf in X.
 * @example const m = await new KMedoids({ k: 3 }).fitDissimilarity(sequenceDistanceMatrix(seqs))
 */
export class KMedoids implements Clusterer {
  readonly name = 'kmedoids';
  readonly params: Readonly<KMedoidsOptions>;
  #result: PamResult | undefined;

  constructor(options: Partial<KMedoidsOptions> = {}) {
    const p = { ...KMEDOIDS_DEFAULTS, ...options };
    if (!Number.isInteger(p.k) || p.k < 1)
      throw new RangeError(`KMedoids: k (${p.k}) must be a positive integer`);
    if (p.init !== 'build' && p.init !== 'k-medoids++')
      throw new RangeError(`KMedoids: init (${p.init}) must be build or k-medoids++`);
    if (!Number.isInteger(p.maxIterations) || p.maxIterations < 1) {
      throw new RangeError(`KMedoids: maxIterations (${p.maxIterations}) must be a positive integer`);
    }
    if (!Number.isFinite(p.seed)) throw new RangeError(`KMedoids: seed (${p.seed}) must be finite`);
    assertMetric(p.metric, 'KMedoids');
    if (!Number.isInteger(p.denseMaxRows) || p.denseMaxRows < 0)
      throw new RangeError(`KMedoids: denseMaxRows (${p.denseMaxRows}) must be a non-negative integer`);
    this.params = Object.freeze(p);
  }

  #state(field: string): PamResult {
    if (this.#result === undefined) throw new Error(`KMedoids: ${field} read before fit`);
    return this.#result;
  }
  get labels(): Labels {
    return this.#state('labels').assignment;
  }
  /** Row indices of the medoids; cluster c is `medoids[c]`. */
  get medoids(): Int32Array {
    return this.#state('medoids').medoids;
  }
  /** Total deviation: sum over objects of the dissimilarity to the nearest medoid. */
  get cost(): number {
    return this.#state('cost').cost;
  }
  get swaps(): number {
    return this.#state('swaps').swaps;
  }

  async fit(X: Matrix): Promise<this> {
    assertFinite(X, 'KMedoids.fit');
    const { metric } = this.params;
    if (X.rows > this.params.denseMaxRows)
      return this.fitDistance(X.rows, rowDistance(X, metric, 'KMedoids.fit'));
    return this.fitDissimilarity(dissimilarityFromRows(X, metric, 'KMedoids.fit'));
  }

  /** Fit on a precomputed dissimilarity (checked when built by `dissimilarity`). */
  async fitDissimilarity(D: Dissimilarity): Promise<this> {
    const { n, data } = D;
    return this.fitDistance(n, (i, j) => data[i * n + j]);
  }

  /**
   * Fit on n objects whose dissimilarity `distance(i, j)` is computed on demand (symmetric, zero
   * on the diagonal, never NaN), for n too large to store n^2 values.
   * @throws RangeError if n is not a non-negative integer or k > n.
   */
  async fitDistance(n: number, distance: (i: number, j: number) => number): Promise<this> {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`KMedoids.fitDistance: n (${n}) must be a non-negative integer`);
    const { k } = this.params;
    if (k > n) throw new RangeError(`KMedoids.fit: k (${k}) > objects (${n})`);
    const initial =
      this.params.init === 'build'
        ? buildInit(distance, n, k)
        : plusPlusInit(distance, n, k, randomSource(this.params.seed));
    this.#result = fasterPam(distance, n, initial, this.params.maxIterations);
    return this;
  }
}
