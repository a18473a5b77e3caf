/**
 * Plain-TypeScript reference implementations of the GEMM-shaped kernels. Fast backends
 * (onnxruntime, workers) must agree with these; tests compare against them. Float64 accumulation.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import type { DistanceMetric } from './distance-metric.js';
import { normalizeRows } from './distance-metric.js';

/** ||a_i - b_j||^2 for all i, j, as an A.rows x B.rows row-major array. O(n m d). */
export function squaredDistancesReference(A: Matrix, B: Matrix): Float32Array {
  checkCols(A, B, 'squaredDistances');
  const out = new Float32Array(A.rows * B.rows);
  const d = A.cols;
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < B.rows; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) {
        const t = A.data[i * d + c] - B.data[j * d + c];
        s += t * t;
      }
      out[i * B.rows + j] = s;
    }
  }
  return out;
}

/** For each row of X, the index of the nearest row of C and its squared distance. Ties: lowest index. */
export function nearestRowsReference(X: Matrix, C: Matrix): { index: Int32Array; distance: Float32Array } {
  const D = squaredDistancesReference(X, C);
  const index = new Int32Array(X.rows);
  const distance = new Float32Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let best = 0;
    for (let j = 1; j < C.rows; j++) if (D[i * C.rows + j] < D[i * C.rows + best]) best = j;
    index[i] = best;
    distance[i] = C.rows === 0 ? Number.NaN : D[i * C.rows + best];
  }
  return { index, distance };
}

/** Distance matrix (not squared) between rows of A and B under `metric`. */
export function distancesReference(A: Matrix, B: Matrix, metric: DistanceMetric): Float32Array {
  if (metric === 'cosine') {
    const D = squaredDistancesReference(normalizeRows(A), normalizeRows(B));
    for (let i = 0; i < D.length; i++) D[i] = Math.max(0, D[i] / 2);
    return D;
  }
  const D = squaredDistancesReference(A, B);
  for (let i = 0; i < D.length; i++) D[i] = Math.sqrt(Math.max(0, D[i]));
  return D;
}

/**
 * sums[i*k + c] = sum over points j with labels[j] = c of dist(x_i, x_j); noise (-1) excluded.
 * The core of silhouette (Rousseeuw 1987). O(n^2 d).
 */
export function clusterDistanceSumsReference(
  X: Matrix,
  labels: Labels,
  k: number,
  metric: DistanceMetric,
): Float64Array {
  assertClusterLabels(X, labels, k, 'clusterDistanceSums');
  const D = distancesReference(X, X, metric);
  const sums = new Float64Array(X.rows * k);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < X.rows; j++) {
      const c = labels[j];
      if (c >= 0) sums[i * k + c] += D[i * X.rows + j];
    }
  }
  return sums;
}

/**
 * The k nearest rows of X (distances not squared) for each row of Q (default: X itself, excluding
 * the point itself by index). Ties broken by lower index. Rows ordered by increasing distance.
 */
export function kNearestReference(
  X: Matrix,
  k: number,
  metric: DistanceMetric,
  Q?: Matrix,
): { indices: Int32Array; distances: Float32Array } {
  const queries = Q ?? X;
  const self = Q === undefined;
  const available = X.rows - (self ? 1 : 0);
  if (!Number.isInteger(k) || k < 1 || k > available) {
    throw new RangeError(`kNearest: k (${k}) must be an integer in [1, ${available}]`);
  }
  const D = distancesReference(queries, X, metric);
  const indices = new Int32Array(queries.rows * k);
  const distances = new Float32Array(queries.rows * k);
  const order = new Int32Array(X.rows);
  for (let i = 0; i < queries.rows; i++) {
    for (let j = 0; j < X.rows; j++) order[j] = j;
    const row = D.subarray(i * X.rows, (i + 1) * X.rows);
    const sorted = Array.from(order)
      .filter((j) => !self || j !== i)
      .sort((a, b) => row[a] - row[b] || a - b);
    for (let r = 0; r < k; r++) {
      indices[i * k + r] = sorted[r];
      distances[i * k + r] = row[sorted[r]];
    }
  }
  return { indices, distances };
}

/**
 * Rows of A x B distances, `blockRows` rows at a time, passed to `visit` (one reused buffer:
 * copy what must outlive the call). Memory O(blockRows * B.rows).
 */
export async function distanceBlocksReference(
  A: Matrix,
  B: Matrix,
  metric: DistanceMetric,
  blockRows: number,
  visit: (block: Float32Array, rowStart: number, rowCount: number) => void | Promise<void>,
): Promise<void> {
  assertBlockRows(blockRows, 'distanceBlocks');
  checkCols(A, B, 'distanceBlocks');
  for (let r0 = 0; r0 < A.rows; r0 += blockRows) {
    const rb = Math.min(blockRows, A.rows - r0);
    const block = { rows: rb, cols: A.cols, data: A.data.subarray(r0 * A.cols, (r0 + rb) * A.cols) };
    await visit(distancesReference(block, B, metric), r0, rb);
  }
}

/** @throws RangeError unless blockRows is a positive integer. */
export function assertBlockRows(blockRows: number, caller: string): void {
  if (!Number.isInteger(blockRows) || blockRows < 1)
    throw new RangeError(`${caller}: blockRows (${blockRows}) must be a positive integer`);
}

/** @throws RangeError on a labels/rows length mismatch, a bad k, or a label outside [-1, k). */
export function assertClusterLabels(X: Matrix, labels: Labels, k: number, caller: string): void {
  if (labels.length !== X.rows)
    throw new RangeError(`${caller}: labels.length (${labels.length}) != rows (${X.rows})`);
  if (!Number.isInteger(k) || k < 0)
    throw new RangeError(`${caller}: k (${k}) must be a non-negative integer`);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < -1 || labels[i] >= k)
      throw new RangeError(`${caller}: labels[${i}] (${labels[i]}) must be -1 (noise) or in [0, ${k})`);
  }
}

export function checkCols(A: Matrix, B: Matrix, caller: string): void {
  if (A.cols !== B.cols) throw new RangeError(`${caller}: A.cols (${A.cols}) != B.cols (${B.cols})`);
}
