/**
 * The onnxruntime kernel backend. Degenerate shapes (no rows, no columns, no clusters) go to the
 * reference, which defines their results; everything else runs as tiled ONNX graphs.
 *
 * Accuracy: tiles compute in float32 with the centered GEMM expansion (see shift.ts), so a squared
 * euclidean distance is within about 4 d 2^-24 (||x - s||^2 + ||y - s||^2) of the exact value (absolute,
 * not relative: tiny distances between far-from-center points are the least accurate), then clamped at
 * 0. Cosine distances are within about 4 d 2^-24 absolute. A row's distance to itself (A === B,
 * i === j) is exactly 0. squaredDistances, distances, distanceBlocks, nearestRows and
 * clusterDistanceSums return these float32 values (nearestRows ties go to the lower index only when
 * the float32 values tie, as on small-integer grids). radiusNeighbors and kNearest use the tiles only
 * to select candidates and re-score them exactly (refine.ts): their pairs, distances and tie order
 * are the reference's (kNearest: unless more than k + 4 points tie within float32 error).
 */
import { batchAssignerFrom } from '../batch-assigner.js';
import type { KernelBackend } from '../kernel-backend.js';
import { assertNonZeroRows } from '../distance-metric.js';
import { radiusNeighborsReference } from '../neighborhoods.js';
import { referenceBackend } from '../reference-backend.js';
import { WasmBatchRows } from '../wasm/batch-rows.js';
import { centerAssignerOnnx } from './center-assigner.js';
import { clusterDistanceSumsOnnx } from './cluster-sums.js';
import { kNearestOnnx } from './k-nearest.js';
import { nearestRowsOnnx } from './nearest.js';
import { onnxKernelOptions } from './options.js';
import { distanceRowBlocks, pairwiseMatrix } from './pairwise.js';
import { radiusNeighborsOnnx } from './radius.js';
import { centeringShift } from './shift.js';

const empty = (A: { rows: number; cols: number }, B: { rows: number }) =>
  A.rows === 0 || B.rows === 0 || A.cols === 0;

/** Kernels as ONNX graphs on onnxruntime-node (CPU). Inputs are validated by the entry points in kernels.ts. */
export const onnxBackend: KernelBackend = {
  name: 'onnx',
  async squaredDistances(A, B) {
    if (empty(A, B)) return referenceBackend.squaredDistances(A, B);
    return pairwiseMatrix(A, B, 'euclidean', 'squared');
  },
  async distances(A, B, metric) {
    if (empty(A, B)) return referenceBackend.distances(A, B, metric);
    if (metric === 'cosine') for (const M of A === B ? [A] : [A, B]) assertNonZeroRows(M, 'distances');
    return pairwiseMatrix(A, B, metric, 'distance');
  },
  async distanceBlocks(A, B, metric, blockRows, visit) {
    if (empty(A, B)) return referenceBackend.distanceBlocks(A, B, metric, blockRows, visit);
    if (metric === 'cosine') for (const M of A === B ? [A] : [A, B]) assertNonZeroRows(M, 'distanceBlocks');
    return distanceRowBlocks(A, B, metric, blockRows, visit);
  },
  async nearestRows(X, C) {
    if (empty(X, C)) return referenceBackend.nearestRows(X, C);
    return nearestRowsOnnx(X, C);
  },
  async clusterDistanceSums(X, labels, k, metric) {
    if (empty(X, X) || k === 0) return referenceBackend.clusterDistanceSums(X, labels, k, metric);
    if (metric === 'cosine') assertNonZeroRows(X, 'clusterDistanceSums');
    return clusterDistanceSumsOnnx(X, labels, k, metric);
  },
  async kNearest(X, k, metric, Q) {
    const queries = Q ?? X;
    if (empty(queries, X)) return referenceBackend.kNearest(X, k, metric, Q);
    if (metric === 'cosine') for (const M of Q === undefined ? [X] : [X, Q]) assertNonZeroRows(M, 'kNearest');
    return kNearestOnnx(X, k, metric, queries, Q === undefined);
  },
  async radiusNeighbors(X, eps, metric) {
    if (empty(X, X)) return radiusNeighborsReference(X, eps, metric);
    if (metric === 'cosine') assertNonZeroRows(X, 'radiusNeighbors');
    return radiusNeighborsOnnx(X, eps, metric);
  },
  async centerAssigner(X, weight) {
    if (empty(X, X)) return referenceBackend.centerAssigner(X, weight);
    return centerAssignerOnnx(X, weight);
  },
  async batchAssigner(X, batch, k) {
    const wasm = empty(X, X)
      ? undefined
      : WasmBatchRows.create(X, centeringShift(X), batch, k, onnxKernelOptions().maxWorkspaceBytes);
    return wasm ?? batchAssignerFrom(X, (B, C) => this.nearestRows(B, C));
  },
};
