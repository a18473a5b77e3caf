/**
 * Mini-batch k-means (Sculley 2010) with scikit-learn 1.2's `MiniBatchKMeans` rules: `nInit` seedings
 * on random subsets of `initSize` rows scored on a held-out random subset, random batches of
 * `batchSize` rows, reassignment of starved centers, early stopping on an exponentially weighted
 * batch inertia that has not improved for `maxNoImprovement` steps (or a center shift <= tol), and
 * `partialFit` for data that arrives in chunks. Memory beyond X: `fit` on the onnx backend keeps one
 * float32 copy of X for its steps (the `batchAssigner` kernel, ~4 (d + 2) bytes per row); otherwise
 * O(batchSize * d + k d), full-data labels computed in row blocks. Under cosine: spherical (unit
 * rows, unit centers).
 */
import { batchAssigner, nearestRows } from '../kernels/kernels.js';
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { selectRows } from '../util/matrix.js';
import { type Random, randomSource } from '../util/random.js';
import type { Clusterer } from './clusterer.js';
import { initialCenters } from './kmeans-init.js';
import { checkSampleWeight, prepareKMeansInput, preparePredictInput } from './kmeans-input.js';
import { kmeansTolerance } from './kmeans-measures.js';
import {
  labelsAndInertia,
  type MiniBatchState,
  miniBatchStep,
  miniBatchStepOn,
} from './minibatch-kmeans-step.js';
import { convergenceMonitor } from './minibatch-kmeans-convergence.js';
import {
  checkMiniBatchKMeansOptions,
  MINIBATCH_KMEANS_DEFAULTS,
  type MiniBatchKMeansOptions,
} from './minibatch-kmeans-options.js';

export { MINIBATCH_KMEANS_DEFAULTS, type MiniBatchKMeansOptions } from './minibatch-kmeans-options.js';

/**
 * Mini-batch k-means estimator: `fit(X, w?)` or repeated `partialFit(chunk, w?)`; then `labels`
 * (of the rows last fitted), `centroids`, `inertia`, `nSteps`. O(steps * batchSize * k d) + O(n k d) for labels.
 * @throws RangeError for bad options, k > rows, NaN/Inf (naming row and column), zero rows under cosine.
 */
export class MiniBatchKMeans implements Clusterer {
  readonly name = 'minibatch-kmeans';
  readonly params: Readonly<Record<string, unknown>>;
  private readonly options: MiniBatchKMeansOptions;
  private state: MiniBatchState | undefined;
  private result: { labels: Labels; inertia: number } | undefined;
  private random: Random;
  private sinceReassign = 0;
  private steps = 0;

  constructor(options: Partial<MiniBatchKMeansOptions> = {}) {
    const o = { ...MINIBATCH_KMEANS_DEFAULTS, ...options };
    checkMiniBatchKMeansOptions(o);
    this.options = o;
    this.random = randomSource(o.seed);
    const { onProgress: _, init, ...rest } = o;
    this.params = { ...rest, init: typeof init === 'string' ? init : 'given' };
  }

  async fit(X: Matrix, sampleWeight?: ArrayLike<number>): Promise<this> {
    const o = this.options;
    const n = X.rows;
    if (n < o.k) throw new RangeError(`minibatch-kmeans: k (${o.k}) > rows (${n})`);
    const weight = checkSampleWeight(sampleWeight, n, 'minibatch-kmeans');
    const data = this.prepare(X);
    const tol = kmeansTolerance(data, o.tol);
    this.random = randomSource(o.seed);
    const batchSize = Math.min(o.batchSize, n);
    const initSize = this.initSize(n);
    const valid = this.randomRows(n, initSize);
    const validX = selectRows(data, valid);
    const validW = pick(weight, valid);
    const nInit = o.nInit === 'auto' ? (o.init === 'random' ? 3 : 1) : o.nInit;
    let best: { centers: Matrix; inertia: number } | undefined;
    for (let run = 0; run < nInit; run++) {
      const centers = await this.seed(data, weight, initSize);
      const { inertia } = await labelsAndInertia(validX, validW, centers);
      if (best === undefined || inertia < best.inertia) best = { centers, inertia };
    }
    this.state = { centers: best!.centers, counts: new Float64Array(o.k) };
    this.sinceReassign = 0;
    const nSteps = Math.floor((o.maxIter * n) / batchSize);
    const monitor = convergenceMonitor({ batchSize, n, tol, maxNoImprovement: o.maxNoImprovement });
    let step = 0;
    const assigner = await batchAssigner(data, batchSize, o.k);
    try {
      while (step < nSteps) {
        const rows = this.randomRows(n, batchSize);
        const before = tol > 0 ? Float32Array.from(this.state.centers.data) : undefined;
        const inertia = await miniBatchStepOn(
          data,
          assigner,
          rows,
          pick(weight, rows),
          this.state,
          this.stepOptions(batchSize),
        );
        step++;
        o.onProgress?.({ task: `minibatch-kmeans k=${o.k}`, done: step, total: nSteps });
        if (monitor.converged(step, inertia, before ? squaredShift(before, this.state.centers.data) : 0))
          break;
      }
    } finally {
      assigner.release();
    }
    this.steps = step;
    this.result = await labelsAndInertia(data, weight, this.state.centers);
    return this;
  }

