/**
 * Nearest reference row on onnxruntime: ArgMin and ReduceMin inside the graph, over column tiles
 * when C is wider than a tile (merged here; ties keep the lower index, like the reference).
 */
import type { Matrix } from '../../util/matrix.js';
import { nearestGraph } from './graphs.js';
import { f32, i32, runGraph } from './runtime.js';
import { onnxKernelOptions } from './options.js';
import { centeringShift } from './shift.js';
import { rowsTensor, tileShape } from './tiles.js';

/** For each row of X the nearest row of C and the squared distance. Requires X.rows, C.rows, cols >= 1. */
export async function nearestRowsOnnx(
  X: Matrix,
  C: Matrix,
): Promise<{ index: Int32Array; distance: Float32Array }> {
  const index = new Int32Array(X.rows);
  const distance = new Float32Array(X.rows);
  const shift = f32(centeringShift(X, C), [1, C.cols]);
  const { rowBlock, colBlock } = tileShape(C.rows, C.cols, onnxKernelOptions());
  const tileIndex = new Int32Array(Math.min(rowBlock, X.rows));
  const tileDistance = new Float32Array(tileIndex.length);
  for (let r0 = 0; r0 < X.rows; r0 += rowBlock) {
    const rb = Math.min(rowBlock, X.rows - r0);
    for (let c0 = 0; c0 < C.rows; c0 += colBlock) {
      const cb = Math.min(colBlock, C.rows - c0);
      const first = c0 === 0;
      const idx = first ? index.subarray(r0, r0 + rb) : tileIndex.subarray(0, rb);
      const dist = first ? distance.subarray(r0, r0 + rb) : tileDistance.subarray(0, rb);
      const feeds = { X: rowsTensor(X, r0, rb), Y: rowsTensor(C, c0, cb), shift };
      await runGraph('nearest', nearestGraph, feeds, { index: i32(idx, [rb]), distance: f32(dist, [rb]) });
      if (first) continue;
      for (let i = 0; i < rb; i++) {
        if (dist[i] < distance[r0 + i]) {
          distance[r0 + i] = dist[i];
          index[r0 + i] = c0 + idx[i];
        }
      }
    }
  }
  return { index, distance };
}
