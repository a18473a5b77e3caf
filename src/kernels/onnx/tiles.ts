/**
 * Tiling of an n x m distance computation into row blocks and column tiles of bounded size, plus
 * the zero-copy views the graphs are fed with.
 */
import type { Matrix } from '../../util/matrix.js';
import type { OnnxKernelOptions } from './options.js';
import { f32, i32 } from './runtime.js';
import type { Tensor } from 'onnxruntime-node';

/**
 * Rows and columns of one tile for an n x m problem in d dimensions. The graph also makes centered
 * copies of its input rows ([rows, d + 2]), so rows are bounded by tileElements / (d + 2) as well.
 */
export function tileShape(
  m: number,
  d: number,
  opts: Readonly<OnnxKernelOptions>,
): { rowBlock: number; colBlock: number } {
  const colBlock = Math.max(1, Math.min(m, opts.maxTileCols));
  const rowBlock = Math.floor(Math.min(opts.tileElements / colBlock, opts.tileElements / (d + 2)));
  return { rowBlock: Math.max(1, rowBlock), colBlock };
}

/** The side of the square tiles of a symmetric n x n problem in d dimensions (same bounds). */
export function squareSide(n: number, d: number, opts: Readonly<OnnxKernelOptions>): number {
  const side = Math.min(n, opts.maxTileCols, Math.sqrt(opts.tileElements), opts.tileElements / (d + 2));
  return Math.max(1, Math.floor(side));
}

/** Rows [start, start + count) of X as a [count, d] tensor over X's own buffer. */
export function rowsTensor(X: Matrix, start: number, count: number): Tensor {
  return f32(X.data.subarray(start * X.cols, (start + count) * X.cols), [count, X.cols]);
}

let iotaCache = new Int32Array(0);

/** 0, 1, ..., n - 1 (shared, read-only: the tensors below are views of it). */
function iota(n: number): Int32Array {
  if (iotaCache.length < n) {
    iotaCache = new Int32Array(Math.max(n, 2 * iotaCache.length));
    for (let i = 0; i < iotaCache.length; i++) iotaCache[i] = i;
  }
  return iotaCache;
}

/** Global row indices [count, 1] and column indices [1, count] for the self mask. */
export function indexTensors(
  rowStart: number,
  rowCount: number,
  colStart: number,
  colCount: number,
): { ri: Tensor; ci: Tensor } {
  const ids = iota(Math.max(rowStart + rowCount, colStart + colCount));
  return {
    ri: i32(ids.subarray(rowStart, rowStart + rowCount), [rowCount, 1]),
    ci: i32(ids.subarray(colStart, colStart + colCount), [1, colCount]),
  };
}

/**
 * The column tile [c0, c0 + cb) split so that only the part sharing global indices with rows
 * [r0, r0 + rb) needs the self mask (an Equal/Where pass over a whole tile costs as much as its TopK):
 * up to three pieces in column order, `self` on the middle one.
 */
export function splitAtDiagonal(
  r0: number,
  rb: number,
  c0: number,
  cb: number,
): { c0: number; cb: number; self: boolean }[] {
  const lo = Math.max(c0, r0);
  const hi = Math.min(c0 + cb, r0 + rb);
  if (lo >= hi) return [{ c0, cb, self: false }];
  const pieces = [{ c0: lo, cb: hi - lo, self: true }];
  if (c0 < lo) pieces.unshift({ c0, cb: lo - c0, self: false });
  if (hi < c0 + cb) pieces.push({ c0: hi, cb: c0 + cb - hi, self: false });
  return pieces;
}
