/**
 * Radius neighborhoods on onnxruntime: each tile's pairs within the radius are found in the graph
 * (LessOrEqual -> NonZero -> GatherND), so only the pairs, not the n^2 distances, cross into JS.
 * Only the columns sharing indices with a block's rows go through the self mask.
 */
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';
import type { Neighborhoods } from '../neighborhoods.js';
import { radiusGraph } from './graphs.js';
import { type Feeds, f32, runGraph } from './runtime.js';
import { onnxKernelOptions } from './options.js';
import { centeringShift } from './shift.js';
import { indexTensors, rowsTensor, splitAtDiagonal, tileShape } from './tiles.js';

/** All j with dist(x_i, x_j) <= eps (i itself included), per row in increasing j. Requires n, d >= 1. */
export async function radiusNeighborsOnnx(
  X: Matrix,
  eps: number,
  metric: DistanceMetric,
): Promise<Neighborhoods> {
  const n = X.rows;
  const shift = metric === 'euclidean' ? f32(centeringShift(X), [1, X.cols]) : undefined;
  const limit = f32(Float32Array.of(metric === 'euclidean' ? eps * eps : eps), [1]);
  const { rowBlock, colBlock } = tileShape(n, X.cols, onnxKernelOptions());
  const offsets = new Int32Array(n + 1);
  const indexChunks: Int32Array[] = [];
  const distanceChunks: Float32Array[] = [];
  let total = 0;
  for (let r0 = 0; r0 < n; r0 += rowBlock) {
    const rb = Math.min(rowBlock, n - r0);
    const tiles: { c0: number; pairs: Int32Array; dist: Float32Array }[] = [];
    const perRow = new Int32Array(rb);
    for (let t0 = 0; t0 < n; t0 += colBlock) {
      for (const { c0, cb, self } of splitAtDiagonal(r0, rb, t0, Math.min(colBlock, n - t0))) {
        const feeds: Feeds = { X: rowsTensor(X, r0, rb), Y: rowsTensor(X, c0, cb), limit };
        if (shift !== undefined) feeds.shift = shift;
        if (self) Object.assign(feeds, indexTensors(r0, rb, c0, cb));
        const out = await runGraph(`radius:${metric}:${self}`, () => radiusGraph(metric, self), feeds);
        const pairs = out.pairs.data as Int32Array;
        const nnz = pairs.length / 2;
        for (let p = 0; p < nnz; p++) perRow[pairs[p]]++;
        tiles.push({ c0, pairs, dist: out.distances.data as Float32Array });
      }
    }
    // Lay the block's pairs out row by row; tiles come in column order, so each row stays sorted.
    const cursor = new Int32Array(rb);
    let blockTotal = 0;
    for (let i = 0; i < rb; i++) {
      cursor[i] = blockTotal;
      blockTotal += perRow[i];
      offsets[r0 + i + 1] = total + blockTotal;
    }
    const blockIndices = new Int32Array(blockTotal);
    const blockDistances = new Float32Array(blockTotal);
    for (const { c0, pairs, dist } of tiles) {
      const nnz = pairs.length / 2;
      for (let p = 0; p < nnz; p++) {
        const at = cursor[pairs[p]]++;
        blockIndices[at] = c0 + pairs[nnz + p];
        blockDistances[at] = dist[p];
      }
    }
    indexChunks.push(blockIndices);
    distanceChunks.push(blockDistances);
    total += blockTotal;
  }
  return {
    offsets,
    indices: concat(indexChunks, new Int32Array(total)),
    distances: concat(distanceChunks, new Float32Array(total)),
  };
}

function concat<T extends Int32Array | Float32Array>(chunks: T[], out: T): T {
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
