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
import {
  COVARIANCE_TYPES,
  type CovarianceType,
  mixtureParameterCount,
  precisionCholesky,
} from './gmm-covariance.js';
import { estimateGaussianParameters } from './gmm-estimate.js';
import { logGaussianProb, normalizeLogResponsibilities } from './gmm-log-prob.js';
import { KMeans } from './kmeans.js';

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

interface GmmState {
  weights: Float64Array;
  means: Float64Array;
  covariances: Float64Array;
  precChol: Float64Array;
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
    const { k } = o;
    let best: (GmmState & { lowerBound: number; converged: boolean; nIter: number }) | undefined;
    for (let run = 0; run < o.nInit; run++) {
      const resp = await initialResponsibilities(data, o, random.int(0x7fffffff));
      let params = this.mStep(data, resp, false);
      let lowerBound = Number.NEGATIVE_INFINITY;
      let converged = false;
      let nIter = 0;
      for (let it = 1; it <= o.maxIter; it++) {
        const previous = lowerBound;
        const { logResp, meanLogLikelihood } = eStep(data, params, o.covariance, k);
        for (let i = 0; i < logResp.length; i++) logResp[i] = Math.exp(logResp[i]);
        params = this.mStep(data, logResp, true);
        lowerBound = meanLogLikelihood;
        nIter = it;
        o.onProgress?.({
          task: `gmm k=${k} init ${run + 1}/${o.nInit}`,
          done: it,
          total: o.maxIter,
          detail: `ll ${lowerBound.toFixed(4)}`,
        });
        if (Math.abs(lowerBound - previous) < o.tol) {
          converged = true;
          break;
        }
      }
      if (best === undefined || lowerBound > best.lowerBound)
        best = { ...params, lowerBound, converged, nIter };
    }
    const final = best!;
    const { logResp, meanLogLikelihood } = eStep(data, final, o.covariance, k);
    this.state = {
      ...final,
      cols: X.cols,
      labels: argmaxRows(logResp, X.rows, k),
      logLikelihood: meanLogLikelihood,
    };
    return this;
  }

  /** Most probable component per row. */
  async predict(X: Matrix): Promise<Labels> {
    const s = this.fitted('predict');
    return argmaxRows(
      eStep(this.prepare(X, 'gmm.predict', s.cols), s, this.options.covariance, this.options.k).logResp,
      X.rows,
      this.options.k,
    );
  }

  /** Posterior membership probabilities, n x k row-major (rows sum to 1). */
  async predictProba(X: Matrix): Promise<Float64Array> {
    const s = this.fitted('predictProba');
    const { logResp } = eStep(
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
    return eStep(this.prepare(X, 'gmm.scoreSamples', s.cols), s, this.options.covariance, this.options.k)
      .perRow;
  }

  /** Mean log-likelihood per row of X (scikit-learn's `score`). */
  async score(X: Matrix): Promise<number> {
    const per = await this.scoreSamples(X);
    return mean(per);
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

  private mStep(X: Matrix, resp: Float64Array, normalizeBySum: boolean): GmmState {
    const { k, regCovar, covariance } = this.options;
    const { nk, means, covariances } = estimateGaussianParameters(X, resp, k, regCovar, covariance);
    let total = 0;
    for (let c = 0; c < k; c++) total += nk[c];
    // scikit-learn: weights = nk / n at initialization, nk / sum(nk) in the M-step.
    const weights = nk.map((v) => v / (normalizeBySum ? total : X.rows));
    return {
      weights,
      means,
      covariances,
      precChol: precisionCholesky(covariances, covariance, k, X.cols),
      cols: X.cols,
    };
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

function eStep(X: Matrix, s: GmmState, type: CovarianceType, k: number) {
  const logResp = logGaussianProb(X, s.means, s.precChol, type, k);
  const perRow = normalizeLogResponsibilities(logResp, s.weights.map(Math.log), X.rows, k);
  return { logResp, perRow, meanLogLikelihood: mean(perRow) };
}

async function initialResponsibilities(
  X: Matrix,
  o: GaussianMixtureOptions,
  seed: number,
): Promise<Float64Array> {
  const resp = new Float64Array(X.rows * o.k);
  if (o.initParams === 'kmeans') {
    const labels = (await new KMeans({ k: o.k, nInit: 1, seed }).fit(X)).labels;
    for (let i = 0; i < X.rows; i++) resp[i * o.k + labels[i]] = 1;
    return resp;
  }
  const random = randomSource(seed);
  for (let i = 0; i < X.rows; i++) {
    let s = 0;
    for (let c = 0; c < o.k; c++) s += resp[i * o.k + c] = random.uniform();
    for (let c = 0; c < o.k; c++) resp[i * o.k + c] /= s;
  }
  return resp;
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

function mean(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}
