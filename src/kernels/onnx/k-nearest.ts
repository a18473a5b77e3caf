/**
 * k nearest neighbors on onnxruntime: TopK of each distance tile inside the graph, merged across
 * column tiles here. ONNX TopK puts equal values in index order and tiles are visited in column
 * order, so ties go to the lower index, as in the reference. Self pairs are +inf in the graph and
 * never kept.
 */
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';
import { topKGraph } from './graphs.js';
import { type Feeds, f32, i32, i64, runGraph } from './runtime.js';
import { onnxKernelOptions } from './options.js';
import { centeringShift } from './shift.js';
import { indexTensors, rowsTensor, tileShape, touchesDiagonal } from './tiles.js';

/** Requires 1 <= k <= available candidates and X.cols >= 1; `self` excludes index i for query i. */
export async function kNearestOnnx(
  X: Matrix,
  k: number,
  metric: DistanceMetric,
  queries: Matrix,
  self: boolean,
): Promise<{ indices: Int32Array; distances: Float32Array }> {
  const indices = new Int32Array(queries.rows * k);
  const distances = new Float32Array(queries.rows * k);
  const shift = metric === 'euclidean' ? f32(centeringShift(X, queries), [1, X.cols]) : undefined;
  const { rowBlock, colBlock } = tileShape(X.rows, onnxKernelOptions());
  const rows = Math.min(rowBlock, queries.rows);
  const tileD = new Float32Array(rows * k);
  const tileI = new Int32Array(rows * k);
  const count = new Int32Array(rows);
  const mergedD = new Float32Array(k);
  const mergedI = new Int32Array(k);
  for (let r0 = 0; r0 < queries.rows; r0 += rowBlock) {
    const rb = Math.min(rowBlock, queries.rows - r0);
    count.fill(0);
    for (let c0 = 0; c0 < X.rows; c0 += colBlock) {
      const cb = Math.min(colBlock, X.rows - c0);
      const kk = Math.min(k, cb);
      const masked = self && touchesDiagonal(r0, rb, c0, cb);
      const feeds: Feeds = { X: rowsTensor(queries, r0, rb), Y: rowsTensor(X, c0, cb), K: i64(kk) };
      if (shift !== undefined) feeds.shift = shift;
      if (masked) Object.assign(feeds, indexTensors(r0, rb, c0, cb));
      const values = tileD.subarray(0, rb * kk);
      const cols = tileI.subarray(0, rb * kk);
      const kind = `top_k:${metric}:${masked}`;
      await runGraph(kind, () => topKGraph(metric, masked), feeds, {
        values: f32(values, [rb, kk]),
        indices: i32(cols, [rb, kk]),
      });
      for (let i = 0; i < rb; i++) {
        const at = (r0 + i) * k;
        // Merge the kept list (lower indices, wins ties) with this tile's ascending list.
        let a = 0;
        let b = 0;
        let m = 0;
        while (m < k && (a < count[i] || b < kk)) {
          const tv = b < kk ? values[i * kk + b] : Number.POSITIVE_INFINITY;
          if (a < count[i] && distances[at + a] <= tv) {
            mergedD[m] = distances[at + a];
            mergedI[m++] = indices[at + a++];
          } else if (tv !== Number.POSITIVE_INFINITY) {
            mergedD[m] = tv;
            mergedI[m++] = c0 + cols[i * kk + b++];
          } else break;
        }
        distances.set(mergedD.subarray(0, m), at);
        indices.set(mergedI.subarray(0, m), at);
        count[i] = m;
      }
    }
  }
  return { indices, distances };
}
