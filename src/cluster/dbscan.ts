import { assertMetric, type DistanceMetric } from '../kernels/distance-metric.js';
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import type { Clusterer } from './clusterer.js';
import { dbscanLabels } from './dbscan-labels.js';
import { dbscanOnTree } from './dbscan-tree.js';
import { epsNeighborhoods, KD_TREE_MAX_DIMS, metricRows } from './eps-neighborhoods.js';
import { buildKdTree } from './kd-tree.js';

/** DBSCAN hyperparameters. */
export interface DbscanOptions {
  /** Neighborhood radius; a pair is neighbors when distance <= eps. */
  eps: number;
  /** Points (the point itself included) a neighborhood needs for its center to be core. */
  minSamples: number;
  metric: DistanceMetric;
}

/** scikit-learn's defaults. */
export const DBSCAN_DEFAULTS: Readonly<DbscanOptions> = { eps: 0.5, minSamples: 5, metric: 'euclidean' };

/**
 * DBSCAN (Ester et al. 1996) with scikit-learn's core / border / noise semantics; see
 * `dbscan-labels.ts` for the border rule (labels equal scikit-learn's exactly on tie-free data).
 * Up to 12 dims it runs on a k-d tree without storing neighborhoods (`dbscan-tree.ts`, memory O(n));
 * above, on neighborhoods from the `radiusNeighbors` kernel (blocked brute force, memory O(pairs)).
 * O(n log n + pairs) in low dims, O(n^2 d) in high dims.
 *
 * Degenerate input: no rows gives empty labels; minSamples > n gives all noise (as scikit-learn);
 * duplicates are ordinary neighbors at distance 0.
 * @throws RangeError for eps <= 0 or not finite, minSamples not a positive integer, an unknown
 *   metric, NaN/Inf in X, or a zero row under cosine.
 * @example const { labels } = await new Dbscan({ eps: 0.3, minSamples: 4 }).fit(X)
 */
export class Dbscan implements Clusterer {
  readonly name = 'dbscan';
  readonly params: Readonly<DbscanOptions>;
  #labels: Labels | undefined;
  #isCore: Uint8Array | undefined;

  constructor(options: Partial<DbscanOptions> = {}) {
    const p = { ...DBSCAN_DEFAULTS, ...options };
    if (!(p.eps > 0) || !Number.isFinite(p.eps))
      throw new RangeError(`Dbscan: eps (${p.eps}) must be a positive finite number`);
    if (!Number.isInteger(p.minSamples) || p.minSamples < 1) {
      throw new RangeError(`Dbscan: minSamples (${p.minSamples}) must be a positive integer`);
    }
    assertMetric(p.metric, 'Dbscan');
    this.params = Object.freeze(p);
  }

  /** Labels of the fitted rows; -1 is noise. */
  get labels(): Labels {
    if (this.#labels === undefined) throw new Error('Dbscan: labels read before fit');
    return this.#labels;
  }

  /** 1 where the row is a core point. */
  get isCore(): Uint8Array {
    if (this.#isCore === undefined) throw new Error('Dbscan: isCore read before fit');
    return this.#isCore;
  }

  /** Indices of core rows, ascending (scikit-learn's `core_sample_indices_`). */
  get coreSampleIndices(): Int32Array {
    const core = this.isCore;
    const out: number[] = [];
    for (let i = 0; i < core.length; i++) if (core[i]) out.push(i);
    return Int32Array.from(out);
  }

  async fit(X: Matrix): Promise<this> {
    assertFinite(X, 'Dbscan.fit');
    const { eps, minSamples, metric } = this.params;
    let result: { labels: Labels; isCore: Uint8Array };
    if (X.rows > 0 && X.cols <= KD_TREE_MAX_DIMS) {
      const points = metricRows(X, metric, 'Dbscan.fit');
      // On unit rows, 1 - cos(a, b) <= eps  <=>  ||a - b|| <= sqrt(2 eps).
      result = await dbscanOnTree(
        buildKdTree(points, X.rows, X.cols),
        metric === 'cosine' ? Math.sqrt(2 * eps) : eps,
        minSamples,
      );
    } else {
      result = dbscanLabels(await epsNeighborhoods(X, eps, metric, 'Dbscan.fit'), minSamples);
    }
    const { labels, isCore } = result;
    this.#labels = labels;
    this.#isCore = isCore;
    return this;
  }
}
