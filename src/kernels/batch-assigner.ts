/**
 * The `batchAssigner` kernel: X prepared once for mini-batch k-means, whose every step assigns a
 * batch of rows drawn from X (indices, with replacement) to the nearest of k centers and adds up
 * each center's rows. A backend may keep its own copy of X (onnx: centered rows in a WASM
 * workspace, wasm/batch-rows.ts), so a step never copies its rows out in TypeScript.
 *
 * This file holds the contract and the path every backend can take: copy the rows out, assign
 * them with that backend's `nearestRows`, add them up in Float64 (the reference, with the reference
 * `nearestRows`).
 */
import type { Matrix } from '../util/matrix.js';
import { selectRows } from '../util/matrix.js';

/** One step's batch, assigned: per-center sums of w x (k x d, Float64), weights, counts, inertia. */
export interface BatchSums {
  sums: Float64Array;
  weight: Float64Array;
  count: Int32Array;
  /** sum_r w_r ||x_r - c[label_r]||^2 over the batch (each distance clamped at 0). */
  inertia: number;
}

/** X (n x d) prepared for mini-batch steps of up to `batch` rows against k centers. */
export interface BatchAssigner {
  readonly rows: number;
  readonly cols: number;
  /**
   * Assign rows[r] of X (weight[r]) to the nearest row of C (k x d; ties to the lower index) and
   * add up each center's rows, in batch order. O(rows k d).
   */
  step(rows: Int32Array, weight: Float64Array, C: Matrix): Promise<BatchSums>;
  /** Hand back what the assigner holds; no step may follow. */
  release(): void;
}

/** The assigner that copies each batch out of X and assigns it with `nearest` (a backend's `nearestRows`). */
export function batchAssignerFrom(
  X: Matrix,
  nearest: (B: Matrix, C: Matrix) => Promise<{ index: Int32Array; distance: Float32Array }>,
): BatchAssigner {
  return {
    rows: X.rows,
    cols: X.cols,
    async step(rows, weight, C) {
      const batch = selectRows(X, rows);
      const { index, distance } = await nearest(batch, C);
      return batchSumsOf(batch, weight, index, distance, C.rows);
    },
    release() {},
  };
}

/**
 * Per-center sums of w x, weights and counts of an assigned batch, and its inertia, in Float64 in
 * batch order. A plain function: in an async caller its running doubles would be boxed on every row.
 */
export function batchSumsOf(
  batch: Matrix,
  weight: Float64Array,
  index: Int32Array,
  distance: Float32Array,
  k: number,
): BatchSums {
  const d = batch.cols;
  let inertia = 0;
  const out: BatchSums = {
    sums: new Float64Array(k * d),
    weight: new Float64Array(k),
    count: new Int32Array(k),
    inertia: 0,
  };
  for (let i = 0; i < batch.rows; i++) {
    const c = index[i];
    const w = weight[i];
    inertia += w * Math.max(0, distance[i]);
    out.weight[c] += w;
    out.count[c]++;
    for (let j = 0; j < d; j++) out.sums[c * d + j] += w * batch.data[i * d + j];
  }
  out.inertia = inertia;
  return out;
}
