import { assertMetric, type DistanceMetric } from '../kernels/distance-metric.js';
import { kNearest } from '../kernels/kernels.js';
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import type { Clusterer } from './clusterer.js';
import { type CondensedTree, clusterStabilities, condenseTree } from './condensed-tree.js';
import { coreDistancesBrute, coreDistancesInTree } from './core-distances.js';
import { KD_TREE_MAX_DIMS, metricRows } from './eps-neighborhoods.js';
import { gloshScores } from './glosh.js';
import { approximatePredictFromNeighbors } from './hdbscan-predict.js';
import { type ClusterSelectionMethod, selectClusters } from './hdbscan-select.js';
import { buildKdTree, type KdTree } from './kd-tree.js';
import { kNearestInTree } from './kd-tree-query.js';
import { linkageFromMerges } from './linkage-tree.js';
import { blockedBoruvkaMutualReachability } from './boruvka-blocked-mst.js';
import { boruvkaMutualReachability } from './boruvka-mst.js';
import { primMutualReachability, type SpanningEdges } from './mutual-reachability-mst.js';

/** From this many columns the MST comes from `blockedBoruvkaMutualReachability`. */
export const BLOCKED_MST_MIN_DIMS = 32;

/** HDBSCAN hyperparameters (names as scikit-learn / hdbscan, camelCase). */
export interface HdbscanOptions {
  /** Smallest group of points that counts as a cluster (>= 2). */
  minClusterSize: number;
  /** Neighbors (the point itself included) for the core distance; default minClusterSize. */
  minSamples: number | undefined;
  metric: DistanceMetric;
  clusterSelectionMethod: ClusterSelectionMethod;
  /** Distance below which clusters are not split further (0 = off). */
  clusterSelectionEpsilon: number;
  allowSingleCluster: boolean;
}

export const HDBSCAN_DEFAULTS: Readonly<HdbscanOptions> = {
  minClusterSize: 5,
  minSamples: undefined,
  metric: 'euclidean',
  clusterSelectionMethod: 'eom',
  clusterSelectionEpsilon: 0,
  allowSingleCluster: false,
};

/**
 * HDBSCAN* (Campello, Moulavi & Sander 2013; McInnes, Healy & Astels 2017): core distances, the
 * minimum spanning tree of the mutual reachability graph, its single-linkage tree, the condensed
 * tree, excess-of-mass or leaf selection, membership probabilities, GLOSH outlier scores, and
 * approximate prediction. Up to 12 dims: exact core distances from a k-d tree (two threads from
 * 4,000 rows) and Borůvka on the tree, about O(n log^2 n); above: core distances from the
 * `kNearest` kernel, then Prim on the dense graph (O(n^2 d) time, O(n) memory) or, from 32 dims,
 * Borůvka over blocked kernel distances (O(n^2 d) per round on the GEMM backend).
 * Cosine distance is 1 - cos: the MST is found on unit rows (same tree, since cosine distance is
 * ||a - b||^2 / 2 there) and its heights converted.
 *
 * Degenerate input: fewer rows than minClusterSize, or no density split, gives all noise (one
 * cluster with allowSingleCluster); minSamples above n is clamped to n (as hdbscan clamps);
 * identical points are at distance 0 (lambda Infinity, probability 1, outlier score 0).
 * @throws RangeError for minClusterSize < 2, minSamples < 1, a negative epsilon, an unknown method
 *   or metric, NaN/Inf in X, or a zero row under cosine.
 * @example const m = await new Hdbscan({ minClusterSize: 10 }).fit(X); m.labels; m.outlierScores
 */
export class Hdbscan implements Clusterer {
  readonly name = 'hdbscan';
  readonly params: Readonly<HdbscanOptions>;
  #fitted: Fitted | undefined;

  constructor(options: Partial<HdbscanOptions> = {}) {
    const p = { ...HDBSCAN_DEFAULTS, ...options };
    if (!Number.isInteger(p.minClusterSize) || p.minClusterSize < 2) {
      throw new RangeError(`Hdbscan: minClusterSize (${p.minClusterSize}) must be an integer >= 2`);
    }
    if (p.minSamples !== undefined && (!Number.isInteger(p.minSamples) || p.minSamples < 1)) {
      throw new RangeError(`Hdbscan: minSamples (${p.minSamples}) must be a positive integer`);
    }
    if (!(p.clusterSelectionEpsilon >= 0) || !Number.isFinite(p.clusterSelectionEpsilon)) {
      throw new RangeError(
        `Hdbscan: clusterSelectionEpsilon (${p.clusterSelectionEpsilon}) must be a finite number >= 0`,
      );
    }
    if (p.clusterSelectionMethod !== 'eom' && p.clusterSelectionMethod !== 'leaf') {
      throw new RangeError(
        `Hdbscan: clusterSelectionMethod (${p.clusterSelectionMethod}) must be eom or leaf`,
      );
    }
    assertMetric(p.metric, 'Hdbscan');
    this.params = Object.freeze(p);
  }

  #state(field: string): Fitted {
    if (this.#fitted === undefined) throw new Error(`Hdbscan: ${field} read before fit`);
    return this.#fitted;
  }

