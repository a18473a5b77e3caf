/**
 * The ONNX graph of one cluster-sums tile over augmented rows (augmented-rows.ts): A [b, w] and
 * B [m, w] with dynamic b, m, w, so one session per tile shape serves every tile. One GEMM gives the
 * squared euclidean (or cosine) tile, clamped at 0; then Sqrt (euclidean), and the tile's sums per
 * cluster along its rows and, D being symmetric, along its columns.
 */
import type { DistanceMetric } from '../distance-metric.js';
import { floatAttr, GraphBuilder, intAttr } from './graph-builder.js';
import { type ClusterSumsTile, clusterSumsKind } from './cluster-sums-tiles.js';
import { maskSelf } from './graphs.js';

/**
 * Cluster sums of one distance tile. Labels are sorted, so most blocks hold one label ('pure'):
 * row sums S are then a ReduceSum, column sums T the product onesX D (measured on 1024 x 1024 tiles,
 * 4-5% less per tile than a second ReduceSum, and like it independent of the thread count). Blocks
 * with several labels multiply by their one-hot labels: S = D onehotY, T = D^T onehotX.
 * Inputs A, B (ri, ci when diagonal; onehotY, onesX or onehotX as the sums need); outputs S, T.
 */
export function clusterSumsGraph(metric: DistanceMetric, tile: ClusterSumsTile): Uint8Array {
  const g = new GraphBuilder(clusterSumsKind(metric, tile).replaceAll(':', '_'));
  const A = g.input('A', 'float32', ['b', 'w']);
  const B = g.input('B', 'float32', ['m', 'w']);
  // alpha as in augmented-rows.ts; Gemm + Relu fuse into one kernel (onnxruntime's FusedGemm).
  const alpha = floatAttr(metric === 'euclidean' ? -2 : -1);
  const raw = g.node('Relu', [g.node('Gemm', [A, B], { alpha, transB: intAttr(1) })]);
  const masked = tile.diagonal ? maskSelf(g, raw, 0) : raw;
  const D = metric === 'euclidean' ? g.node('Sqrt', [masked]) : masked;
  if (tile.rowSums === 'pure') {
    const s = g.node('ReduceSum', [D, g.constant('int64', [1], [1])], { keepdims: intAttr(1) });
    g.output(s, 'S', 'float32', ['b', 1]);
  }
  if (tile.rowSums === 'mixed')
    g.output(g.node('MatMul', [D, g.input('onehotY', 'float32', ['m', 'ky'])]), 'S', 'float32', ['b', 'ky']);
  if (tile.colSums === 'pure')
    g.output(g.node('MatMul', [g.input('onesX', 'float32', [1, 'b']), D]), 'T', 'float32', [1, 'm']);
  if (tile.colSums === 'mixed') {
    const onehotX = g.input('onehotX', 'float32', ['b', 'kx']);
    g.output(g.node('Gemm', [D, onehotX], { transA: intAttr(1) }), 'T', 'float32', ['m', 'kx']);
  }
  return g.encode();
}
