/**
 * Nearest and second-nearest center for a set of rows, the full search Hamerly's k-means falls back
 * to: the GEMM-shaped part runs through the `squaredDistances` kernel in row blocks (bounded memory),
 * then the two kept distances are recomputed exactly in Float64 from differences, so the bounds
 * carry no cancellation error (the kernel's float32 ranking decides only near-exact ties).
 */
import { rowSquaredDistance } from '../kernels/center-inertia.js';
import { type CenterAssigner, squaredDistances } from '../kernels/kernels.js';
import type { Matrix } from '../util/matrix.js';
import { selectRows } from '../util/matrix.js';

/** Distance-matrix elements per kernel call (16 MB of float32). */
const BLOCK_ELEMENTS = 1 << 22;

/** At least 1 / FULL_PASS_SHARE of the rows asked for: a pass over all of X beats copying them out. */
const FULL_PASS_SHARE = 4;

/** The full pass returns all n x k distances at once: only up to this many (64 MB of float32). */
const FULL_PASS_ELEMENTS = 1 << 24;

/**
 * For each row i in `rows` (every row when undefined): labels[i] = nearest center (ties to the lower
 * index), upper[i] = its distance, lower[i] = the second-nearest distance (Infinity when k = 1).
 * O(m k d) through the kernel plus O(m d). With `assigner` (X prepared), at least a quarter of the
 * rows asked for and n k <= 2^24, one pass over all of X replaces copying the rows out.
 */
export async function nearestTwoCenters(
  X: Matrix,
  C: Matrix,
  rows: Int32Array | undefined,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  assigner?: CenterAssigner,
): Promise<void> {
  const count = rows === undefined ? X.rows : rows.length;
  const k = C.rows;
  if (assigner !== undefined && count * FULL_PASS_SHARE >= X.rows && X.rows * k <= FULL_PASS_ELEMENTS) {
    const D = await assigner.squaredDistances(C);
    for (let r = 0; r < count; r++) {
      const i = rows === undefined ? r : rows[r];
      keepNearestTwo(X, C, D, i * k, i, labels, upper, lower);
    }
    return;
  }
  const d = X.cols;
  const block = Math.max(1, Math.floor(BLOCK_ELEMENTS / k));
  for (let start = 0; start < count; start += block) {
    const end = Math.min(count, start + block);
    const part: Matrix =
      rows === undefined
        ? { rows: end - start, cols: d, data: X.data.subarray(start * d, end * d) }
        : selectRows(X, rows.subarray(start, end));
    const D = await squaredDistances(part, C);
    for (let r = 0; r < end - start; r++) {
      keepNearestTwo(X, C, D, r * k, rows === undefined ? start + r : rows[start + r], labels, upper, lower);
    }
  }
}

/** From the kernel's distances of row i (D[off .. off + k)): its label and exact two nearest distances. */
function keepNearestTwo(
  X: Matrix,
  C: Matrix,
  D: Float32Array,
  off: number,
  i: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): void {
  const k = C.rows;
  let best = 0;
  let second = -1;
  for (let c = 1; c < k; c++) {
    const v = D[off + c];
    if (v < D[off + best]) {
      second = best;
      best = c;
    } else if (second < 0 || v < D[off + second]) second = c;
  }
  labels[i] = best;
  upper[i] = Math.sqrt(rowDistance(X, i, C, best));
  lower[i] = second < 0 ? Number.POSITIVE_INFINITY : Math.sqrt(rowDistance(X, i, C, second));
}

/** ||A_i - B_j||^2 in Float64 (four partial sums, center-inertia.ts). O(d). */
export function rowDistance(A: Matrix, i: number, B: Matrix, j: number): number {
  const d = A.cols;
  return rowSquaredDistance(A.data, i * d, B.data, j * d, d);
}