  get labels(): Labels {
    return this.#state('labels').labels;
  }
  /** Membership strength in [0, 1]; 0 for noise. */
  get probabilities(): Float64Array {
    return this.#state('probabilities').probabilities;
  }
  /** GLOSH outlier scores in [0, 1]. */
  get outlierScores(): Float64Array {
    return this.#state('outlierScores').outlierScores;
  }
  /** The condensed tree (cluster ids n.., root n). */
  get condensedTree(): CondensedTree {
    return this.#state('condensedTree').tree;
  }
  /** Stability of every condensed-tree cluster, indexed by id - n. */
  get stabilities(): Float64Array {
    return clusterStabilities(this.condensedTree);
  }
  /** Condensed-tree ids of the selected clusters; label i is `selectedClusters[i]`. */
  get selectedClusters(): Int32Array {
    return this.#state('selectedClusters').selected;
  }
  /** Core distance of every fitted row, in the model's metric. */
  get coreDistances(): Float64Array {
    return this.#state('coreDistances').core;
  }
  /** The mutual reachability MST (weights in the model's metric). */
  get spanningTree(): SpanningEdges {
    return this.#state('spanningTree').mst;
  }

  async fit(X: Matrix): Promise<this> {
    assertFinite(X, 'Hdbscan.fit');
    const { rows: n, cols: d } = X;
    const minSamples = Math.max(1, Math.min(this.params.minSamples ?? this.params.minClusterSize, n));
    const points = metricRows(X, this.params.metric, 'Hdbscan.fit');
    let tree: KdTree | undefined;
    let core: Float64Array;
    let mst: SpanningEdges;
    if (n > 0 && d <= KD_TREE_MAX_DIMS) {
      tree = buildKdTree(points, n, d);
      const nearest = await coreDistancesInTree(tree, minSamples);
      core = nearest.core;
      mst = boruvkaMutualReachability(tree, core, nearest);
    } else {
      const unit = unitMatrix(points, n, d);
      core = n > 1 ? await coreDistancesBrute(unit, minSamples) : new Float64Array(n);
      // From ~32 dims the GEMM-backed blocked Borůvka beats Prim's scalar loop (3x at 128 dims).
      mst =
        d >= BLOCKED_MST_MIN_DIMS
          ? await blockedBoruvkaMutualReachability(unit, core)
          : primMutualReachability(points, n, d, core);
    }
    if (this.params.metric === 'cosine') {
      for (let i = 0; i < n; i++) core[i] = (core[i] * core[i]) / 2;
      const w = Float64Array.from(mst.w, (v) => (v * v) / 2);
      mst = { a: mst.a, b: mst.b, w };
    }
    const linkage = linkageFromMerges(n, mst.a, mst.b, mst.w);
    const condensed = condenseTree(linkage, this.params.minClusterSize);
    const selection = selectClusters(condensed, {
      method: this.params.clusterSelectionMethod,
      epsilon: this.params.clusterSelectionEpsilon,
      allowSingleCluster: this.params.allowSingleCluster,
    });
    this.#fitted = {
      labels: selection.labels,
      probabilities: selection.probabilities,
      outlierScores: gloshScores(condensed),
      tree: condensed,
      selected: selection.selected,
      core,
      mst,
      minSamples,
      points,
      kd: tree,
      cols: d,
    };
    return this;
  }

  /** Labels for new rows by `approximatePredict`. */
  async predict(X: Matrix): Promise<Labels> {
    return (await this.approximatePredict(X)).labels;
  }

  /**
   * hdbscan's `approximate_predict`: label and membership probability for each new row, without
   * refitting (see `hdbscan-predict.ts`). O(m log n) in low dims.
   * @throws RangeError if X has a different number of columns than the fitted data, or non-finite values.
   */
  async approximatePredict(X: Matrix): Promise<{ labels: Labels; probabilities: Float64Array }> {
    const f = this.#state('approximatePredict');
    if (X.cols !== f.cols)
      throw new RangeError(`Hdbscan.approximatePredict: X.cols (${X.cols}) != fitted cols (${f.cols})`);
    assertFinite(X, 'Hdbscan.approximatePredict');
    const n = f.core.length;
    const k = Math.min(2 * f.minSamples, n);
    if (k === 0) return { labels: new Int32Array(X.rows).fill(-1), probabilities: new Float64Array(X.rows) };
    const q = metricRows(X, this.params.metric, 'Hdbscan.approximatePredict');
    let indices: Int32Array;
    let distances: Float64Array;
    if (f.kd !== undefined) {
      ({ indices, distances } = kNearestInTree(f.kd, q, X.rows, k));
    } else {
      const r = await kNearest(
        unitMatrix(f.points, n, f.cols),
        k,
        'euclidean',
        unitMatrix(q, X.rows, f.cols),
      );
      indices = r.indices;
      distances = Float64Array.from(r.distances);
    }
    if (this.params.metric === 'cosine')
      for (let i = 0; i < distances.length; i++) distances[i] = (distances[i] * distances[i]) / 2;
    const eps = this.params.clusterSelectionEpsilon;
    return approximatePredictFromNeighbors(
      {
        tree: f.tree,
        selected: f.selected,
        core: f.core,
        minSamples: f.minSamples,
        rootCut: eps > 0 ? 1 / eps : undefined,
      },
      indices,
      distances,
      k,
    );
  }
}

interface Fitted {
  labels: Labels;
  probabilities: Float64Array;
  outlierScores: Float64Array;
  tree: CondensedTree;
  selected: Int32Array;
  core: Float64Array;
  mst: SpanningEdges;
  minSamples: number;
  points: Float64Array;
  kd: KdTree | undefined;
  cols: number;
}

function unitMatrix(points: Float64Array, rows: number, cols: number): Matrix {
  return { rows, cols, data: Float32Array.from(points) };
}
