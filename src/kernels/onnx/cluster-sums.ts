/**
 * Per point, the sum of distances to each cluster, on onnxruntime. Points are taken in label order
 * and cut into blocks (cluster-blocks.ts); D is symmetric, so only tiles on and above the block
 * diagonal are computed, each feeding its rows (S) and, mirrored, its columns (T). A tile's sums are
 * float32 over at most `side` terms and are accumulated across tiles in float64, which keeps the
 * relative error near 2^-24 * sqrt(side). Memory: one label-ordered copy of X (O(n d)), the one-hot
 * labels and sums (O(n k)), and one tile (O(side^2)).
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
import { indexTensors, rowsTensor } from './tiles.js';

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
  const onehot = new Float32Array(n * k);
  for (let p = 0; p < n; p++) if (sortedLabels[p] >= 0) onehot[p * k + sortedLabels[p]] = 1;
  const onehotOf = (b: ClusterBlock) =>
    f32(onehot.subarray(b.start * k, (b.start + b.size) * k), [b.size, k]);
  const opts = onnxKernelOptions();
  const side = Math.max(1, Math.min(n, opts.maxTileCols, Math.floor(Math.sqrt(opts.tileElements))));
  const blocks = clusterBlocks(sortedLabels, side, Math.min(side, MIN_PURE_BLOCK));
  const shift = metric === 'euclidean' ? f32(centeringShift(Xs), [1, X.cols]) : undefined;
  const sorted = new Float64Array(n * k);
  const S = new Float32Array(side * k);
  const T = new Float32Array(side * k);
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
      if (tile.rowSums !== 'none')
        fetches.S = f32(
          S.subarray(0, rows.size * (tile.rowSums === 'mixed' ? k : 1)),
          tile.rowSums === 'mixed' ? [rows.size, k] : [rows.size],
        );
      if (tile.colSums !== 'none')
        fetches.T = f32(
          T.subarray(0, cols.size * (tile.colSums === 'mixed' ? k : 1)),
          tile.colSums === 'mixed' ? [cols.size, k] : [cols.size],
        );
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

/** Add a tile's sums for the points of `target` (over the points of `over`) into `sorted`. */
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
    const base = target.start * k;
    for (let t = 0; t < target.size * k; t++) sorted[base + t] += part[t];
  }
}
