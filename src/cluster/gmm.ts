/**
 * Gaussian mixture model fitted by EM (scikit-learn 1.2 `GaussianMixture` semantics): full, diagonal
 * or spherical covariances, k-means (or random) initial responsibilities, `nInit` restarts keeping the
 * best final lower bound, `regCovar` added to every covariance diagonal, stop when the mean
 * log-likelihood changes by < tol, then one last E-step so `labels` = `predict(X)` on the training rows.
 * Under `metric: 'cosine'` the mixture is fitted to unit-normalized rows.
 */
import type { DistanceMetric } from '../kernels/distance-metric.js';
import { assertMetric, normalizeRows } from '../kernels/distance-metric.js';
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { assertFinite } from '../util/matrix.js';
import type { ProgressCallback } from '../util/progress.js';
import { randomSource } from '../util/random.js';
import type { Clusterer } from './clusterer.js';
import { COVARIANCE_TYPES, type CovarianceType, mixtureParameterCount } from './gmm-covariance.js';
import { emRun, type GmmParameters, gmmEStep, meanOf } from './gmm-em.js';

export interface GaussianMixtureOptions {
  /** Number of components. */
  k: number;
  covariance: CovarianceType;
  /** `kmeans`: one-hot labels of a k-means run (scikit-learn's default); `random`: uniform responsibilities, normalized. */
  initParams: 'kmeans' | 'random';
  nInit: number;
  maxIter: number;
  tol: number;
  regCovar: number;
  metric: DistanceMetric;
  seed: number;
  onProgress?: ProgressCallback;
}

export const GMM_DEFAULTS: Readonly<Omit<GaussianMixtureOptions, 'onProgress'>> = {
  k: 1,
  covariance: 'full',
  initParams: 'kmeans',
  nInit: 1,
  maxIter: 100,
  tol: 1e-3,
  regCovar: 1e-6,
  metric: 'euclidean',
  seed: 0,
};

interface GmmState extends GmmParameters {
  cols: number;
}

/**
 * Gaussian mixture estimator. After `fit`: `labels`, `weights`, `means`, `covariances`,
 * `logLikelihood` (mean per row, as scikit-learn's `score(X)`), `converged`, `nIter`; `bic(X)`, `aic(X)`,
 * `predict`, `predictProba` (soft memberships). O(nInit * nIter * n k d^2) for full covariances.
 * @throws RangeError for bad options, k > rows, NaN/Inf (naming row and column), or a covariance
 *   that is not positive definite (naming the component).
 * @example const gm = await new GaussianMixture({ k: 3, covariance: 'diag' }).fit(X); gm.logLikelihood
 */
export class GaussianMixture implements Clusterer {
  readonly name = 'gmm';
  readonly params: Readonly<Record<string, unknown>>;
  private readonly options: GaussianMixtureOptions;
  private state:
    | (GmmState & { labels: Labels; logLikelihood: number; converged: boolean; nIter: number })
    | undefined;

  constructor(options: Partial<GaussianMixtureOptions> = {}) {
    const o = { ...GMM_DEFAULTS, ...options };
    const int = (v: number, name: string) => {
      if (!Number.isInteger(v) || v < 1)
        throw new RangeError(`gmm: ${name} (${v}) must be a positive integer`);
    };
    int(o.k, 'k');
    int(o.nInit, 'nInit');
    int(o.maxIter, 'maxIter');
    if (!Number.isFinite(o.tol) || o.tol < 0)
      throw new RangeError(`gmm: tol (${o.tol}) must be finite and >= 0`);
    if (!Number.isFinite(o.regCovar) || o.regCovar < 0)
      throw new RangeError(`gmm: regCovar (${o.regCovar}) must be finite and >= 0`);
    if (!COVARIANCE_TYPES.includes(o.covariance))
      throw new RangeError(`gmm: covariance (${o.covariance}) must be one of ${COVARIANCE_TYPES.join(', ')}`);
    if (o.initParams !== 'kmeans' && o.initParams !== 'random')
      throw new RangeError(`gmm: initParams (${o.initParams}) must be kmeans or random`);
    if (!Number.isFinite(o.seed)) throw new RangeError(`gmm: seed (${o.seed}) must be a finite number`);
    assertMetric(o.metric, 'gmm');
    this.options = o;
    const { onProgress: _, ...rest } = o;
    this.params = rest;
  }

