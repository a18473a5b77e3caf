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

/** The column means of Y, each rounded to 8 significant bits; length Y.cols. O(m d). */
export function centeringShift(Y: Matrix): Float32Array {
  const { rows, cols, data } = Y;
  const sums = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) sums[j] += data[i * cols + j];
  const shift = new Float32Array(cols);
  if (rows === 0) return shift;
  for (let j = 0; j < cols; j++) shift[j] = roundSignificant(sums[j] / rows, 8);
  return shift;
}

function roundSignificant(v: number, bits: number): number {
  if (v === 0 || !Number.isFinite(v)) return 0;
  const step = 2 ** (Math.floor(Math.log2(Math.abs(v))) - bits + 1);
  return Math.round(v / step) * step;
}
