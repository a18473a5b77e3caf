/**
 * Radius neighborhoods on onnxruntime: each tile's pairs within the radius are found in the graph
 * (LessOrEqual -> NonZero), so only the candidate pairs, not the n^2 distances, cross into JS;
 * they are then re-scored exactly (refine.ts), so the result equals the reference's.
 */
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';
import type { Neighborhoods } from '../neighborhoods.js';
import { radiusGraph } from './graphs.js';
import { type Feeds, f32, runGraph } from './runtime.js';
import { onnxKernelOptions } from './options.js';
import { centeringShift } from './shift.js';
import { referenceDistance, referenceRows, tileErrorBound } from './refine.js';
import { indexTensors, rowsTensor, squareSide } from './tiles.js';

/** All j with dist(x_i, x_j) <= eps (i itself included), per row in increasing j. Requires n, d >= 1. */
export async function radiusNeighborsOnnx(
  X: Matrix,
  eps: number,
  metric: DistanceMetric,
): Promise<Neighborhoods> {
  const n = X.rows;
  const shiftValues = metric === 'euclidean' ? centeringShift(X) : undefined;
  const shift = shiftValues === undefined ? undefined : f32(shiftValues, [1, X.cols]);
  // Candidates within the radius plus the float32 error bound; refine.ts then keeps exactly the
  // reference's pairs. The margin widens the radius by a relative ~1e-6 on typical data.
  const margin = tileErrorBound(X, shiftValues);
  const limit = f32(Float32Array.of((metric === 'euclidean' ? eps * eps : eps) + margin), [1]);
  const rows = referenceRows(X, metric, 'radiusNeighbors');
  const side = squareSide(n, X.cols, onnxKernelOptions());
  // D is symmetric: square tiles on and above the block diagonal; an off-diagonal tile's pairs also
  // serve, mirrored, the rows of its columns.
  const tiles: {
    r0: number;
    c0: number;
    mirrored: boolean;
    pairs: Int32Array;
    dist: Float32Array;
    kept: number;
  }[] = [];
  const counts = new Int32Array(n);
  for (let r0 = 0; r0 < n; r0 += side) {
    const rb = Math.min(side, n - r0);
    for (let c0 = r0; c0 < n; c0 += side) {
      const cb = Math.min(side, n - c0);
      const self = c0 === r0;
      const feeds: Feeds = { X: rowsTensor(X, r0, rb), Y: rowsTensor(X, c0, cb), limit };
      if (shift !== undefined) feeds.shift = shift;
      if (self) Object.assign(feeds, indexTensors(r0, rb, c0, cb));
      const out = await runGraph(`radius:${metric}:${self}`, () => radiusGraph(metric, self), feeds);
      const pairs = out.pairs.data as Int32Array;
      const nnz = pairs.length / 2;
      for (let p = 0; p < nnz; p++) counts[r0 + pairs[p]]++;
      if (!self) for (let p = 0; p < nnz; p++) counts[c0 + pairs[nnz + p]]++;
      tiles.push({ r0, c0, mirrored: !self, pairs, dist: new Float32Array(nnz), kept: 0 });
    }
  }
  // Exact re-scoring: each tile's pairs are kept or dropped (dist <= eps, self always), in place.
  for (const tile of tiles) {
    const nnz = tile.pairs.length / 2;
    let kept = 0;
    for (let p = 0; p < nnz; p++) {
      const i = tile.r0 + tile.pairs[p];
      const j = tile.c0 + tile.pairs[nnz + p];
      const dist = i === j ? 0 : referenceDistance(rows, i, rows, j, metric);
      if (dist > eps) {
        counts[i]--;
        if (tile.mirrored) counts[j]--;
        continue;
      }
      tile.pairs[kept] = tile.pairs[p];
      tile.pairs[nnz + kept] = tile.pairs[nnz + p];
      tile.dist[kept++] = dist;
    }
    tile.kept = kept;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + counts[i];
  const cursor = offsets.slice(0, n);
  const indices = new Int32Array(offsets[n]);
  const distances = new Float32Array(offsets[n]);
  // A row's pairs arrive in tile order, which is column order: mirrored tiles (lower column blocks)
  // come first, and NonZero lists a tile row-major, so each row comes out sorted.
  for (const { r0, c0, mirrored, pairs, dist, kept } of tiles) {
    const nnz = pairs.length / 2;
    for (let p = 0; p < kept; p++) {
      const at = cursor[r0 + pairs[p]]++;
      indices[at] = c0 + pairs[nnz + p];
      distances[at] = dist[p];
    }
    if (!mirrored) continue;
    for (let p = 0; p < kept; p++) {
      const at = cursor[c0 + pairs[nnz + p]]++;
      indices[at] = r0 + pairs[p];
      distances[at] = dist[p];
    }
  }
  return { offsets, indices, distances };
}
