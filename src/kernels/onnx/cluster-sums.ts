/**
 * Per point, the sum of distances to each cluster, on onnxruntime. Points are taken in label order
 * and cut into blocks (cluster-blocks.ts); D is symmetric, so only tiles on and above the block
 * diagonal are computed, each feeding its rows (S) and, mirrored, its columns (T). A tile's sums are
 * float32 over at most `side` terms and are accumulated across tiles in float64, which keeps the
 * relative error near 2^-24 * sqrt(side). Memory: one label-ordered copy of X (O(n d)), the sums
 * (O(n k), twice: label order and input order), one-hot labels of mixed blocks over their own label
 * ranges, and one tile (O(side^2)).
 */
import type { Labels } from '../../util/labels.js';
import type { Matrix } from '../../util/matrix.js';
import { selectRows } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';
import { type ClusterBlock, clusterBlocks, labelOrder } from './cluster-blocks.js';
import { type ClusterSumsTile, clusterSumsGraph, type SumKind } from './graphs.js';
import { onnxKernelOptions } from './options.js';
import { type Feeds, f32, runGraph } from './runtime.js';
import { centeringShift } from './shift.js';
import { indexTensors, rowsTensor, squareSide } from './tiles.js';

/** Shorter runs of one label go into mixed blocks (one-hot MatMul) rather than tiny pure tiles. */
const MIN_PURE_BLOCK = 256;

const sumKind = (b: ClusterBlock): SumKind => (b.kind === 'noise' ? 'none' : b.kind);

/** sums[i*k + c] = sum of dist(x_i, x_j) over j with labels[j] = c. Requires n, d, k >= 1, valid labels. */
export async function clusterDistanceSumsOnnx(
  X: Matrix,
  labels: Labels,
  k: number,
  metric: DistanceMetric,
): Promise<Float64Array> {
  const n = X.rows;
  const order = labelOrder(labels, k);
  const Xs = selectRows(X, order);
  const sortedLabels = Int32Array.from(order, (i) => labels[i]);
  // One-hot labels of a mixed block over its own label range only, so the MatMul costs b x m x (labels
  // in the block), not b x m x k: many small clusters stay cheap.
  const onehots = new Map<number, Float32Array>();
  const onehotOf = (b: ClusterBlock) => {
    let onehot = onehots.get(b.start);
    if (onehot === undefined) {
      onehot = new Float32Array(b.size * b.labelCount);
      for (let p = 0; p < b.size; p++) onehot[p * b.labelCount + sortedLabels[b.start + p] - b.label] = 1;
      onehots.set(b.start, onehot);
    }
    return f32(onehot, [b.size, b.labelCount]);
  };
  const opts = onnxKernelOptions();
  const side = squareSide(n, X.cols, opts);
  const blocks = clusterBlocks(sortedLabels, side, Math.min(side, MIN_PURE_BLOCK));
  const shift = metric === 'euclidean' ? f32(centeringShift(Xs), [1, X.cols]) : undefined;
  const sorted = new Float64Array(n * k);
  const widest = blocks.reduce((w, b) => Math.max(w, b.labelCount), 1);
  const S = new Float32Array(side * widest);
  const T = new Float32Array(side * widest);
  for (let I = 0; I < blocks.length; I++) {
    const rows = blocks[I];
    if (rows.kind === 'noise') break; // noise is last; noise x noise tiles add nothing
    for (let J = I; J < blocks.length; J++) {
      const cols = blocks[J];
      const tile: ClusterSumsTile = {
        diagonal: I === J,
        rowSums: sumKind(cols),
        colSums: I === J ? 'none' : sumKind(rows),
      };
      const feeds: Feeds = {
        X: rowsTensor(Xs, rows.start, rows.size),
        Y: rowsTensor(Xs, cols.start, cols.size),
      };
      if (shift !== undefined) feeds.shift = shift;
      if (tile.diagonal) Object.assign(feeds, indexTensors(rows.start, rows.size, cols.start, cols.size));
      if (tile.rowSums === 'mixed') feeds.onehotY = onehotOf(cols);
      if (tile.colSums === 'mixed') feeds.onehotX = onehotOf(rows);
      const fetches: Record<string, ReturnType<typeof f32>> = {};
      if (tile.rowSums !== 'none') fetches.S = sumsTensor(S, rows.size, cols);
      if (tile.colSums !== 'none') fetches.T = sumsTensor(T, cols.size, rows);
      const kind = `cluster_sums:${metric}:${tile.rowSums}:${tile.colSums}:${tile.diagonal}`;
      await runGraph(kind, () => clusterSumsGraph(metric, tile), feeds, fetches);
      accumulate(sorted, k, rows, tile.rowSums, cols, S);
      accumulate(sorted, k, cols, tile.colSums, rows, T);
    }
  }
  const sums = new Float64Array(n * k);
  for (let p = 0; p < n; p++) sums.set(sorted.subarray(p * k, (p + 1) * k), order[p] * k);
  return sums;
}

/** The output tensor for sums of `count` points over block `over`: [count] if pure, [count, labels] if mixed. */
function sumsTensor(buffer: Float32Array, count: number, over: ClusterBlock): ReturnType<typeof f32> {
  return over.kind === 'pure'
    ? f32(buffer.subarray(0, count), [count])
    : f32(buffer.subarray(0, count * over.labelCount), [count, over.labelCount]);
}

/** Add a tile's sums for the points of `target` (over the points of `over`) into `sorted` (n x k). */
function accumulate(
  sorted: Float64Array,
  k: number,
  target: ClusterBlock,
  kind: SumKind,
  over: ClusterBlock,
  part: Float32Array,
): void {
  if (kind === 'pure') {
    for (let i = 0; i < target.size; i++) sorted[(target.start + i) * k + over.label] += part[i];
  } else if (kind === 'mixed') {
    const width = over.labelCount;
    for (let i = 0; i < target.size; i++) {
      const o = (target.start + i) * k + over.label;
      for (let c = 0; c < width; c++) sorted[o + c] += part[i * width + c];
    }
  }
}