  /**
   * Update the model with one chunk (one mini-batch step on all of its rows); the first call seeds
   * the centers from the chunk. `labels`/`inertia` then describe this chunk.
   */
  async partialFit(X: Matrix, sampleWeight?: ArrayLike<number>): Promise<this> {
    const o = this.options;
    const weight = checkSampleWeight(sampleWeight, X.rows, 'minibatch-kmeans.partialFit');
    if (this.state !== undefined && X.cols !== this.state.centers.cols) {
      throw new RangeError(
        `minibatch-kmeans.partialFit: X.cols (${X.cols}) != fitted cols (${this.state.centers.cols})`,
      );
    }
    const data = this.prepare(X);
    if (this.state === undefined) {
      if (X.rows < o.k)
        throw new RangeError(`minibatch-kmeans.partialFit: k (${o.k}) > rows of the first chunk (${X.rows})`);
      this.state = {
        centers: await this.seed(data, weight, this.initSize(X.rows)),
        counts: new Float64Array(o.k),
      };
      this.sinceReassign = 0;
    }
    await miniBatchStep(data, weight, this.state, this.stepOptions(Math.min(o.batchSize, X.rows)));
    this.steps++;
    this.result = await labelsAndInertia(data, weight, this.state.centers);
    return this;
  }

  async predict(X: Matrix): Promise<Labels> {
    const c = this.fittedCenters('predict');
    return (
      await nearestRows(preparePredictInput(X, c.cols, this.options.metric, 'minibatch-kmeans.predict'), c)
    ).index;
  }

  get labels(): Labels {
    return this.fittedResult('labels').labels;
  }
  get inertia(): number {
    return this.fittedResult('inertia').inertia;
  }
  get centroids(): Matrix {
    const c = this.fittedCenters('centroids');
    return { rows: c.rows, cols: c.cols, data: Float32Array.from(c.data) };
  }
  /** Mini-batch steps taken (fit) or chunks seen (partialFit). */
  get nSteps(): number {
    return this.steps;
  }

  private prepare(X: Matrix): Matrix {
    return prepareKMeansInput(X, this.options.metric, 'minibatch-kmeans');
  }

  /** Seed centers on a random subset of initSize rows (scikit-learn's `_init_centroids(init_size=...)`). */
  private async seed(data: Matrix, weight: Float64Array, initSize: number): Promise<Matrix> {
    const o = this.options;
    const rows = this.randomRows(data.rows, initSize);
    const subset = typeof o.init === 'string' ? selectRows(data, rows) : data;
    const w = typeof o.init === 'string' ? pick(weight, rows) : weight;
    return initialCenters(subset, o.init, o.k, this.random, w, o.metric, 'minibatch-kmeans');
  }

  /** scikit-learn's `_init_size`: initSize or 3 * batchSize, raised to 3k if below k, capped at n. */
  private initSize(n: number): number {
    let size = this.options.initSize ?? 3 * this.options.batchSize;
    if (size < this.options.k) size = 3 * this.options.k;
    return Math.min(size, n);
  }

  /** scikit-learn's `_random_reassign`: every 10k points seen, or whenever a center has count 0. */
  private stepOptions(rows: number) {
    this.sinceReassign += rows;
    let reassign = false;
    if (this.state!.counts.some((c) => c === 0) || this.sinceReassign >= 10 * this.options.k) {
      this.sinceReassign = 0;
      reassign = true;
    }
    return {
      reassign,
      reassignmentRatio: this.options.reassignmentRatio,
      spherical: this.options.metric === 'cosine',
      random: this.random,
    };
  }

  private randomRows(n: number, m: number): Int32Array {
    const rows = new Int32Array(m);
    for (let i = 0; i < m; i++) rows[i] = this.random.int(n);
    return rows;
  }

  private fittedCenters(what: string): Matrix {
    if (this.state === undefined) throw new Error(`minibatch-kmeans: ${what} read before fit`);
    return this.state.centers;
  }
  private fittedResult(what: string) {
    if (this.result === undefined) throw new Error(`minibatch-kmeans: ${what} read before fit`);
    return this.result;
  }
}

function pick(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

function squaredShift(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s;
}
