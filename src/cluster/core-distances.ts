/**
 * Core distances for HDBSCAN (Campello, Moulavi & Sander 2013, def. 1): the distance from a point
 * to its minSamples-th nearest neighbor, the point itself counted as the first — scikit-learn's
 * convention. (McInnes' hdbscan library does not count the point: its min_samples = m is our m + 1.)
 */
import { kNearest } from '../kernels/kernels.js';
import type { Matrix } from '../util/matrix.js';
import type { KdTree } from './kd-tree.js';
import { kNearestInTree } from './kd-tree-query.js';

/**
 * Core distances from a k-d tree (exact, Float64), indexed by original row, plus each row's
 * minSamples nearest neighbors (original indices, self first) for seeding the MST search.
 * Queries run in tree order, so neighboring queries touch the same leaves. O(n log n) on spread data.
 */
export function coreDistancesInTree(tree: KdTree, minSamples: number): { core: Float64Array; neighbors: Int32Array; k: number } {
  const n = tree.n;
  const core = new Float64Array(n);
  const k = Math.max(1, Math.min(minSamples, n));
  const { indices, distances } = kNearestInTree(tree, tree.points, n, k);
  const neighbors = new Int32Array(n * k);
  for (let t = 0; t < n; t++) {
    const i = tree.index[t];
    core[i] = minSamples <= 1 ? 0 : distances[t * k + k - 1];
    neighbors.set(indices.subarray(t * k, (t + 1) * k), i * k);
  }
  return { core, neighbors, k };
}

/**
 * Core distances through the `kNearest` kernel (high dimensions; float32 distances widened to
 * Float64). `X` must already be unit-normalized for cosine, and distances are then euclidean
 * between unit rows, as the mutual reachability graph uses them.
 */
export async function coreDistancesBrute(X: Matrix, minSamples: number): Promise<Float64Array> {
  const out = new Float64Array(X.rows);
  if (minSamples <= 1) return out;
  const k = minSamples - 1;
  const { distances } = await kNearest(X, k, 'euclidean');
  for (let i = 0; i < X.rows; i++) out[i] = distances[i * k + k - 1];
  return out;
}
