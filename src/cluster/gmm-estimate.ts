/**
 * The M-step of EM for Gaussian mixtures (scikit-learn 1.2 `_estimate_gaussian_parameters`):
 * responsibility-weighted counts, means and covariances (+ regCovar on the diagonal). Float64, O(n k d^2) for full.
 */
import type { Matrix } from '../util/matrix.js';
import type { CovarianceType } from './gmm-covariance.js';

/** What the M-step estimates; shapes as in gmm-covariance.ts. */
export interface GaussianParameters {
  /** Soft counts per component, plus 10 * machine epsilon (scikit-learn) so empty components stay finite. */
  nk: Float64Array;
  means: Float64Array;
  covariances: Float64Array;
}

/**
 * Estimate component parameters from responsibilities `resp` (n x k, rows summing to 1).
 * @example estimateGaussianParameters(X, resp, 2, 1e-6, 'diag')
 */
export function estimateGaussianParameters(
  X: Matrix,
  resp: Float64Array,
  k: number,
  regCovar: number,
  type: CovarianceType,
): GaussianParameters {
  const { rows: n, cols: d, data } = X;
  const nk = new Float64Array(k).fill(10 * Number.EPSILON);
  const means = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const r = resp[i * k + c];
      if (r === 0) continue;
      nk[c] += r;
      for (let j = 0; j < d; j++) means[c * d + j] += r * data[i * d + j];
    }
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) means[c * d + j] /= nk[c];
  if (type === 'full') return { nk, means, covariances: fullCovariances(X, resp, nk, means, k, regCovar) };
  // diag: E_r[x^2] - 2 mu E_r[x] + mu^2 = E_r[(x - mu)^2], written the way scikit-learn does.
  const avgX2 = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const r = resp[i * k + c];
      if (r === 0) continue;
      for (let j = 0; j < d; j++) avgX2[c * d + j] += r * data[i * d + j] * data[i * d + j];
    }
  }
  const diag = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) {
      const m = means[c * d + j];
      diag[c * d + j] = avgX2[c * d + j] / nk[c] - 2 * m * m + m * m + regCovar;
    }
  }
  if (type === 'diag') return { nk, means, covariances: diag };
  const spherical = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += diag[c * d + j];
    spherical[c] = s / d;
  }
  return { nk, means, covariances: spherical };
}

function fullCovariances(
  X: Matrix,
  resp: Float64Array,
  nk: Float64Array,
  means: Float64Array,
  k: number,
  reg: number,
): Float64Array {
  const { rows: n, cols: d, data } = X;
  const cov = new Float64Array(k * d * d);
  const diff = new Float64Array(d);
  for (let c = 0; c < k; c++) {
    const S = cov.subarray(c * d * d, (c + 1) * d * d);
    for (let i = 0; i < n; i++) {
      const r = resp[i * k + c];
      if (r === 0) continue;
      for (let j = 0; j < d; j++) diff[j] = data[i * d + j] - means[c * d + j];
      for (let a = 0; a < d; a++) {
        const ra = r * diff[a];
        for (let b = a; b < d; b++) S[a * d + b] += ra * diff[b];
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        const v = S[a * d + b] / nk[c];
        S[a * d + b] = v;
        S[b * d + a] = v;
      }
      S[a * d + a] += reg;
    }
  }
  return cov;
}
