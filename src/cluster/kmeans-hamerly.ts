/**
 * Hamerly's accelerated k-means (Hamerly 2010, "Making k-means even faster"): per row one upper
 * bound on the distance to its assigned center and one lower bound on the distance to every other
 * center, so most rows skip the k distance computations once centers settle. Gives the same labels
 * as Lloyd (up to float rounding on exact ties) with the same stopping rule as `lloydKMeans`.
 * Bound checks are plain TypeScript in Float64; the rows that fail them are searched in one batch
 * through the distance kernel (`nearestTwoCenters`).
 */
import { centerSumsReference } from '../kernels/center-assigner.js';
import { centerInertiaReference } from '../kernels/center-inertia.js';
import { moveRows } from '../kernels/center-moves.js';
import type { CenterAssigner, CenterSums } from '../kernels/kernels.js';
import type { Matrix } from '../util/matrix.js';
import type { KMeansRun, KMeansRunOptions } from './kmeans-lloyd.js';
import { assignedSquaredDistances, centerShift } from './kmeans-measures.js';
import { nearestTwoCenters, rowDistance } from './kmeans-nearest-two.js';
import { centersFromSums } from './kmeans-update.js';

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
  const assigner = options.assigner;
  await nearestTwoCenters(X, centers, undefined, labels, upper, lower, assigner);
  let previous: Int32Array | undefined;
  let sums: CenterSums | undefined;
  let strict = false;
  let nIter = 0;
  for (let it = 0; it < options.maxIter; it++) {
    if (it > 0) await assignWithBounds(X, centers, labels, upper, lower, assigner);
    const assigned = labels;
    const changed = previous === undefined ? -1 : moveRows(X, weight, sums!, previous, labels);
    if (sums === undefined) sums = centerSumsReference(X, weight, labels, k);
    const old = centers;
    const next = centersFromSums(
      X,
      weight,
      assigned,
      () => assignedSquaredDistances(X, old, assigned),
      sums,
      options.spherical,
    );
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
    if (changed === 0) {
      strict = true;
      break;
    }
    previous = labels.slice();
    if (total <= options.tol) break;
  }
  if (!strict) await assignWithBounds(X, centers, labels, upper, lower, assigner);
  labels = labels.slice();
  // Through the assigner when there is one, so Lloyd and Hamerly report the same inertia for the same result.
  const inertia = assigner
    ? await assigner.inertia(centers, labels)
    : centerInertiaReference(X, weight, centers, labels);
  return { labels, centers, inertia, nIter };
}

/**
 * One pass of Hamerly's test: a row keeps its center when its upper bound (tightened to the exact
 * distance if needed) is within max(half the gap to the center's nearest other center, its lower
 * bound); the rest get a full search, batched through the kernel.
 */
async function assignWithBounds(
  X: Matrix,
  C: Matrix,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  assigner: CenterAssigner | undefined,
): Promise<void> {
  const unsure = unsureRows(X, C, labels, upper, lower);
  if (unsure.length > 0) await nearestTwoCenters(X, C, unsure, labels, upper, lower, assigner);
}

/**
 * The rows whose upper bound, tightened to the exact distance where needed, still exceeds
 * max(half the gap to their center's nearest other center, their lower bound). A plain function:
 * in the async caller its doubles would be boxed on every row.
 */
function unsureRows(
  X: Matrix,
  C: Matrix,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): Int32Array {
  const half = halfNearestCenterDistance(C);
  const unsure: number[] = [];
  for (let i = 0; i < X.rows; i++) {
    const a = labels[i];
    const m = Math.max(half[a], lower[i]);
    if (upper[i] <= m) continue;
    upper[i] = Math.sqrt(rowDistance(X, i, C, a));
    if (upper[i] > m) unsure.push(i);
  }
  return Int32Array.from(unsure);
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
