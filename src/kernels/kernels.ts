/**
 * The kernel entry points every stage calls. Each has one name and several implementations
 * (tfjs-core style); which one runs is chosen here, in one place: env SEGSCOPE_KERNELS=reference|onnx
 * if set, else `onnx` (onnxruntime-node, see onnx/backend.ts) when it loads, else the plain-TS
 * reference. Arguments are validated here, once, for every backend.
 *
 * Inputs must be finite. Stages check that once at their boundary (`assertFinite`); the kernels do
 * not re-check, since a scan of X costs about as much as `nearestRows` itself. With non-finite input
 * the reference propagates NaN and the onnx backend's result is unspecified.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import type { BatchAssigner } from './batch-assigner.js';
import { assertCenterLabels, assertCenterWeights, type CenterAssigner } from './center-assigner.js';
import { type DistanceMetric, assertMetric } from './distance-metric.js';
import type { DistanceBlockVisitor, KernelBackend } from './kernel-backend.js';
import { assertRadius, type Neighborhoods } from './neighborhoods.js';
import { referenceBackend } from './reference-backend.js';
import { assertBlockRows, assertClusterLabels, checkCols } from './reference.js';

export type { BatchAssigner, BatchSums } from './batch-assigner.js';
export type { CenterAssigner, CenterAssignment, CenterSums } from './center-assigner.js';
export type { DistanceBlockVisitor, KernelBackend } from './kernel-backend.js';
export { referenceBackend } from './reference-backend.js';

/** Backends selectable by name. */
export type KernelBackendName = 'reference' | 'onnx';

let active: KernelBackend | undefined;
let choosing: Promise<KernelBackend> | undefined;

async function loadOnnxBackend(): Promise<KernelBackend> {
  return (await import('./onnx/backend.js')).onnxBackend;
}

async function chooseBackend(): Promise<KernelBackend> {
  const wanted = process.env.SEGSCOPE_KERNELS;
  if (wanted === 'reference') return referenceBackend;
  if (wanted === 'onnx') return loadOnnxBackend();
  if (wanted !== undefined && wanted !== '')
    throw new RangeError(`SEGSCOPE_KERNELS (${wanted}) must be reference or onnx`);
  try {
    return await loadOnnxBackend();
  } catch {
    return referenceBackend;
  }
}

/** The backend in use (chosen on first call as described above). */
export async function kernelBackend(): Promise<KernelBackend> {
  if (active !== undefined) return active;
  choosing ??= chooseBackend();
  active = await choosing;
  return active;
}

/**
 * Choose the backend every kernel call uses from now on: a backend object, or a name.
 * @throws Error if 'onnx' is asked for and onnxruntime-node does not load.
 */
export async function setKernelBackend(backend: KernelBackend | KernelBackendName): Promise<KernelBackend> {
  if (backend === 'reference') active = referenceBackend;
  else if (backend === 'onnx') active = await loadOnnxBackend();
  else active = backend;
  return active;
}

/** ||a_i - b_j||^2, A.rows x B.rows row-major. O(n m d). @throws RangeError if A.cols != B.cols. */
export async function squaredDistances(A: Matrix, B: Matrix): Promise<Float32Array> {
  checkCols(A, B, 'squaredDistances');
  return (await kernelBackend()).squaredDistances(A, B);
}

/** Distances (not squared) under `metric`, A.rows x B.rows row-major. O(n m d). */
export async function distances(A: Matrix, B: Matrix, metric: DistanceMetric): Promise<Float32Array> {
  assertMetric(metric, 'distances');
  checkCols(A, B, 'distances');
  return (await kernelBackend()).distances(A, B, metric);
}

/**
 * Stream the A x B distance matrix (not squared) to `visit` in blocks of `blockRows` rows, in row
 * order, one block at a time: memory O(blockRows * B.rows) whatever A.rows is. Pass B = A (the same
 * object) for self distances; the diagonal is then exactly 0. The block buffer is reused.
 * @throws RangeError on mismatched columns or blockRows not a positive integer.
 * @example await distanceBlocks(X, X, 'euclidean', 256, (block, r0, rows) => { ... })
 */
