/**
 * k nearest neighbors on onnxruntime: TopK of each distance tile inside the graph, merged across
 * tiles here (neighbor-lists.ts). ONNX TopK (opset 11+) orders equal values by lower index and the
 * merge is lexicographic, so ties go to the lower index, as in the reference. For self queries the
 * columns that share indices with the query rows are a separate, masked piece: self pairs are +inf
 * there and never kept. (Computing only half of the symmetric D was tried: the column-wise TopK
 * costs more than the GEMM it saves.)
 */
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';
import { topKGraph } from './graphs.js';
import { NeighborLists } from './neighbor-lists.js';
import { onnxKernelOptions } from './options.js';
import { type Feeds, f32, i32, i64, runGraph } from './runtime.js';
import { centeringShift } from './shift.js';
import { indexTensors, rowsTensor, splitAtDiagonal, tileShape } from './tiles.js';

/** Requires 1 <= k <= available candidates and X.cols >= 1; `self` excludes index i for query i. */
export async function kNearestOnnx(
  X: Matrix,
  k: number,
  metric: DistanceMetric,
  queries: Matrix,
  self: boolean,
): Promise<{ indices: Int32Array; distances: Float32Array }> {
  const shift = metric === 'euclidean' ? f32(centeringShift(X, queries), [1, X.cols]) : undefined;
  const lists = new NeighborLists(queries.rows, k);
  const { rowBlock, colBlock } = tileShape(X.rows, X.cols, onnxKernelOptions());
  const values = new Float32Array(Math.min(rowBlock, queries.rows) * Math.min(k, colBlock));
  const cols = new Int32Array(values.length);
  for (let r0 = 0; r0 < queries.rows; r0 += rowBlock) {
    const rb = Math.min(rowBlock, queries.rows - r0);
    for (let t0 = 0; t0 < X.rows; t0 += colBlock) {
      const pieces = self
        ? splitAtDiagonal(r0, rb, t0, Math.min(colBlock, X.rows - t0))
        : [{ c0: t0, cb: Math.min(colBlock, X.rows - t0), self: false }];
      for (const { c0, cb, self: masked } of pieces) {
        const kk = Math.min(k, cb);
        const feeds: Feeds = { X: rowsTensor(queries, r0, rb), Y: rowsTensor(X, c0, cb), K: i64(kk) };
        if (shift !== undefined) feeds.shift = shift;
        if (masked) Object.assign(feeds, indexTensors(r0, rb, c0, cb));
        const v = values.subarray(0, rb * kk);
        const c = cols.subarray(0, rb * kk);
        const fetches = { values: f32(v, [rb, kk]), indices: i32(c, [rb, kk]) };
        await runGraph(`top_k:${metric}:${masked}`, () => topKGraph(metric, masked), feeds, fetches);
        for (let i = 0; i < rb; i++) lists.merge(r0 + i, v, c, i * kk, 1, kk, c0);
      }
    }
  }
  return { indices: lists.indices, distances: lists.distances };
}
