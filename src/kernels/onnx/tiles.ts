/**
 * Tiling of an n x m distance computation into row blocks and column tiles of bounded size, plus
 * the zero-copy views the graphs are fed with.
 */
import type { Matrix } from '../../util/matrix.js';
import type { OnnxKernelOptions } from './options.js';
import { f32, i32 } from './runtime.js';
import type { Tensor } from 'onnxruntime-node';

/** Rows and columns of one tile for an n x m problem. */
export function tileShape(
  m: number,
  opts: Readonly<OnnxKernelOptions>,
): { rowBlock: number; colBlock: number } {
  const colBlock = Math.max(1, Math.min(m, opts.maxTileCols));
  return { rowBlock: Math.max(1, Math.floor(opts.tileElements / colBlock)), colBlock };
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

/** Whether rows [r0, r0 + rb) and columns [c0, c0 + cb) share a global index. */
export const touchesDiagonal = (r0: number, rb: number, c0: number, cb: number): boolean =>
  r0 < c0 + cb && c0 < r0 + rb;
