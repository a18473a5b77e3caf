/**
 * Exact re-scoring of candidate pairs. The float32 GEMM tiles only select candidates (with a
 * margin); the kept pairs and their distances are then computed here exactly as reference.ts does
 * (float64 sum of squared differences, rounded to float32, then sqrt or halving), so kNearest and
 * radiusNeighbors return the reference's values and the reference's tie order.
 */
import type { Matrix } from '../../util/matrix.js';
import { type DistanceMetric, normalizeRows } from '../distance-metric.js';

/** The rows the reference measures: as given (euclidean) or unit-normalized in float32 (cosine). */
export const referenceRows = (X: Matrix, metric: DistanceMetric, caller: string): Matrix =>
  metric === 'cosine' ? normalizeRows(X, caller) : X;

/** dist(a_i, b_j) exactly as `distancesReference` computes it, on `referenceRows` inputs. O(d). */
export function referenceDistance(
  A: Matrix,
  i: number,
  B: Matrix,
  j: number,
  metric: DistanceMetric,
): number {
  const d = A.cols;
  let s = 0;
  for (let c = 0; c < d; c++) {
    const t = A.data[i * d + c] - B.data[j * d + c];
    s += t * t;
  }
  const squared = Math.fround(s);
  return Math.fround(metric === 'cosine' ? Math.max(0, squared / 2) : Math.sqrt(Math.max(0, squared)));
}

/**
 * A bound on the float32 error of a tile's raw value (squared euclidean on centered rows, or
 * 1 - cos on unit rows): the GEMM dot of length d + 2 over terms of total size <= 4 max||x - s||^2,
 * plus the rounding of the norms and of the centered rows (Higham 2002, section 3.1), doubled.
 */
export function tileErrorBound(X: Matrix, shift: Float32Array | undefined): number {
  const u = 2 ** -24;
  if (shift === undefined) return 16 * (X.cols + 4) * u;
  let largest = 0;
  for (let i = 0; i < X.rows; i++) {
    let s = 0;
    for (let c = 0; c < X.cols; c++) s += (X.data[i * X.cols + c] - shift[c]) ** 2;
    largest = Math.max(largest, s);
  }
  return 16 * (X.cols + 4) * u * largest;
}