export async function distanceBlocks(
  A: Matrix,
  B: Matrix,
  metric: DistanceMetric,
  blockRows: number,
  visit: DistanceBlockVisitor,
): Promise<void> {
  assertMetric(metric, 'distanceBlocks');
  checkCols(A, B, 'distanceBlocks');
  assertBlockRows(blockRows, 'distanceBlocks');
  return (await kernelBackend()).distanceBlocks(A, B, metric, blockRows, visit);
}

/** Nearest row of C for every row of X, with the squared euclidean distance. Ties: lowest index. O(n k d). */
export async function nearestRows(
  X: Matrix,
  C: Matrix,
): Promise<{ index: Int32Array; distance: Float32Array }> {
  checkCols(X, C, 'nearestRows');
  return (await kernelBackend()).nearestRows(X, C);
}

/**
 * Per point, the sum of distances to every point of each cluster (n x k, row-major); noise (-1)
 * excluded; a point's distance to itself is 0. O(n^2 d) time, O(n k) memory.
 * @throws RangeError on a length mismatch, a bad k, or a label outside [-1, k).
 */
export async function clusterDistanceSums(
  X: Matrix,
  labels: Labels,
  k: number,
  metric: DistanceMetric,
): Promise<Float64Array> {
  assertMetric(metric, 'clusterDistanceSums');
  assertClusterLabels(X, labels, k, 'clusterDistanceSums');
  return (await kernelBackend()).clusterDistanceSums(X, labels, k, metric);
}

/**
 * The k nearest rows of X for each row of Q (default X itself, excluding each point by index),
 * ascending by distance (not squared), ties by lower index. O(n m d) time, O(m k) memory.
 * @throws RangeError if k is not an integer in [1, available rows] or Q.cols != X.cols.
 */
export async function kNearest(
  X: Matrix,
  k: number,
  metric: DistanceMetric,
  Q?: Matrix,
): Promise<{ indices: Int32Array; distances: Float32Array }> {
  assertMetric(metric, 'kNearest');
  if (Q !== undefined) checkCols(Q, X, 'kNearest');
  const available = X.rows - (Q === undefined ? 1 : 0);
  if (!Number.isInteger(k) || k < 1 || k > available)
    throw new RangeError(`kNearest: k (${k}) must be an integer in [1, ${available}]`);
  return (await kernelBackend()).kNearest(X, k, metric, Q);
}

/**
 * For every row i, all rows j with dist(x_i, x_j) <= eps, i itself included (DBSCAN's region query,
 * as scikit-learn counts it), in increasing j, as CSR. O(n^2 d) time, O(n * tile + output) memory.
 * @throws RangeError if eps is not a finite number >= 0.
 */
export async function radiusNeighbors(
  X: Matrix,
  eps: number,
  metric: DistanceMetric,
): Promise<Neighborhoods> {
  assertMetric(metric, 'radiusNeighbors');
  assertRadius(eps, 'radiusNeighbors');
  return (await kernelBackend()).radiusNeighbors(X, eps, metric);
}

/**
 * X and its sample weights (default all 1) prepared for the repeated passes of k-means against small
 * center sets: `squaredDistances(C)`, `nearest(C)`, `nearestWithSums(C)` (labels plus per-center
 * weighted sums, weights and counts in Float64), `moveRows` (those sums updated for changed labels)
 * and `seeding` (k-means++ trials). O(n d) to prepare; each pass O(n m d) reading X once; each
 * takes an optional output buffer to reuse across passes. The onnx backend keeps two centered
 * float32 copies of X (a shared WASM workspace and a plain one for onnxruntime) plus ~90 bytes per
 * row of scratch, which `release()` hands back for reuse; see onnx/center-assigner.ts.
 * @throws RangeError on a weight length mismatch or a negative / non-finite weight; every pass throws
 *   RangeError if C.cols != X.cols.
 * @example const a = await centerAssigner(X); const labels = await a.nearest(C);
 */
