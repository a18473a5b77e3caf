/**
 * Rows prepared so that a single GEMM, left_I x right_J^T, yields a whole tile of squared euclidean
 * or cosine distances, with no per-tile centering, norms or concatenation in the graph:
 *
 * - euclidean: left = [x', ||x'||^2, 1], right = [-2 x', 1, ||x'||^2] with x' = x - s (s the centering
 *   shift, shift.ts), so left_i . right_j = ||x_i'||^2 + ||x_j'||^2 - 2 x_i'.x_j' = ||x_i - x_j||^2;
 * - cosine: left = [u, 1], right = [-u, 1] with u = x / ||x||, so left_i . right_j = 1 - cos(x_i, x_j).
 *
 * `preparedRows` centers (or normalizes) once, with norms in float64 rounded once, so they are at
 * least as accurate as a float32 ReduceSumSquare in the graph; `leftRows` / `rightRows` lay out a
 * block of them for one tile (O(block d), next to the O(block^2 d) GEMM).
 */
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';

export interface PreparedRows {
  readonly metric: DistanceMetric;
  readonly rows: number;
  readonly cols: number;
  /** rows x cols: x - s (euclidean) or x / ||x|| (cosine), float32. */
  readonly values: Float32Array;
  /** ||x - s||^2 per row (euclidean; zeros for cosine). */
  readonly norms: Float32Array;
  /** max over rows of ||x - s|| (euclidean) or 1 (cosine): every distance is at most 2 * radius. */
  readonly radius: number;
}

/** Storage for `length` float32 values (a SharedArrayBuffer when the rows go to worker threads). */
export type Float32Allocator = (length: number) => Float32Array;

/** Columns of the augmented rows: d + 2 (euclidean) or d + 1 (cosine). */
export const augmentedWidth = (metric: DistanceMetric, d: number): number =>
  metric === 'euclidean' ? d + 2 : d + 1;

/**
 * Rows order[0], order[1], ... of X, centered by `shift` (euclidean) or scaled to unit norm (cosine;
 * rows must be non-zero, which the caller checks). O(n d).
 * @example preparedRows(X, 'euclidean', order, centeringShift(X)).values
 */
export function preparedRows(
  X: Matrix,
  metric: DistanceMetric,
  order: Int32Array,
  shift: Float32Array,
  allocate: Float32Allocator = (length) => new Float32Array(length),
): PreparedRows {
  const d = X.cols;
  const n = order.length;
  const values = allocate(n * d);
  const norms = allocate(n);
  let radius = metric === 'euclidean' ? 0 : 1;
  for (let p = 0; p < n; p++) {
    const row = order[p] * d;
    const o = p * d;
    let norm = 0;
    for (let j = 0; j < d; j++) {
      // Centered in float32, as the GEMM sees it; the norm is then exact up to float64 rounding.
      const v = metric === 'euclidean' ? Math.fround(X.data[row + j] - shift[j]) : X.data[row + j];
      values[o + j] = v;
      norm += v * v;
    }
    if (metric === 'euclidean') {
      norms[p] = norm;
      radius = Math.max(radius, Math.sqrt(norm));
    } else {
      const inv = 1 / Math.sqrt(norm);
      for (let j = 0; j < d; j++) values[o + j] *= inv;
    }
  }
  return { metric, rows: n, cols: d, values, norms, radius };
}

/** Rows [start, start + count) in the left layout into `out` (count x width); returns the filled view. */
export function leftRows(P: PreparedRows, start: number, count: number, out: Float32Array): Float32Array {
  return layout(P, start, count, out, 1);
}

/** Rows [start, start + count) in the right layout into `out` (count x width); returns the filled view. */
export function rightRows(P: PreparedRows, start: number, count: number, out: Float32Array): Float32Array {
  return layout(P, start, count, out, P.metric === 'euclidean' ? -2 : -1);
}

function layout(
  P: PreparedRows,
  start: number,
  count: number,
  out: Float32Array,
  scale: number,
): Float32Array {
  const { cols: d, values, norms, metric } = P;
  const width = augmentedWidth(metric, d);
  const left = scale === 1;
  for (let r = 0; r < count; r++) {
    const src = (start + r) * d;
    const o = r * width;
    // Scaling by 1, -1 or -2 is exact in float32.
    for (let j = 0; j < d; j++) out[o + j] = scale * values[src + j];
    if (metric === 'euclidean') {
      out[o + d] = left ? norms[start + r] : 1;
      out[o + d + 1] = left ? 1 : norms[start + r];
    } else {
      out[o + d] = 1;
    }
  }
  return out.subarray(0, count * width);
}
