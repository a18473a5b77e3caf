/**
 * The contract a kernel backend fulfils. Every backend agrees with the plain-TS reference
 * (reference.ts, neighborhoods.ts) to float32 precision; onnx/backend.ts states its error bound.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import type { BatchAssigner } from './batch-assigner.js';
import type { CenterAssigner } from './center-assigner.js';
import type { DistanceMetric } from './distance-metric.js';
import type { Neighborhoods } from './neighborhoods.js';

/**
 * Receives rows [rowStart, rowStart + rowCount) of a distance matrix, row-major, rowCount x B.rows.
 * The buffer is reused for the next block: copy what must outlive the call.
 */
export type DistanceBlockVisitor = (
  block: Float32Array,
  rowStart: number,
  rowCount: number,
) => void | Promise<void>;

export interface KernelBackend {
  readonly name: string;
  squaredDistances(A: Matrix, B: Matrix): Promise<Float32Array>;
  distances(A: Matrix, B: Matrix, metric: DistanceMetric): Promise<Float32Array>;
  distanceBlocks(
    A: Matrix,
    B: Matrix,
    metric: DistanceMetric,
    blockRows: number,
    visit: DistanceBlockVisitor,
  ): Promise<void>;
  nearestRows(X: Matrix, C: Matrix): Promise<{ index: Int32Array; distance: Float32Array }>;
  clusterDistanceSums(X: Matrix, labels: Labels, k: number, metric: DistanceMetric): Promise<Float64Array>;
  kNearest(
    X: Matrix,
    k: number,
    metric: DistanceMetric,
    Q?: Matrix,
  ): Promise<{ indices: Int32Array; distances: Float32Array }>;
  radiusNeighbors(X: Matrix, eps: number, metric: DistanceMetric): Promise<Neighborhoods>;
  centerAssigner(X: Matrix, weight: Float64Array): Promise<CenterAssigner>;
  batchAssigner(X: Matrix, batch: number, k: number): Promise<BatchAssigner>;
}
