import { assertMetric, type DistanceMetric } from '../kernels/distance-metric.js';
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import { randomSource } from '../util/random.js';
import type { Clusterer } from './clusterer.js';
import { type Dissimilarity, dissimilarityAccessor, dissimilarityFromRows } from './dissimilarity.js';
import { fasterPam, type PamResult } from './faster-pam.js';
import { buildInit, plusPlusInit } from './kmedoids-init.js';

/** BUILD (deterministic, PAM's) or k-medoids++ (seeded). */
export type KMedoidsInit = 'build' | 'k-medoids++';

export interface KMedoidsOptions {
  k: number;
  init: KMedoidsInit;
  /** Passes over all candidates at most. */
  maxIterations: number;
  seed: number;
  /** Used by `fit(X)` on vectors; `fitDissimilarity` takes any dissimilarity. */
  metric: DistanceMetric;
}

export const KMEDOIDS_DEFAULTS: Readonly<KMedoidsOptions> = {
  k: 8,
  init: 'build',
  maxIterations: 100,
  seed: 0,
  metric: 'euclidean',
};

/**
 * k-medoids by FasterPAM (Schubert & Rousseeuw 2021) on any dissimilarity: vectors through
 * `fit(X)` (Float64 euclidean or cosine), or a matrix / function through `fitDissimilarity` — for
 * instance optimal-matching distances between behavior sequences (`sequenceDistanceMatrix`).
 * Learned: `medoids` (row indices), `labels` (index into medoids), `cost` (total deviation).
 * O(n^2) per pass, usually a few passes.
 *
 * Degenerate input: k = n makes every object its own medoid (cost 0); identical objects are fine.
 * @throws RangeError for k not an integer in [1, n] (at fit), an unknown init or metric,
 *   maxIterations < 1, NaN/Inf in X, or a NaN dissimilarity.
 * @example const m = await new KMedoids({ k: 3 }).fitDissimilarity({ n, matrix: D })
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
    return this.fitDissimilarity(dissimilarityFromRows(X, this.params.metric, 'KMedoids.fit'));
  }

  /** Fit on a dissimilarity (matrix or function). */
  async fitDissimilarity(D: Dissimilarity): Promise<this> {
    const { n } = D;
    const { k } = this.params;
    if (k > n) throw new RangeError(`KMedoids.fit: k (${k}) > objects (${n})`);
    const dist = dissimilarityAccessor(D, 'KMedoids.fit');
    if ('matrix' in D) {
      for (let i = 0; i < D.matrix.length; i++) {
        if (Number.isNaN(D.matrix[i]))
          throw new RangeError(`KMedoids.fit: dissimilarity[${Math.floor(i / n)}, ${i % n}] is NaN`);
      }
    }
    const initial =
      this.params.init === 'build'
        ? buildInit(dist, n, k)
        : plusPlusInit(dist, n, k, randomSource(this.params.seed));
    this.#result = fasterPam(dist, n, initial, this.params.maxIterations);
    return this;
  }
}
