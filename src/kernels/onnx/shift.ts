/**
 * The centering shift for the euclidean GEMM expansion. ||x - y||^2 = ||x'||^2 + ||y'||^2 - 2 x'.y'
 * with x' = x - s, y' = y - s holds for any s, but in float32 its absolute error grows with
 * ||x'||^2 + ||y'||^2 (about d * 2^-24 * (||x'||^2 + ||y'||^2), Higham 2002, section 3.1), so shifting by
 * the column mean turns the error from relative-to-||x||^2 into relative-to-the-spread.
 *
 * The shift is the mean rounded to 8 significant bits, a short dyadic number: data on a coarse grid
 * (small integers, counts) stays exactly representable after the shift, so exact ties stay ties.
 */
import type { Matrix } from '../../util/matrix.js';

/** Rows averaged at most: a strided sample centers as well as the full mean, at O(d) cost per call. */
export const SHIFT_SAMPLE_ROWS = 4096;

/**
 * Column means (over at most SHIFT_SAMPLE_ROWS evenly strided rows) of the smaller of A and B,
 * each rounded to 8 significant bits; length A.cols. Any shift is exact in real arithmetic, so the
 * cheap choice costs no correctness, only a little accuracy when A and B lie far apart.
 */
export function centeringShift(A: Matrix, B: Matrix = A): Float32Array {
  const Y = B.rows > 0 && B.rows < A.rows ? B : A.rows > 0 ? A : B;
  const { cols, data } = Y;
  const stride = Math.max(1, Math.ceil(Y.rows / SHIFT_SAMPLE_ROWS));
  const sums = new Float64Array(cols);
  let count = 0;
  for (let i = 0; i < Y.rows; i += stride, count++)
    for (let j = 0; j < cols; j++) sums[j] += data[i * cols + j];
  const shift = new Float32Array(cols);
  for (let j = 0; count > 0 && j < cols; j++) shift[j] = roundSignificant(sums[j] / count, 8);
  return shift;
}

function roundSignificant(v: number, bits: number): number {
  if (v === 0 || !Number.isFinite(v)) return 0;
  const step = 2 ** (Math.floor(Math.log2(Math.abs(v))) - bits + 1);
  return Math.round(v / step) * step;
}
