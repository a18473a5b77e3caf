/**
 * Pairwise distance tiles on onnxruntime: the full matrix (`squaredDistances`, `distances`) or a
 * stream of row blocks (`distanceBlocks`). Each block is a full-width [rows, B.rows] tile written by
 * onnxruntime straight into its destination. When B is A (the same object), the diagonal is exactly 0.
 */
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';
import { type PairwiseValue, pairwiseGraph } from './graphs.js';
import { type Feeds, f32, runGraph } from './runtime.js';
import { onnxKernelOptions } from './options.js';
import { centeringShift } from './shift.js';
import { rowsTensor, tileShape } from './tiles.js';

/** Receives rows [rowStart, rowStart + rowCount) of the distance matrix, row-major. */
export type DistanceBlockVisitor = (
  block: Float32Array,
  rowStart: number,
  rowCount: number,
) => void | Promise<void>;

/**
 * Compute A x B distance rows in blocks of `blockRows`, writing each into `target(rowStart, rowCount)`
 * and then calling `done` on it. Requires A.rows, B.rows, A.cols >= 1 and A.cols === B.cols.
 */
export async function pairwiseRows(
  A: Matrix,
  B: Matrix,
  metric: DistanceMetric,
  value: PairwiseValue,
  blockRows: number,
  target: (rowStart: number, rowCount: number) => Float32Array,
  done?: DistanceBlockVisitor,
): Promise<void> {
  const self = A === B;
  const narrow = Math.min(A.rows, B.rows) < 4 * (A.cols + 2);
  const kind = `pairwise:${metric}:${value}:${narrow}`;
  const build = () => pairwiseGraph(metric, value, narrow);
  const Y = rowsTensor(B, 0, B.rows);
  const shift = metric === 'euclidean' ? f32(centeringShift(A, B), [1, B.cols]) : undefined;
  for (let r0 = 0; r0 < A.rows; r0 += blockRows) {
    const rb = Math.min(blockRows, A.rows - r0);
    const feeds: Feeds = { X: rowsTensor(A, r0, rb), Y };
    if (shift !== undefined) feeds.shift = shift;
    const out = target(r0, rb);
    await runGraph(kind, build, feeds, { D: f32(out, [rb, B.rows]) });
    // Self distances are 0 by definition; setting them here is O(rows), a mask in the graph O(rows m).
    if (self) for (let i = 0; i < rb; i++) out[i * B.rows + r0 + i] = 0;
    if (done !== undefined) await done(out, r0, rb);
  }
}

/** The full A.rows x B.rows matrix of squared euclidean distances (value 'squared') or distances. */
export async function pairwiseMatrix(
  A: Matrix,
  B: Matrix,
  metric: DistanceMetric,
  value: PairwiseValue,
): Promise<Float32Array> {
  const out = new Float32Array(A.rows * B.rows);
  const { rowBlock: blockRows } = tileShape(B.rows, B.cols, { ...onnxKernelOptions(), maxTileCols: B.rows });
  await pairwiseRows(A, B, metric, value, blockRows, (r0, rb) =>
    out.subarray(r0 * B.rows, (r0 + rb) * B.rows),
  );
  return out;
}

/** Stream distance rows to `visit`; one reused buffer of blockRows x B.rows floats. */
export async function distanceRowBlocks(
  A: Matrix,
  B: Matrix,
  metric: DistanceMetric,
  blockRows: number,
  visit: DistanceBlockVisitor,
): Promise<void> {
  const buffer = new Float32Array(Math.min(blockRows, A.rows) * B.rows);
  await pairwiseRows(
    A,
    B,
    metric,
    'distance',
    blockRows,
    (_r0, rb) => buffer.subarray(0, rb * B.rows),
    visit,
  );
}
