/**
 * All pairs within a radius, the first step of DBSCAN. Low-dimensional data goes through a k-d tree
 * (exact, Float64); high-dimensional data through the `radiusNeighbors` kernel (blocked brute force
 * on the fast GEMM backend, memory O(block x n + pairs)).
 */
import type { DistanceMetric } from '../kernels/distance-metric.js';
import { radiusNeighbors } from '../kernels/kernels.js';
import type { Matrix } from '../util/matrix.js';
import { buildKdTree } from './kd-tree.js';
import type { NeighborLists } from './kd-tree-query.js';
import { selfRadiusNeighbors } from './kd-tree-self-radius.js';

/** Above this many columns the k-d tree stops pruning well and blocked brute force is used. */
export const KD_TREE_MAX_DIMS = 12;

/**
 * Rows as Float64, unit-normalized when `metric` is cosine (so cosine distance = ||a - b||^2 / 2).
 * @throws RangeError naming the row when cosine meets a zero vector.
 */
export function metricRows(X: Matrix, metric: DistanceMetric, caller: string): Float64Array {
  const { rows, cols, data } = X;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows * cols; i++) out[i] = data[i];
  if (metric === 'cosine') {
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += out[i * cols + c] * out[i * cols + c];
      if (s === 0)
        throw new RangeError(`${caller}: row ${i} is a zero vector; cosine distance is undefined for it`);
      const inv = 1 / Math.sqrt(s);
      for (let c = 0; c < cols; c++) out[i * cols + c] *= inv;
    }
  }
  return out;
}

/**
 * For every row, the rows within distance `eps` (<= eps, itself included), as scikit-learn's
 * `radius_neighbors`. Cosine distance is 1 - cos. O(n log n + pairs) in low dims, O(n^2 d) otherwise.
 * @throws RangeError on a zero row under cosine.
 */
export async function epsNeighborhoods(
  X: Matrix,
  eps: number,
  metric: DistanceMetric,
  caller = 'epsNeighborhoods',
): Promise<NeighborLists> {
  const { rows: n, cols } = X;
  if (n === 0) return { offsets: new Int32Array(1), indices: new Int32Array(0) };
  if (cols <= KD_TREE_MAX_DIMS) {
    const points = metricRows(X, metric, caller);
    const tree = buildKdTree(points, n, cols);
    // On unit vectors, 1 - cos(a, b) <= eps  <=>  ||a - b|| <= sqrt(2 eps).
    const radius = metric === 'cosine' ? Math.sqrt(2 * eps) : eps;
    return selfRadiusNeighbors(tree, radius);
  }
  if (metric === 'cosine') metricRows(X, metric, caller); // same zero-row error as the tree path
  const { offsets, indices } = await radiusNeighbors(X, eps, metric);
  return { offsets, indices };
}
