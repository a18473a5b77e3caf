/**
 * Mergeable per-cluster moments (Arquero-style init/add/merge/value): count, mean vector and sum
 * of squared deviations from the mean, updated with Welford's algorithm and merged with Chan,
 * Golub & LeVeque's (1979) pairwise formula, so shards give the same figures as the whole (to
 * rounding) without the cancellation of sum-of-squares formulas. The sufficient statistic of
 * Calinski-Harabasz, R^2, WCSS and Ball-Hall. Noise (-1) is skipped.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { checkVectors } from './check-input.js';

export interface ClusterMoments {
  cols: number;
  /** Clusters tracked (= largest label seen + 1); absent labels have count 0. */
  k: number;
  count: Float64Array;
  /** k x cols, row-major. */
  mean: Float64Array;
  /** Per cluster, sum over its points of ||x - mean||^2. */
  m2: Float64Array;
  /** Noise points seen (not part of any cluster). */
  noise: number;
}

/** Empty moments for `cols`-dimensional points. */
export function momentsInit(cols: number): ClusterMoments {
  return {
    cols,
    k: 0,
    count: new Float64Array(0),
    mean: new Float64Array(0),
    m2: new Float64Array(0),
    noise: 0,
  };
}

/** Add a shard (mutates and returns `state`). O(n d). @throws RangeError on a shape mismatch or NaN. */
export function momentsAdd(state: ClusterMoments, X: Matrix, labels: Labels): ClusterMoments {
  checkVectors('momentsAdd', X, labels);
  if (X.cols !== state.cols)
    throw new RangeError(`momentsAdd: X.cols (${X.cols}) != state cols (${state.cols})`);
  let max = -1;
  for (const l of labels) if (l > max) max = l;
  grow(state, max + 1);
  const { cols, count, mean, m2 } = state;
  for (let i = 0; i < X.rows; i++) {
    const c = labels[i];
    if (c < 0) {
      state.noise++;
      continue;
    }
    const nc = ++count[c];
    const inv = 1 / nc;
    const o = c * cols;
    const oi = i * cols;
    let acc = 0;
    for (let j = 0; j < cols; j++) {
      const x = X.data[oi + j];
      const d = x - mean[o + j];
      mean[o + j] += d * inv;
      acc += d * (x - mean[o + j]);
    }
    m2[c] += acc;
  }
  return state;
}

/** Merge `other` into `state` (mutates and returns `state`). O(k d). */
export function momentsMerge(state: ClusterMoments, other: ClusterMoments): ClusterMoments {
  if (other.cols !== state.cols)
    throw new RangeError(`momentsMerge: other cols (${other.cols}) != cols (${state.cols})`);
  grow(state, other.k);
  const d = state.cols;
  for (let c = 0; c < other.k; c++) {
    const nb = other.count[c];
    if (nb === 0) continue;
    const na = state.count[c];
    const n = na + nb;
    let dist2 = 0;
    for (let j = 0; j < d; j++) {
      const delta = other.mean[c * d + j] - state.mean[c * d + j];
      dist2 += delta * delta;
      state.mean[c * d + j] += (delta * nb) / n;
    }
    state.m2[c] += other.m2[c] + (dist2 * na * nb) / n;
    state.count[c] = n;
  }
  state.noise += other.noise;
  return state;
}

/** Moments of one labeled matrix. */
export function clusterMoments(X: Matrix, labels: Labels): ClusterMoments {
  return momentsAdd(momentsInit(X.cols), X, labels);
}

/** Within, between and total sums of squares, and the clusters/points they cover. */
export interface Dispersion {
  within: number;
  between: number;
  total: number;
  /** Non-empty clusters. */
  clusters: number;
  /** Non-noise points. */
  points: number;
}

/** The value of the moments state: sums of squares about cluster means and the grand mean. O(k d). */
export function dispersion(m: ClusterMoments): Dispersion {
  const d = m.cols;
  let points = 0;
  let clusters = 0;
  const grand = new Float64Array(d);
  for (let c = 0; c < m.k; c++) {
    if (m.count[c] === 0) continue;
    clusters++;
    points += m.count[c];
    for (let j = 0; j < d; j++) grand[j] += m.count[c] * m.mean[c * d + j];
  }
  for (let j = 0; j < d; j++) grand[j] /= points;
  let within = 0;
  let between = 0;
  for (let c = 0; c < m.k; c++) {
    if (m.count[c] === 0) continue;
    within += m.m2[c];
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = m.mean[c * d + j] - grand[j];
      s += t * t;
    }
    between += m.count[c] * s;
  }
  return { within, between, total: within + between, clusters, points };
}

function grow(state: ClusterMoments, k: number): void {
  if (k <= state.k) return;
  const count = new Float64Array(k);
  count.set(state.count);
  const mean = new Float64Array(k * state.cols);
  mean.set(state.mean);
  const m2 = new Float64Array(k);
  m2.set(state.m2);
  state.count = count;
  state.mean = mean;
  state.m2 = m2;
  state.k = k;
}
