/**
 * The E-step of EM for Gaussian mixtures: per-row, per-component log N(x | mu_c, Sigma_c) through the
 * precision Cholesky factors (scikit-learn 1.2 `_estimate_log_gaussian_prob`), and a stable
 * log-sum-exp over components. Float64, O(n k d^2) for full, O(n k d) otherwise.
 */
import type { Matrix } from '../util/matrix.js';
import type { CovarianceType } from './gmm-covariance.js';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * log p(x_i | c) for every row and component, n x k row-major.
 * log N = -0.5 (d log 2pi + ||(x - mu) P||^2) + log det P, with P the precision Cholesky factor.
 */
export function logGaussianProb(
  X: Matrix,
  means: Float64Array,
  precChol: Float64Array,
  type: CovarianceType,
  k: number,
): Float64Array {
  const { rows: n, cols: d, data } = X;
  const out = new Float64Array(n * k);
  const logDet = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    if (type === 'full') for (let j = 0; j < d; j++) logDet[c] += Math.log(precChol[c * d * d + j * d + j]);
    else if (type === 'diag') for (let j = 0; j < d; j++) logDet[c] += Math.log(precChol[c * d + j]);
    else logDet[c] = d * Math.log(precChol[c]);
  }
  const diff = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) diff[j] = data[i * d + j] - means[c * d + j];
      let q = 0;
      if (type === 'full') {
        const off = c * d * d;
        for (let j = 0; j < d; j++) {
          let y = 0;
          for (let m = 0; m <= j; m++) y += diff[m] * precChol[off + m * d + j];
          q += y * y;
        }
      } else if (type === 'diag') {
        for (let j = 0; j < d; j++) {
          const y = diff[j] * precChol[c * d + j];
          q += y * y;
        }
      } else {
        let s = 0;
        for (let j = 0; j < d; j++) s += diff[j] * diff[j];
        q = s * precChol[c] * precChol[c];
      }
      out[i * k + c] = -0.5 * (d * LOG_2PI + q) + logDet[c];
    }
  }
  return out;
}

/**
 * Adds log weights, then per row: lse_i = log sum_c exp(a_ic) (max-shifted, so no overflow) and
 * a_ic -= lse_i in place, leaving log responsibilities. Returns lse (the per-row log-likelihood).
 */
export function normalizeLogResponsibilities(
  logProb: Float64Array,
  logWeights: Float64Array,
  n: number,
  k: number,
): Float64Array {
  const lse = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const v = (logProb[i * k + c] += logWeights[c]);
      if (v > max) max = v;
    }
    let s = 0;
    for (let c = 0; c < k; c++) s += Math.exp(logProb[i * k + c] - max);
    const total = max === Number.NEGATIVE_INFINITY ? max : max + Math.log(s);
    lse[i] = total;
    for (let c = 0; c < k; c++) logProb[i * k + c] -= total;
  }
  return lse;
}
