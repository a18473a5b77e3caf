/**
 * Gaussian-mixture covariance algebra (scikit-learn 1.2 `_gaussian_mixture.py`): the Cholesky factor
 * of each precision matrix, which is all the E-step needs, and the parameter count behind BIC/AIC.
 * Storage, all Float64 row-major: `full` k*d*d, `diag` k*d, `spherical` k.
 */

/** How each component's covariance is parameterized. */
export type CovarianceType = 'full' | 'diag' | 'spherical';

/** The accepted covariance types, for validation and help. */
export const COVARIANCE_TYPES: readonly CovarianceType[] = ['full', 'diag', 'spherical'];

/**
 * Precision Cholesky factors: for `full`, P_c = (L_c^-1)^T with Sigma_c = L_c L_c^T (upper
 * triangular, so Sigma_c^-1 = P_c P_c^T); for `diag`/`spherical`, 1/sqrt(variance).
 * O(k d^3) for full.
 * @throws RangeError naming the component when a covariance is not positive definite.
 */
export function precisionCholesky(
  cov: Float64Array,
  type: CovarianceType,
  k: number,
  d: number,
): Float64Array {
  if (type !== 'full') {
    const out = new Float64Array(cov.length);
    for (let i = 0; i < cov.length; i++) {
      if (!(cov[i] > 0)) throw illDefined(type === 'diag' ? Math.floor(i / d) : i);
      out[i] = 1 / Math.sqrt(cov[i]);
    }
    return out;
  }
  const out = new Float64Array(k * d * d);
  const L = new Float64Array(d * d);
  for (let c = 0; c < k; c++) {
    if (!choleskyLower(cov.subarray(c * d * d, (c + 1) * d * d), d, L)) throw illDefined(c);
    // Solve L Z = I column by column (forward substitution); P = Z^T, so P[i][j] = Z[j][i].
    const P = out.subarray(c * d * d, (c + 1) * d * d);
    for (let col = 0; col < d; col++) {
      for (let row = col; row < d; row++) {
        let s = row === col ? 1 : 0;
        for (let m = col; m < row; m++) s -= L[row * d + m] * P[col * d + m];
        P[col * d + row] = s / L[row * d + row];
      }
    }
  }
  return out;
}

/**
 * Lower Cholesky factor of the symmetric d x d matrix A into L; false if A is not positive definite.
 * Cholesky-Banachiewicz, O(d^3 / 3).
 */
export function choleskyLower(A: ArrayLike<number>, d: number, L: Float64Array): boolean {
  L.fill(0);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * d + j];
      for (let m = 0; m < j; m++) s -= L[i * d + m] * L[j * d + m];
      if (i === j) {
        if (!(s > 0)) return false;
        L[i * d + i] = Math.sqrt(s);
      } else L[i * d + j] = s / L[j * d + j];
    }
  }
  return true;
}

/** Free parameters of a k-component mixture in d dimensions (scikit-learn's `_n_parameters`). */
export function mixtureParameterCount(type: CovarianceType, k: number, d: number): number {
  const covariance = type === 'full' ? (k * d * (d + 1)) / 2 : type === 'diag' ? k * d : k;
  return covariance + k * d + k - 1;
}

function illDefined(component: number): RangeError {
  return new RangeError(
    `gmm: component ${component} has an ill-defined covariance (singleton or collapsed points); use fewer components or a larger regCovar`,
  );
}
