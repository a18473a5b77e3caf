/**
 * k nearest neighbors on onnxruntime: TopK of each distance tile inside the graph, merged across
 * tiles here (neighbor-lists.ts). ONNX TopK (opset 11+) orders equal values by lower index and the
 * merge is lexicographic, so ties go to the lower index, as in the reference. For self queries the
 * columns that share indices with the query rows are a separate, masked piece: self pairs are +inf
 * there and never kept. The tiles keep k + 4 candidates per row, which are then re-scored exactly
 * (refine.ts), so distances and tie order are the reference's. (Computing only half of the
 * symmetric D was tried: the column-wise TopK costs more than the GEMM it saves.)
 */
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';
import { topKGraph } from './graphs.js';
import { NeighborLists } from './neighbor-lists.js';
import { onnxKernelOptions } from './options.js';
import { type Feeds, f32, i32, i64, runGraph } from './runtime.js';
import { centeringShift } from './shift.js';
import { referenceDistance, referenceRows } from './refine.js';
import { indexTensors, rowsTensor, splitAtDiagonal, tileShape } from './tiles.js';

/**
 * Candidates kept beyond k for the exact re-scoring. Few, because ORT's TopK slows sharply with K
 * (k + 4 cost 20% over k on 12,000 x 8 at k = 10; 2k + 8 cost 120%).
 */
export const EXTRA_CANDIDATES = 4;

/** Requires 1 <= k <= available candidates and X.cols >= 1; `self` excludes index i for query i. */
export async function kNearestOnnx(
  X: Matrix,
  k: number,
  metric: DistanceMetric,
  queries: Matrix,
  self: boolean,
): Promise<{ indices: Int32Array; distances: Float32Array }> {
  const shift = metric === 'euclidean' ? f32(centeringShift(X, queries), [1, X.cols]) : undefined;
  const candidates = Math.min(X.rows - (self ? 1 : 0), k + EXTRA_CANDIDATES);
  const lists = new NeighborLists(queries.rows, candidates);
  const { rowBlock, colBlock } = tileShape(X.rows, X.cols, onnxKernelOptions());
  const values = new Float32Array(Math.min(rowBlock, queries.rows) * Math.min(candidates, colBlock));
  const cols = new Int32Array(values.length);
  for (let r0 = 0; r0 < queries.rows; r0 += rowBlock) {
    const rb = Math.min(rowBlock, queries.rows - r0);
    for (let t0 = 0; t0 < X.rows; t0 += colBlock) {
      const pieces = self
        ? splitAtDiagonal(r0, rb, t0, Math.min(colBlock, X.rows - t0))
        : [{ c0: t0, cb: Math.min(colBlock, X.rows - t0), self: false }];
      for (const { c0, cb, self: masked } of pieces) {
        const kk = Math.min(candidates, cb);
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
  return rescore(lists, X, k, candidates, metric, queries);
}

/**
 * The k best of each row's candidates by (exact reference distance, index): the reference's values
 * and tie order, whenever at most EXTRA_CANDIDATES points beyond the k-th lie within float32 error of it.
 */
function rescore(
  lists: NeighborLists,
  X: Matrix,
  k: number,
  candidates: number,
  metric: DistanceMetric,
  queries: Matrix,
) {
  const rows = referenceRows(X, metric, 'kNearest');
  const queryRows = queries === X ? rows : referenceRows(queries, metric, 'kNearest');
  const indices = new Int32Array(queries.rows * k);
  const distances = new Float32Array(queries.rows * k);
  const order = new Int32Array(candidates);
  const exact = new Float32Array(candidates);
  for (let q = 0; q < queries.rows; q++) {
    const o = q * candidates;
    for (let c = 0; c < candidates; c++) {
      order[c] = lists.indices[o + c];
      exact[c] = referenceDistance(queryRows, q, rows, order[c], metric);
    }
    // Insertion sort by (distance, index): the lists are nearly sorted already.
    for (let a = 1; a < candidates; a++) {
      const d = exact[a];
      const j = order[a];
      let b = a - 1;
      for (; b >= 0 && (exact[b] > d || (exact[b] === d && order[b] > j)); b--) {
        exact[b + 1] = exact[b];
        order[b + 1] = order[b];
      }
      exact[b + 1] = d;
      order[b + 1] = j;
    }
    indices.set(order.subarray(0, k), q * k);
    distances.set(exact.subarray(0, k), q * k);
  }
  return { indices, distances };
}
