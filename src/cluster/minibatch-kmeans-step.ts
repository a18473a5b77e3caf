/**
 * One mini-batch k-means step (Sculley 2010), as scikit-learn 1.2's `_mini_batch_step`: assign the
 * batch to the nearest centers (`batchAssigner` kernel over X in `fit`, `nearestRows` on a chunk in
 * `partialFit`), move each center to the running weighted mean of every point it has been given so
 * far, and optionally re-seed centers that have received far fewer points than the busiest one.
 * Also the blocked full-data labelling, so memory stays bounded.
 */
import { batchSumsOf, weightedDistanceSum } from '../kernels/batch-assigner.js';
import { type BatchAssigner, type BatchSums, nearestRows } from '../kernels/kernels.js';
import type { Matrix } from '../util/matrix.js';
import type { Random } from '../util/random.js';

/** Mutable state of a mini-batch run: centers (k x d) and the total weight each center has absorbed. */
export interface MiniBatchState {
  centers: Matrix;
  counts: Float64Array;
}

/**
 * Update `state` in place from one batch; returns the batch inertia under the centers before the update.
 * Reassignment (when `reassign` and ratio > 0): centers with count < ratio * max count get a random
 * batch row (weighted, without replacement) and the smallest count among the others.
 */
export async function miniBatchStep(
  batch: Matrix,
  weight: Float64Array,
  state: MiniBatchState,
  options: StepOptions,
): Promise<number> {
  const { index, distance } = await nearestRows(batch, state.centers);
  const assigned = batchSumsOf(batch, weight, index, distance, state.centers.rows);
  return applyBatch(assigned, (r) => rowOf(batch, r), weight, state, options);
}

export interface StepOptions {
  reassign: boolean;
  reassignmentRatio: number;
  spherical: boolean;
  random: Random;
}

/**
 * `miniBatchStep` on the batch rows[0 ..) of X, assigned and summed by `assigner` (the
 * `batchAssigner` kernel over X, which need not copy the rows out): the same update.
 */
export async function miniBatchStepOn(
  X: Matrix,
  assigner: BatchAssigner,
  rows: Int32Array,
  weight: Float64Array,
  state: MiniBatchState,
  options: StepOptions,
): Promise<number> {
  const assigned = await assigner.step(rows, weight, state.centers);
  return applyBatch(assigned, (r) => rowOf(X, rows[r]), weight, state, options);
}

/** The update once a batch (batch row r being `row(r)`) is assigned and summed; returns its inertia. */
function applyBatch(
  assigned: BatchSums,
  row: (r: number) => Float32Array,
  weight: Float64Array,
  state: MiniBatchState,
  options: StepOptions,
): number {
  moveCenters(assigned.sums, assigned.weight, state, options.spherical);
  if (options.reassign && options.reassignmentRatio > 0)
    reassignSmallCenters(row, weight, state, options.reassignmentRatio, options.random);
  return assigned.inertia;
}

const rowOf = (X: Matrix, i: number): Float32Array => X.data.subarray(i * X.cols, (i + 1) * X.cols);

/**
 * Move each center that received batch weight to the running weighted mean of all it has been
 * given: (c counts + sum w x) / (counts + sum w), unit length when spherical. `sums` is overwritten.
 */
function moveCenters(
  sums: Float64Array,
  batchWeight: Float64Array,
  state: MiniBatchState,
  spherical: boolean,
): void {
  const { centers, counts } = state;
  const k = centers.rows;
  const d = centers.cols;
  for (let c = 0; c < k; c++) {
    if (batchWeight[c] === 0) continue;
    const total = counts[c] + batchWeight[c];
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const v = (centers.data[c * d + j] * counts[c] + sums[c * d + j]) / total;
      sums[c * d + j] = v;
      norm += v * v;
    }
    const scale = spherical && norm > 0 ? 1 / Math.sqrt(norm) : 1;
    for (let j = 0; j < d; j++) centers.data[c * d + j] = sums[c * d + j] * scale;
    counts[c] = total;
  }
}

/** Reassignment over a batch of weight.length rows, batch row r being `row(r)`. */
function reassignSmallCenters(
  row: (r: number) => Float32Array,
  weight: Float64Array,
  state: MiniBatchState,
  ratio: number,
  random: Random,
): void {
  const { centers, counts } = state;
  const k = counts.length;
  let max = 0;
  for (let c = 0; c < k; c++) max = Math.max(max, counts[c]);
  const flagged = new Uint8Array(k);
  let m = 0;
  for (let c = 0; c < k; c++) {
    if (counts[c] < ratio * max) {
      flagged[c] = 1;
      m++;
    }
  }
  if (m > 0.5 * weight.length) {
    // Keep the centers with the largest counts, as scikit-learn's argsort(counts)[batch/2:].
    const order = [...counts.keys()].sort((a, b) => counts[a] - counts[b] || a - b);
    for (const c of order.slice(Math.floor(0.5 * weight.length))) flagged[c] = 0;
    m = flagged.reduce((s, v) => s + v, 0);
  }
  if (m === 0) return;
  const rows = weightedWithoutReplacement(weight, m, random);
  let minKept = Number.POSITIVE_INFINITY;
  for (let c = 0; c < k; c++) if (!flagged[c]) minKept = Math.min(minKept, counts[c]);
  const d = centers.cols;
  let r = 0;
  for (let c = 0; c < k && r < rows.length; c++) {
    if (!flagged[c]) continue;
    centers.data.set(row(rows[r]), c * d);
    counts[c] = minKept;
    r++;
  }
}

/** m distinct indices drawn with probability proportional to weight (numpy `choice(replace=False, p=...)`). */
function weightedWithoutReplacement(weight: Float64Array, m: number, random: Random): Int32Array {
  const w = Float64Array.from(weight);
  const out = new Int32Array(m);
  for (let t = 0; t < m; t++) {
    let total = 0;
    for (let i = 0; i < w.length; i++) total += w[i];
    let u = random.uniform() * total;
    let pick = -1;
    for (let i = 0; i < w.length; i++) {
      if (w[i] === 0) continue;
      pick = i;
      if ((u -= w[i]) < 0) break;
    }
    if (pick < 0) return out.subarray(0, t);
    out[t] = pick;
    w[pick] = 0;
  }
  return out;
}

/**
 * Nearest center and total weighted inertia for every row of X, in row blocks of `blockRows`
 * so the n x k distance work never materializes at once. O(n k d) time, O(blockRows k) memory.
 */
export async function labelsAndInertia(
  X: Matrix,
  weight: Float64Array | undefined,
  centers: Matrix,
  blockRows = 65536,
): Promise<{ labels: Int32Array; inertia: number }> {
  const labels = new Int32Array(X.rows);
  let inertia = 0;
  const d = X.cols;
  for (let start = 0; start < X.rows; start += blockRows) {
    const end = Math.min(X.rows, start + blockRows);
    const block: Matrix = { rows: end - start, cols: d, data: X.data.subarray(start * d, end * d) };
    const { index, distance } = await nearestRows(block, centers);
    labels.set(index, start);
    inertia += weightedDistanceSum(distance, weight, start);
  }
  return { labels, inertia };
}
