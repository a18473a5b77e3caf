import { assertMetric, type DistanceMetric } from '../kernels/distance-metric.js';
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import type { Clusterer } from './clusterer.js';
import { condensedDistances } from './condensed-distances.js';
import { KD_TREE_MAX_DIMS, metricRows } from './eps-neighborhoods.js';
import { buildKdTree } from './kd-tree.js';
import { clustersBelowThreshold, cutLinkage, type LinkageTree, linkageFromMerges } from './linkage-tree.js';
import { matrixChainMerges } from './matrix-chain.js';
import { boruvkaMutualReachability } from './boruvka-mst.js';
import { primMerges } from './single-linkage.js';
import { wardMerges } from './ward-chain.js';

/** Linkage criteria, as scikit-learn names them. */
export type Linkage = 'ward' | 'complete' | 'average' | 'single';
export const LINKAGES: readonly Linkage[] = ['ward', 'complete', 'average', 'single'];

/** Agglomerative hyperparameters: give `nClusters` or `distanceThreshold`, not both. */
export interface AgglomerativeOptions {
  linkage: Linkage;
  /** Number of flat clusters; ignored when distanceThreshold is set. */
  nClusters: number;
  /** Cut where merge heights reach this value (merges with height < threshold are applied). */
  distanceThreshold: number | undefined;
  /** Ward needs euclidean. */
  metric: DistanceMetric;
}

/** scikit-learn's defaults. */
export const AGGLOMERATIVE_DEFAULTS: Readonly<AgglomerativeOptions> = {
  linkage: 'ward',
  nClusters: 2,
  distanceThreshold: undefined,
  metric: 'euclidean',
};

/**
 * Agglomerative clustering with scikit-learn's semantics and scipy's merge heights (Float64).
 * ward: nearest-neighbor chain on centroids, O(n^2 d) time, O(n d) memory; complete / average:
 * nearest-neighbor chain on a condensed distance matrix, O(n^2) time and memory; single: the
 * minimum spanning tree — Borůvka on a k-d tree for euclidean up to 12 dims (about O(n log n)),
 * Prim otherwise (O(n^2 d) time, O(n) memory). `tree` is the full merge list (see `LinkageTree`).
 *
 * Degenerate input: one row gives label 0 and an empty tree; identical points merge at height 0.
 * @throws RangeError for an unknown linkage or metric, ward with cosine, nClusters outside [1, n]
 *   (checked at fit), a non-finite or negative threshold, NaN/Inf in X, zero rows under cosine.
 * @example const m = await new Agglomerative({ linkage: 'average', nClusters: 3 }).fit(X)
 */
export class Agglomerative implements Clusterer {
  readonly name = 'agglomerative';
  readonly params: Readonly<AgglomerativeOptions>;
  #labels: Labels | undefined;
  #tree: LinkageTree | undefined;

  constructor(options: Partial<AgglomerativeOptions> = {}) {
    const p = { ...AGGLOMERATIVE_DEFAULTS, ...options };
    if (!LINKAGES.includes(p.linkage))
      throw new RangeError(`Agglomerative: linkage (${p.linkage}) must be one of ${LINKAGES.join(', ')}`);
    assertMetric(p.metric, 'Agglomerative');
    if (p.linkage === 'ward' && p.metric !== 'euclidean')
      throw new RangeError(`Agglomerative: ward linkage needs metric euclidean, got ${p.metric}`);
    if (
      p.distanceThreshold !== undefined &&
      !(p.distanceThreshold >= 0 && Number.isFinite(p.distanceThreshold))
    ) {
      throw new RangeError(
        `Agglomerative: distanceThreshold (${p.distanceThreshold}) must be a finite number >= 0`,
      );
    }
    if (p.distanceThreshold === undefined && (!Number.isInteger(p.nClusters) || p.nClusters < 1)) {
      throw new RangeError(`Agglomerative: nClusters (${p.nClusters}) must be a positive integer`);
    }
    this.params = Object.freeze(p);
  }

  get labels(): Labels {
    if (this.#labels === undefined) throw new Error('Agglomerative: labels read before fit');
    return this.#labels;
  }

  /** The full merge list (scipy linkage-matrix convention). */
  get tree(): LinkageTree {
    if (this.#tree === undefined) throw new Error('Agglomerative: tree read before fit');
    return this.#tree;
  }

  /** Number of flat clusters in `labels`. */
  get nClusters(): number {
    const t = this.tree;
    return this.params.distanceThreshold === undefined
      ? this.params.nClusters
      : clustersBelowThreshold(t, this.params.distanceThreshold);
  }

  async fit(X: Matrix): Promise<this> {
    assertFinite(X, 'Agglomerative.fit');
    const n = X.rows;
    if (n === 0) throw new RangeError('Agglomerative.fit: X has no rows');
    if (this.params.distanceThreshold === undefined && this.params.nClusters > n) {
      throw new RangeError(`Agglomerative.fit: nClusters (${this.params.nClusters}) > rows (${n})`);
    }
    this.#tree = linkageTree(X, this.params.linkage, this.params.metric);
    this.#labels = cutLinkage(this.#tree, this.nClusters);
    return this;
  }
}

/**
 * The merge list of `linkage` over the rows of X (no cut). See `Agglomerative` for the methods.
 * @throws RangeError as `Agglomerative.fit`.
 */
export function linkageTree(X: Matrix, linkage: Linkage, metric: DistanceMetric = 'euclidean'): LinkageTree {
  const { rows: n, cols: d } = X;
  const points = metricRows(X, metric, 'linkageTree');
  let merges: { a: Int32Array; b: Int32Array; h: Float64Array };
  switch (linkage) {
    case 'ward':
      merges = wardMerges(points, n, d);
      break;
    case 'single':
      if (metric === 'euclidean' && d <= KD_TREE_MAX_DIMS && n > 1) {
        // The euclidean MST is the mutual reachability MST with all core distances 0.
        const mst = boruvkaMutualReachability(buildKdTree(points, n, d), new Float64Array(n));
        merges = { a: mst.a, b: mst.b, h: mst.w };
      } else {
        merges = primMerges(points, n, d, metric);
      }
      break;
    case 'complete':
    case 'average':
      merges = matrixChainMerges(condensedDistances(points, n, d, metric, 'linkageTree'), n, linkage);
      break;
    default: {
      const never: never = linkage;
      throw new RangeError(`linkageTree: unknown linkage ${never}`);
    }
  }
  return linkageFromMerges(n, merges.a, merges.b, merges.h);
}