export async function centerAssigner(X: Matrix, weight?: Float64Array): Promise<CenterAssigner> {
  const w = weight ?? new Float64Array(X.rows).fill(1);
  assertCenterWeights(X, w, 'centerAssigner');
  const inner = await (await kernelBackend()).centerAssigner(X, w);
  const check = (C: Matrix, what: string) => checkCols(X, C, `centerAssigner.${what}`);
  return {
    rows: X.rows,
    cols: X.cols,
    async squaredDistances(C, out) {
      check(C, 'squaredDistances');
      return inner.squaredDistances(C, out);
    },
    async nearest(C, out) {
      check(C, 'nearest');
      return inner.nearest(C, out);
    },
    async nearestWithSums(C, out) {
      check(C, 'nearestWithSums');
      return inner.nearestWithSums(C, out);
    },
    async moveRows(previous, next, state) {
      if (previous.length !== X.rows || next.length !== X.rows)
        throw new RangeError(
          `centerAssigner.moveRows: labels lengths (${previous.length}, ${next.length}) != rows (${X.rows})`,
        );
      // A label out of range would write outside the sums (WASM) or lose the row; O(n), cheap
      // beside the move itself.
      assertCenterLabels(previous, state.count.length, 'centerAssigner.moveRows: previous');
      assertCenterLabels(next, state.count.length, 'centerAssigner.moveRows: next');
      return inner.moveRows(previous, next, state);
    },
    async inertia(C, labels) {
      check(C, 'inertia');
      if (labels.length !== X.rows)
        throw new RangeError(`centerAssigner.inertia: labels.length (${labels.length}) != rows (${X.rows})`);
      assertCenterLabels(labels, C.rows, 'centerAssigner.inertia: labels');
      return inner.inertia(C, labels);
    },
    seeding(seedWeight) {
      assertCenterWeights(X, seedWeight, 'centerAssigner.seeding');
      return inner.seeding(seedWeight);
    },
    release() {
      inner.release();
    },
  };
}

/**
 * X (n x d) prepared for mini-batch k-means steps of up to `batch` rows against k centers; each
 * step is checked here: row indices in [0, n), one weight per row, C of k rows and d columns.
 * @throws RangeError for batch or k not a positive integer, or a bad step argument.
 */
export async function batchAssigner(X: Matrix, batch: number, k: number): Promise<BatchAssigner> {
  for (const [name, v] of [
    ['batch', batch],
    ['k', k],
  ] as const)
    if (!Number.isInteger(v) || v < 1)
      throw new RangeError(`batchAssigner: ${name} (${v}) must be a positive integer`);
  const inner = await (await kernelBackend()).batchAssigner(X, batch, k);
  let released = false;
  return {
    rows: X.rows,
    cols: X.cols,
    async step(rows, weight, C) {
      // After release the workspace may belong to another fit.
      if (released) throw new Error('batchAssigner.step after release');
      checkCols(X, C, 'batchAssigner.step');
      if (C.rows !== k) throw new RangeError(`batchAssigner.step: C.rows (${C.rows}) != k (${k})`);
      if (rows.length > batch || weight.length !== rows.length)
        throw new RangeError(
          `batchAssigner.step: ${rows.length} rows (at most ${batch}) with ${weight.length} weights`,
        );
      for (let r = 0; r < rows.length; r++)
        if (!(rows[r] >= 0 && rows[r] < X.rows))
          throw new RangeError(`batchAssigner.step: rows[${r}] (${rows[r]}) must be in [0, ${X.rows})`);
      return inner.step(rows, weight, C);
    },
    release() {
      if (!released) inner.release();
      released = true;
    },
  };
}
