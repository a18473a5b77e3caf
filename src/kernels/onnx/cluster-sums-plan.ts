/**
 * The plan of one cluster-sums run: points in label order, augmented once (augmented-rows.ts), cut
 * into blocks (cluster-blocks.ts), the tiles on and above the block diagonal (D is symmetric), and
 * the encoded graph of every tile shape used.
 */
import type { Labels } from '../../util/labels.js';
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';
import { augmentedRows, type Float32Allocator } from './augmented-rows.js';
import { type ClusterBlock, clusterBlocks, labelOrder } from './cluster-blocks.js';
import { clusterSumsGraph } from './cluster-sums-graph.js';
import { type ClusterSumsPlan, clusterSumsKind, clusterSumsTile, sumsQuantum } from './cluster-sums-tiles.js';
import { centeringShift } from './shift.js';

/** Shorter runs of one label go into mixed blocks (one-hot MatMul) rather than tiny pure tiles. */
const MIN_PURE_BLOCK = 256;

// Encoded once per process: the same few tile shapes serve every call.
const graphCache = new Map<string, Uint8Array>();

/**
 * The plan for sums over X with blocks of at most `side` points, and `order` (position -> input row).
 * `shared`: arrays in SharedArrayBuffers, for worker threads.
 */
export function clusterSumsPlan(
  X: Matrix,
  labels: Labels,
  k: number,
  metric: DistanceMetric,
  side: number,
  shared: boolean,
): { plan: ClusterSumsPlan; order: Int32Array } {
  const n = X.rows;
  const allocate: Float32Allocator = shared
    ? (length) => new Float32Array(new SharedArrayBuffer(length * 4))
    : (length) => new Float32Array(length);
  const order = labelOrder(labels, k);
  const sortedLabels = shared ? new Int32Array(new SharedArrayBuffer(n * 4)) : new Int32Array(n);
  for (let p = 0; p < n; p++) sortedLabels[p] = labels[order[p]];
  const shift = metric === 'euclidean' ? centeringShift(X) : new Float32Array(X.cols);
  const rows = augmentedRows(X, metric, order, shift, allocate);
  const blocks = clusterBlocks(sortedLabels, side, Math.min(side, MIN_PURE_BLOCK));
  const pairs = tilePairs(blocks);
  const graphs: Record<string, Uint8Array> = {};
  for (let t = 0; t < pairs.length; t += 2) {
    const tile = clusterSumsTile(blocks[pairs[t]], blocks[pairs[t + 1]]);
    const kind = clusterSumsKind(metric, tile);
    let graph = graphCache.get(kind);
    if (graph === undefined) {
      graph = clusterSumsGraph(metric, tile);
      graphCache.set(kind, graph);
    }
    graphs[kind] = graph;
  }
  // Every distance is at most 2 * radius (plus float32 error), so a row total is below 4 n radius.
  const quantum = sumsQuantum(4 * n * rows.radius);
  return { plan: { k, rows, sortedLabels, blocks, pairs, graphs, quantum }, order };
}

/** The tiles (I, J), I <= J, in row-block order; noise rows are last and noise x noise adds nothing. */
function tilePairs(blocks: readonly ClusterBlock[]): Int32Array {
  const pairs: number[] = [];
  for (let I = 0; I < blocks.length && blocks[I].kind !== 'noise'; I++)
    for (let J = I; J < blocks.length; J++) pairs.push(I, J);
  return Int32Array.from(pairs);
}
