/**
 * One EM run for a Gaussian mixture, as scikit-learn 1.2's `BaseMixture.fit_predict` inner loop:
 * initial responsibilities (one-hot k-means labels, or normalized uniform noise), an M-step, then
 * E/M steps until the mean log-likelihood changes by less than tol or maxIter steps have run.
 */
import type { Matrix } from '../util/matrix.js';
import type { ProgressCallback } from '../util/progress.js';
import { randomSource } from '../util/random.js';
import { type CovarianceType, precisionCholesky } from './gmm-covariance.js';
import { estimateGaussianParameters } from './gmm-estimate.js';
import { logGaussianProb, normalizeLogResponsibilities } from './gmm-log-prob.js';
import { KMeans } from './kmeans.js';

/** Fitted mixture parameters; shapes as in gmm-covariance.ts. */
export interface GmmParameters {
  weights: Float64Array;
  means: Float64Array;
  covariances: Float64Array;
  precChol: Float64Array;
}

/** What an EM run needs to know. */
export interface EmSettings {
  k: number;
  covariance: CovarianceType;
  initParams: 'kmeans' | 'random';
  maxIter: number;
  tol: number;
  regCovar: number;
  onProgress?: ProgressCallback;
  task?: string;
}

/** E-step: log responsibilities (n x k), per-row log-likelihood, and its mean. */
export function gmmEStep(X: Matrix, p: GmmParameters, type: CovarianceType, k: number) {
  const logResp = logGaussianProb(X, p.means, p.precChol, type, k);
  const perRow = normalizeLogResponsibilities(logResp, p.weights.map(Math.log), X.rows, k);
  return { logResp, perRow, meanLogLikelihood: meanOf(perRow) };
}

/** M-step from responsibilities; weights = nk / n at initialization, nk / sum(nk) after (scikit-learn). */
function gmmMStep(X: Matrix, resp: Float64Array, s: EmSettings, initial: boolean): GmmParameters {
  const { nk, means, covariances } = estimateGaussianParameters(X, resp, s.k, s.regCovar, s.covariance);
  const total = initial ? X.rows : nk.reduce((a, b) => a + b, 0);
  return {
    weights: nk.map((v) => v / total),
    means,
    covariances,
    precChol: precisionCholesky(covariances, s.covariance, s.k, X.cols),
  };
}

/**
 * Run EM from the initialization drawn with `seed`. O(nIter * n k d^2) for full covariances.
 * @returns the parameters after the last M-step, the last E-step's mean log-likelihood (`lowerBound`), and convergence.
 */
export async function emRun(
  X: Matrix,
  s: EmSettings,
  seed: number,
): Promise<{ params: GmmParameters; lowerBound: number; converged: boolean; nIter: number }> {
  let params = gmmMStep(X, await initialResponsibilities(X, s, seed), s, true);
  let lowerBound = Number.NEGATIVE_INFINITY;
  for (let it = 1; it <= s.maxIter; it++) {
    const previous = lowerBound;
    const { logResp, meanLogLikelihood } = gmmEStep(X, params, s.covariance, s.k);
    for (let i = 0; i < logResp.length; i++) logResp[i] = Math.exp(logResp[i]);
    params = gmmMStep(X, logResp, s, false);
    lowerBound = meanLogLikelihood;
    s.onProgress?.({
      task: s.task ?? 'gmm',
      done: it,
      total: s.maxIter,
      detail: `ll ${lowerBound.toFixed(4)}`,
    });
    if (Math.abs(lowerBound - previous) < s.tol) return { params, lowerBound, converged: true, nIter: it };
  }
  return { params, lowerBound, converged: false, nIter: s.maxIter };
}

async function initialResponsibilities(X: Matrix, s: EmSettings, seed: number): Promise<Float64Array> {
  const { k } = s;
  const resp = new Float64Array(X.rows * k);
  if (s.initParams === 'kmeans') {
    // scikit-learn: KMeans(n_clusters=k, n_init=1, random_state=...) labels, one-hot.
    const labels = (await new KMeans({ k, nInit: 1, seed }).fit(X)).labels;
    for (let i = 0; i < X.rows; i++) resp[i * k + labels[i]] = 1;
    return resp;
  }
  const random = randomSource(seed);
  for (let i = 0; i < X.rows; i++) {
    let sum = 0;
    for (let c = 0; c < k; c++) sum += resp[i * k + c] = random.uniform();
    for (let c = 0; c < k; c++) resp[i * k + c] /= sum;
  }
  return resp;
}

/** Arithmetic mean of a Float64Array. */
export function meanOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}
