/**
 * The data perturbations of Hennig's clusterboot (fpc 2.2, `clusterboot`): bootstrap, subsetting,
 * jittering and replacement by noise. Each returns the perturbed data and which original points
 * the comparison runs on. Jitter and noise work in the principal axes of the data's covariance.
 */
import type { Matrix } from '../util/matrix.js';
import type { Random } from '../util/random.js';
import { symmetricEigen } from '../kernels/symmetric-eigen.js';

/** A perturbed data set: `data` row r stands for original point `points[r]` (for the comparison). */
export interface Perturbed {
  data: Matrix;
  /** Original indices compared, one per row of `data` that is not replacement noise. */
  points: Int32Array;
  /** Row of `data` holding each compared point. */
  rows: Int32Array;
}

/** Principal axes of X: column means, covariance eigenvalues and eigenvectors (columns). */
export interface PrincipalAxes {
  mean: Float64Array;
  values: Float64Array;
  vectors: Float64Array;
}

/** Column means and covariance eigen-decomposition (divisor n - 1, as R's `cov`). O(n d^2 + d^3). */
export function principalAxes(X: Matrix): PrincipalAxes {
  const { rows: n, cols: p, data } = X;
  const mean = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j] += data[i * p + j];
  for (let j = 0; j < p; j++) mean[j] /= n;
  const cov = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) {
      const xa = data[i * p + a] - mean[a];
      for (let b = a; b < p; b++) cov[a * p + b] += xa * (data[i * p + b] - mean[b]);
    }
  }
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      cov[a * p + b] /= n - 1;
      cov[b * p + a] = cov[a * p + b];
    }
  }
  const { values, vectors } = symmetricEigen(cov, p);
  for (let j = 0; j < p; j++) if (!(values[j] > 0)) values[j] = 0;
  return { mean, values, vectors };
}

/** Bootstrap: n draws with replacement, duplicates dropped (fpc's default `multipleboot = FALSE`). */
export function bootstrapPerturbation(X: Matrix, random: Random): Perturbed {
  const taken = new Uint8Array(X.rows);
  for (let i = 0; i < X.rows; i++) taken[random.int(X.rows)] = 1;
  const points: number[] = [];
  for (let i = 0; i < X.rows; i++) if (taken[i]) points.push(i);
  return subsetOf(X, Int32Array.from(points));
}

/** A random subset of `size` points without replacement. */
export function subsetPerturbation(X: Matrix, size: number, random: Random): Perturbed {
  const index = Int32Array.from({ length: X.rows }, (_, i) => i);
  for (let t = 0; t < size; t++) {
    const r = t + random.int(X.rows - t);
    const tmp = index[t];
    index[t] = index[r];
    index[r] = tmp;
  }
  return subsetOf(X, index.slice(0, size).sort());
}

/**
 * Per principal axis, the jitter standard deviation: the `quantile` (R type 7) of the positive gaps
 * between sorted projections on that axis.
 */
export function jitterScales(X: Matrix, axes: PrincipalAxes, quantile: number): Float64Array {
  const { rows: n, cols: p, data } = X;
  const scales = new Float64Array(p);
  const proj = new Float64Array(n);
  for (let a = 0; a < p; a++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += data[i * p + j] * axes.vectors[j * p + a];
      proj[i] = s;
    }
    proj.sort();
    const gaps: number[] = [];
    for (let i = 1; i < n; i++) if (proj[i] - proj[i - 1] > 0) gaps.push(proj[i] - proj[i - 1]);
    gaps.sort((x, y) => x - y);
    if (gaps.length === 0) continue;
    const h = (gaps.length - 1) * quantile;
    const lo = Math.floor(h);
    scales[a] = gaps[lo] + (h - lo) * (gaps[Math.min(lo + 1, gaps.length - 1)] - gaps[lo]);
  }
  return scales;
}

/** Every point moved by normal noise with sd `scales[a]` along principal axis a. */
export function jitterPerturbation(
  X: Matrix,
  axes: PrincipalAxes,
  scales: Float64Array,
  random: Random,
): Perturbed {
  const { rows: n, cols: p } = X;
  const data = Float32Array.from(X.data);
  const z = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) z[a] = random.normal() * scales[a];
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let a = 0; a < p; a++) s += z[a] * axes.vectors[j * p + a];
      data[i * p + j] += s;
    }
  }
  const all = Int32Array.from({ length: n }, (_, i) => i);
  return { data: { rows: n, cols: p, data }, points: all, rows: all };
}

/**
 * Each point replaced with probability `fraction` by uniform noise within `scale` standard
 * deviations along every principal axis around the mean; the replaced points leave the comparison.
 */
export function noisePerturbation(
  X: Matrix,
  axes: PrincipalAxes,
  fraction: number,
  scale: number,
  random: Random,
): Perturbed {
  const { rows: n, cols: p } = X;
  const data = Float32Array.from(X.data);
  const kept: number[] = [];
  const z = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    if (random.uniform() >= fraction) {
      kept.push(i);
      continue;
    }
    for (let a = 0; a < p; a++) z[a] = (2 * random.uniform() - 1) * scale * Math.sqrt(axes.values[a]);
    for (let j = 0; j < p; j++) {
      let s = axes.mean[j];
      for (let a = 0; a < p; a++) s += z[a] * axes.vectors[j * p + a];
      data[i * p + j] = s;
    }
  }
  const points = Int32Array.from(kept);
  return { data: { rows: n, cols: p, data }, points, rows: points };
}

function subsetOf(X: Matrix, points: Int32Array): Perturbed {
  const data = new Float32Array(points.length * X.cols);
  for (let r = 0; r < points.length; r++)
    data.set(X.data.subarray(points[r] * X.cols, (points[r] + 1) * X.cols), r * X.cols);
  return {
    data: { rows: points.length, cols: X.cols, data },
    points,
    rows: Int32Array.from({ length: points.length }, (_, r) => r),
  };
}
