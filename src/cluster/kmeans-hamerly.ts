/**
 * Hamerly's accelerated k-means (Hamerly 2010, "Making k-means even faster"): per row one upper
 * bound on the distance to its assigned center and one lower bound on the distance to every other
 * center, so most rows skip the k distance computations once centers settle. Gives the same labels
 * as Lloyd (up to float rounding on exact ties) with the same stopping rule as `lloydKMeans`.
 * Plain TypeScript, Float64 distances: the work is irregular, which is what the bounds buy.
 */
import type { Matrix } from '../util/matrix.js';
import type { KMeansRun, KMeansRunOptions } from './kmeans-lloyd.js';
import { centerShift, kmeansInertia, updateCentroids } from './kmeans-update.js';

/** Run Hamerly iterations from `initial` centers. O(n k d) per iteration at worst, O(n d) typically. */
export async function hamerlyKMeans(
  X: Matrix,
  weight: Float64Array,
  initial: Matrix,
  options: KMeansRunOptions,
): Promise<KMeansRun> {
  const n = X.rows;
  const k = initial.rows;
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  let labels = new Int32Array(n);
  let centers = initial;
  for (let i = 0; i < n; i++) assignExactly(X, centers, i, labels, upper, lower);
  let previous: Int32Array | undefined;
  let strict = false;
  let nIter = 0;
  for (let it = 0; it < options.maxIter; it++) {
    if (it > 0) assignWithBounds(X, centers, labels, upper, lower);
    const assigned = labels;
    const next = updateCentroids(
      X,
      weight,
      assigned,
      () => exactDistances(X, centers, assigned),
      k,
      options.spherical,
    ).centers;
    nIter = it + 1;
    const total = centerShift(next, centers);
    moveBounds(centers, next, labels, upper, lower);
    centers = next;
    options.onProgress?.({
      task: options.task ?? 'kmeans',
      done: nIter,
      total: options.maxIter,
      detail: `shift ${total.toPrecision(3)}`,
    });
    if (previous !== undefined && sameLabels(labels, previous)) {
      strict = true;
      break;
    }
    previous = labels.slice();
    if (total <= options.tol) break;
  }
  if (!strict) assignWithBounds(X, centers, labels, upper, lower);
  labels = labels.slice();
  return { labels, centers, inertia: kmeansInertia(X, weight, centers, labels), nIter };
}

/** One pass of Hamerly's test: rows whose bounds cannot rule out a closer center are recomputed. */
function assignWithBounds(
  X: Matrix,
  C: Matrix,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): void {
  const half = halfNearestCenterDistance(C);
  for (let i = 0; i < X.rows; i++) {
    const a = labels[i];
    const m = Math.max(half[a], lower[i]);
    if (upper[i] <= m) continue;
    upper[i] = Math.sqrt(rowDistance(X, i, C, a));
    if (upper[i] <= m) continue;
    assignExactly(X, C, i, labels, upper, lower);
  }
}

/** Nearest and second-nearest center of row i by full search; ties to the lower index. */
function assignExactly(
  X: Matrix,
  C: Matrix,
  i: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): void {
  let best = Number.POSITIVE_INFINITY;
  let second = Number.POSITIVE_INFINITY;
  let bestIndex = 0;
  for (let c = 0; c < C.rows; c++) {
    const dist = rowDistance(X, i, C, c);
    if (dist < best) {
      second = best;
      best = dist;
      bestIndex = c;
    } else if (dist < second) second = dist;
  }
  labels[i] = bestIndex;
  upper[i] = Math.sqrt(best);
  lower[i] = Math.sqrt(second);
}

/** After centers move by p_c: upper grows by its own center's shift, lower shrinks by the largest other shift. */
function moveBounds(
  old: Matrix,
  next: Matrix,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): void {
  const k = old.rows;
  const d = old.cols;
  const shift = new Float64Array(k);
  let max1 = 0;
  let max2 = 0;
  let argmax = -1;
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = next.data[c * d + j] - old.data[c * d + j];
      s += t * t;
    }
    shift[c] = Math.sqrt(s);
    if (shift[c] > max1) {
      max2 = max1;
      max1 = shift[c];
      argmax = c;
    } else if (shift[c] > max2) max2 = shift[c];
  }
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i];
    upper[i] += shift[a];
    lower[i] -= a === argmax ? max2 : max1;
  }
}

/** s_c = half the distance from center c to its nearest other center (Infinity when k = 1). */
function halfNearestCenterDistance(C: Matrix): Float64Array {
  const half = new Float64Array(C.rows).fill(Number.POSITIVE_INFINITY);
  for (let a = 0; a < C.rows; a++) {
    for (let b = a + 1; b < C.rows; b++) {
      const dist = Math.sqrt(rowDistance(C, a, C, b)) / 2;
      if (dist < half[a]) half[a] = dist;
      if (dist < half[b]) half[b] = dist;
    }
  }
  return half;
}

function exactDistances(X: Matrix, C: Matrix, labels: Int32Array): Float64Array {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) out[i] = rowDistance(X, i, C, labels[i]);
  return out;
}

/** ||A_i - B_j||^2 in Float64. */
function rowDistance(A: Matrix, i: number, B: Matrix, j: number): number {
  const d = A.cols;
  const a = A.data;
  const b = B.data;
  const ai = i * d;
  const bj = j * d;
  let s = 0;
  for (let c = 0; c < d; c++) {
    const t = a[ai + c] - b[bj + c];
    s += t * t;
  }
  return s;
}

function sameLabels(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
