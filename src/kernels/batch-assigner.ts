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
import { type Matrix, selectRows } from '../util/matrix.js';
import { centerSumsReference } from './center-assigner.js';

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
 * Per-center sums of w x, weights and counts of an assigned batch (`centerSumsReference`: Float64,
 * batch order) and its inertia.
 */
export function batchSumsOf(
  batch: Matrix,
  weight: Float64Array,
  index: Int32Array,
  distance: Float32Array,
  k: number,
): BatchSums {
  return { ...centerSumsReference(batch, weight, index, k), inertia: weightedDistanceSum(distance, weight) };
}

/**
 * sum_i w[start + i] * max(0, distance[i]) (w = 1 when omitted), in row order. A plain function: in
 * an async caller its running double would be boxed on every row.
 */
export function weightedDistanceSum(distance: Float32Array, weight?: Float64Array, start = 0): number {
  let total = 0;
  for (let i = 0; i < distance.length; i++)
    total += (weight ? weight[start + i] : 1) * Math.max(0, distance[i]);
  return total;
}
