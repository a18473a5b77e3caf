/**
 * Radius neighborhoods in CSR form, and their plain-TS reference (the DBSCAN region query).
 */
import type { Matrix } from '../util/matrix.js';
import type { DistanceMetric } from './distance-metric.js';
import { distancesReference } from './reference.js';

/**
 * Neighbors of row i are indices[offsets[i] .. offsets[i+1]) in increasing order, with their
 * distances (not squared) at the same positions.
 */
export interface Neighborhoods {
  readonly offsets: Int32Array;
  readonly indices: Int32Array;
  readonly distances: Float32Array;
}

/**
 * For every row i of X, all rows j with dist(x_i, x_j) <= eps, i itself included (scikit-learn's
 * DBSCAN counts a point in its own neighborhood). O(n^2 d) time, O(n d + output) memory.
 * @throws RangeError if eps is not a finite number >= 0.
 * @example radiusNeighborsReference(matrixFromRows([[0], [1], [3]]), 1, 'euclidean').offsets // [0, 2, 4, 5]
 */
export function radiusNeighborsReference(X: Matrix, eps: number, metric: DistanceMetric): Neighborhoods {
  assertRadius(eps, 'radiusNeighbors');
  const offsets = new Int32Array(X.rows + 1);
  const indices: number[] = [];
  const distances: number[] = [];
  for (let i = 0; i < X.rows; i++) {
    const query = { rows: 1, cols: X.cols, data: X.data.subarray(i * X.cols, (i + 1) * X.cols) };
    const row = distancesReference(query, X, metric);
    row[i] = 0;
    for (let j = 0; j < X.rows; j++) {
      if (row[j] <= eps) {
        indices.push(j);
        distances.push(row[j]);
      }
    }
    offsets[i + 1] = indices.length;
  }
  return { offsets, indices: Int32Array.from(indices), distances: Float32Array.from(distances) };
}

/** @throws RangeError unless eps is a finite number >= 0. */
export function assertRadius(eps: number, caller: string): void {
  if (!Number.isFinite(eps) || eps < 0)
    throw new RangeError(`${caller}: eps (${eps}) must be a finite number >= 0`);
}
