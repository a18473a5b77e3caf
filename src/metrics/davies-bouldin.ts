/**
 * Davies-Bouldin index (Davies & Bouldin 1979), as scikit-learn 1.2:
 *   DB = (1/k) sum_i max_{j != i} (S_i + S_j) / ||c_i - c_j||,  S_i = mean ||x - c_i|| over cluster i.
 * Lower is better. S_i needs the centroids first, so the mergeable form is two-pass: merge
 * `ClusterMoments` for the centroids, then init this state from them, add shards, merge, value.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { checkVectors } from './check-input.js';
import { type ClusterMoments, clusterMoments } from './cluster-moments.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';

export interface DaviesBouldinState {
  cols: number;
  k: number;
  /** k x cols centroids fixed by the first pass. */
  centroids: Float64Array;
  count: Float64Array;
  /** Per cluster, sum of euclidean distances to its centroid. */
  distanceSum: Float64Array;
  noise: number;
}

/** Second-pass state from first-pass moments (their means are the centroids). */
export function daviesBouldinInit(moments: ClusterMoments): DaviesBouldinState {
  return {
    cols: moments.cols,
    k: moments.k,
    centroids: Float64Array.from(moments.mean),
    count: new Float64Array(moments.k),
    distanceSum: new Float64Array(moments.k),
    noise: 0,
  };
}

/** Add a shard (mutates and returns `state`). O(n d). @throws RangeError for a label with no centroid. */
export function daviesBouldinAdd(state: DaviesBouldinState, X: Matrix, labels: Labels): DaviesBouldinState {
  checkVectors('daviesBouldinAdd', X, labels);
  if (X.cols !== state.cols)
    throw new RangeError(`daviesBouldinAdd: X.cols (${X.cols}) != state cols (${state.cols})`);
  return accumulateDistances(state, X, labels);
}

/** The unchecked body of `daviesBouldinAdd` (X and labels already validated by the caller). */
function accumulateDistances(state: DaviesBouldinState, X: Matrix, labels: Labels): DaviesBouldinState {
  const d = state.cols;
  for (let i = 0; i < X.rows; i++) {
    const c = labels[i];
    if (c < 0) {
      state.noise++;
      continue;
    }
    if (c >= state.k)
      throw new RangeError(`daviesBouldinAdd: labels[${i}] (${c}) has no centroid from the first pass`);
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = X.data[i * d + j] - state.centroids[c * d + j];
      s += t * t;
    }
    state.distanceSum[c] += Math.sqrt(s);
    state.count[c]++;
  }
  return state;
}

/** Merge `other` (same centroids) into `state`. O(k). */
export function daviesBouldinMerge(state: DaviesBouldinState, other: DaviesBouldinState): DaviesBouldinState {
  if (other.k !== state.k || other.cols !== state.cols)
    throw new RangeError('daviesBouldinMerge: states were initialized from different centroids');
  for (let c = 0; c < state.k; c++) {
    state.count[c] += other.count[c];
    state.distanceSum[c] += other.distanceSum[c];
  }
  state.noise += other.noise;
  return state;
}

/**
 * DB from the state. O(k^2 d). Fewer than 2 clusters or as many clusters as points: NaN with a
 * reason; all S_i ~ 0 or all centroid distances ~ 0 (|x| <= 1e-8): 0, as scikit-learn.
 */
export function daviesBouldinValue(state: DaviesBouldinState): MetricResult {
  const d = state.cols;
  const live: number[] = [];
  let points = 0;
  for (let c = 0; c < state.k; c++) {
    if (state.count[c] > 0) live.push(c);
    points += state.count[c];
  }
  if (points === 0) return degenerate(state.noise > 0 ? 'all noise' : 'no points');
  if (live.length < 2) return degenerate('one cluster');
  if (live.length >= points) return degenerate('every cluster is a singleton');
  const S = live.map((c) => state.distanceSum[c] / state.count[c]);
  const k = live.length;
  const centroidDistance = new Float64Array(k * k);
  let allClose = true;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = state.centroids[live[a] * d + j] - state.centroids[live[b] * d + j];
        s += t * t;
      }
      centroidDistance[a * k + b] = Math.sqrt(s);
      if (centroidDistance[a * k + b] > 1e-8) allClose = false;
    }
  }
  if (S.every((s) => Math.abs(s) <= 1e-8) || allClose) return metricValue(0);
  let total = 0;
  for (let a = 0; a < k; a++) {
    let worst = Number.NEGATIVE_INFINITY;
    for (let b = 0; b < k; b++) {
      if (a === b) continue;
      const dist = centroidDistance[a * k + b];
      worst = Math.max(worst, dist === 0 ? 0 : (S[a] + S[b]) / dist);
    }
    total += worst;
  }
  return metricValue(total / k);
}

/**
 * Davies-Bouldin index of labeled vectors (euclidean). O(n d + k^2 d). Noise excluded.
 * @throws RangeError on a length mismatch, a label below -1 or a non-finite value.
 */
export function daviesBouldin(X: Matrix, labels: Labels): MetricResult {
  // clusterMoments validates X and labels; the second pass need not scan them again.
  const state = daviesBouldinInit(clusterMoments(X, labels));
  return daviesBouldinValue(accumulateDistances(state, X, labels));
}
