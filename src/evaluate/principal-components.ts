/**
 * Principal component scores: rows projected on the top `components` eigenvectors of the sample
 * covariance (Pearson 1901). Covariance is accumulated in Float64 (O(n d^2)), eigenvectors by Jacobi.
 * Signs are fixed so the largest-magnitude loading of each component is positive, which makes the
 * map deterministic (eigenvectors are otherwise only defined up to sign).
 */
import { symmetricEigen } from '../kernels/symmetric-eigen.js';
import type { Matrix } from '../util/matrix.js';

export interface PrincipalComponents {
  /** n x components, row-major. */
  scores: Float64Array;
  /** Share of total variance per component (NaN when the total is 0). */
  explained: number[];
}

/**
 * @throws RangeError if components < 1 or > X.cols.
 * @example principalComponents(matrixFromRows([[0,0],[2,0]]), 1).scores // [-1, 1]
 */
export function principalComponents(X: Matrix, components = 2): PrincipalComponents {
  const d = X.cols;
  if (!Number.isInteger(components) || components < 1 || components > d)
    throw new RangeError(`principalComponents: components (${components}) must be an integer in 1..${d}`);
  const n = X.rows;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X.data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= Math.max(1, n);
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = X.data[i * d + j] - mean[j];
    for (let a = 0; a < d; a++) {
      const ra = row[a];
      if (ra === 0) continue;
      for (let b = a; b < d; b++) cov[a * d + b] += ra * row[b];
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      cov[a * d + b] /= Math.max(1, n - 1);
      cov[b * d + a] = cov[a * d + b];
    }
  }
  const { values, vectors } = symmetricEigen(cov, d);
  let total = 0;
  for (let j = 0; j < d; j++) total += Math.max(0, values[j]);
  const scores = new Float64Array(n * components);
  const explained: number[] = [];
  for (let c = 0; c < components; c++) {
    let big = 0;
    for (let j = 0; j < d; j++) if (Math.abs(vectors[j * d + c]) > Math.abs(big)) big = vectors[j * d + c];
    const sign = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (X.data[i * d + j] - mean[j]) * vectors[j * d + c];
      scores[i * components + c] = sign * s;
    }
    explained.push(total > 0 ? Math.max(0, values[c]) / total : Number.NaN);
  }
  return { scores, explained };
}