  async fit(X: Matrix): Promise<this> {
    const o = this.options;
    if (X.rows < o.k) throw new RangeError(`gmm: k (${o.k}) > rows (${X.rows})`);
    const data = this.prepare(X, 'gmm');
    const random = randomSource(o.seed);
    let best: Awaited<ReturnType<typeof emRun>> | undefined;
    for (let run = 0; run < o.nInit; run++) {
      const result = await emRun(
        data,
        { ...o, task: `gmm k=${o.k} init ${run + 1}/${o.nInit}` },
        random.int(0x7fffffff),
      );
      if (best === undefined || result.lowerBound > best.lowerBound) best = result;
    }
    // A final E-step with the best parameters, so labels = predict(X) (scikit-learn does the same).
    const { params, converged, nIter } = best!;
    const { logResp, meanLogLikelihood } = gmmEStep(data, params, o.covariance, o.k);
    this.state = {
      ...params,
      cols: X.cols,
      labels: argmaxRows(logResp, X.rows, o.k),
      logLikelihood: meanLogLikelihood,
      converged,
      nIter,
    };
    return this;
  }

  /** Most probable component per row. */
  async predict(X: Matrix): Promise<Labels> {
    const s = this.fitted('predict');
    return argmaxRows(
      gmmEStep(this.prepare(X, 'gmm.predict', s.cols), s, this.options.covariance, this.options.k).logResp,
      X.rows,
      this.options.k,
    );
  }

  /** Posterior membership probabilities, n x k row-major (rows sum to 1). */
  async predictProba(X: Matrix): Promise<Float64Array> {
    const s = this.fitted('predictProba');
    const { logResp } = gmmEStep(
      this.prepare(X, 'gmm.predictProba', s.cols),
      s,
      this.options.covariance,
      this.options.k,
    );
    for (let i = 0; i < logResp.length; i++) logResp[i] = Math.exp(logResp[i]);
    return logResp;
  }

  /** Per-row log-likelihood log p(x_i) under the fitted mixture (scikit-learn's `score_samples`). */
  async scoreSamples(X: Matrix): Promise<Float64Array> {
    const s = this.fitted('scoreSamples');
    return gmmEStep(this.prepare(X, 'gmm.scoreSamples', s.cols), s, this.options.covariance, this.options.k)
      .perRow;
  }

  /** Mean log-likelihood per row of X (scikit-learn's `score`). */
  async score(X: Matrix): Promise<number> {
    const per = await this.scoreSamples(X);
    return meanOf(per);
  }

  /** Bayesian information criterion on X: -2 n score(X) + p ln n (lower is better). */
  async bic(X: Matrix): Promise<number> {
    return -2 * (await this.score(X)) * X.rows + this.parameterCount() * Math.log(X.rows);
  }

  /** Akaike information criterion on X: -2 n score(X) + 2 p. */
  async aic(X: Matrix): Promise<number> {
    return -2 * (await this.score(X)) * X.rows + 2 * this.parameterCount();
  }

  get labels(): Labels {
    return this.fitted('labels').labels;
  }
  /** Mixing weights, length k. */
  get weights(): Float64Array {
    return this.fitted('weights').weights;
  }
  /** Component means, k x d row-major. */
  get means(): Float64Array {
    return this.fitted('means').means;
  }
  /** Covariances: full k*d*d, diag k*d, spherical k. */
  get covariances(): Float64Array {
    return this.fitted('covariances').covariances;
  }
  /** Mean log-likelihood of the training rows under the final parameters (= score(X_train)). */
  get logLikelihood(): number {
    return this.fitted('logLikelihood').logLikelihood;
  }
  get converged(): boolean {
    return this.fitted('converged').converged;
  }
  get nIter(): number {
    return this.fitted('nIter').nIter;
  }

  private parameterCount(): number {
    return mixtureParameterCount(this.options.covariance, this.options.k, this.fitted('bic').cols);
  }

  private prepare(X: Matrix, caller: string, cols?: number): Matrix {
    if (cols !== undefined && X.cols !== cols)
      throw new RangeError(`${caller}: X.cols (${X.cols}) != fitted cols (${cols})`);
    assertFinite(X, caller);
    return this.options.metric === 'cosine' ? normalizeRows(X, caller) : X;
  }

  private fitted(what: string) {
    if (this.state === undefined) throw new Error(`gmm: ${what} read before fit`);
    return this.state;
  }
}

function argmaxRows(values: Float64Array, n: number, k: number): Labels {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (values[i * k + c] > values[i * k + best]) best = c;
    out[i] = best;
  }
  return out;
}
