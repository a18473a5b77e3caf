/**
 * Rows prepared once so that a single GEMM, alpha * left_I x right_J^T, yields a whole tile of squared
 * euclidean or cosine distances, with no per-tile centering, norms or concatenation in the graph:
 *
 * - euclidean: left = [x', ||x'||^2, 1], right = [y', -1/2, -||y'||^2 / 2], alpha = -2, with
 *   x' = x - s (s the centering shift, shift.ts): -2 left . right = ||x'||^2 + ||y'||^2 - 2 x'.y';
 * - cosine: left = [u, 1], right = [v, -1], alpha = -1, with u = x / ||x||: 1 - u.v.
 *
 * Only the left rows are stored; a block of right rows is a copy with its last one or two columns
 * rewritten (exact: halving and negation are exact in float32). Norms are summed in float64 and
 * rounded once, at least as accurate as a float32 ReduceSumSquare in the graph.
 */
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';

export interface AugmentedRows {
  readonly metric: DistanceMetric;
  readonly rows: number;
  /** Columns of X. */
  readonly cols: number;
  /** Columns of the augmented rows: cols + 2 (euclidean) or cols + 1 (cosine). */
  readonly width: number;
  /** rows x width, row-major: the left layout. */
  readonly left: Float32Array;
  /** The GEMM's alpha: -2 (euclidean) or -1 (cosine). */
  readonly alpha: number;
  /** max over rows of ||x - s|| (euclidean) or 1 (cosine): every distance is at most 2 * radius. */
  readonly radius: number;
}

/** Storage for `length` float32 values (a SharedArrayBuffer when the rows go to worker threads). */
export type Float32Allocator = (length: number) => Float32Array;

/**
 * The left rows of X in the order `order` (row p is row order[p] of X): centered by `shift`
 * (euclidean) or scaled to unit norm (cosine; rows must be non-zero, which the caller checks). O(n d).
 * @example augmentedRows(X, 'euclidean', order, centeringShift(X)).left
 */
export function augmentedRows(
  X: Matrix,
  metric: DistanceMetric,
  order: Int32Array,
  shift: Float32Array,
  allocate: Float32Allocator = (length) => new Float32Array(length),
): AugmentedRows {
  const d = X.cols;
  const n = order.length;
  const euclidean = metric === 'euclidean';
  const width = euclidean ? d + 2 : d + 1;
  const left = allocate(n * width);
  const src = X.data;
  let radius = euclidean ? 0 : 1;
  for (let p = 0; p < n; p++) {
    const row = order[p] * d;
    const o = p * width;
    let norm = 0;
    if (euclidean) {
      for (let j = 0; j < d; j++) {
        // Centered in float32, as the GEMM sees it; the norm is then exact up to float64 rounding.
        const v = Math.fround(src[row + j] - shift[j]);
        left[o + j] = v;
        norm += v * v;
      }
      left[o + d] = norm;
      left[o + d + 1] = 1;
      radius = Math.max(radius, Math.sqrt(norm));
    } else {
      for (let j = 0; j < d; j++) norm += src[row + j] * src[row + j];
      const inv = 1 / Math.sqrt(norm);
      for (let j = 0; j < d; j++) left[o + j] = src[row + j] * inv;
      left[o + d] = 1;
    }
  }
  return { metric, rows: n, cols: d, width, left, alpha: euclidean ? -2 : -1, radius };
}

/** Rows [start, start + count) in the left layout, copied into `out`; returns the filled view. */
export function leftRows(P: AugmentedRows, start: number, count: number, out: Float32Array): Float32Array {
  const view = P.left.subarray(start * P.width, (start + count) * P.width);
  out.set(view);
  return out.subarray(0, view.length);
}

/** Rows [start, start + count) in the right layout, written into `out`; returns the filled view. */
export function rightRows(P: AugmentedRows, start: number, count: number, out: Float32Array): Float32Array {
  const { width, cols: d } = P;
  const filled = leftRows(P, start, count, out);
  if (P.metric === 'euclidean') {
    for (let o = 0; o < filled.length; o += width) {
      out[o + d + 1] = -0.5 * out[o + d];
      out[o + d] = -0.5;
    }
  } else {
    for (let o = 0; o < filled.length; o += width) out[o + d] = -1;
  }
  return filled;
}
