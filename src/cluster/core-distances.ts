/**
 * Core distances for HDBSCAN (Campello, Moulavi & Sander 2013, def. 1): the distance from a point
 * to its minSamples-th nearest neighbor, the point itself counted as the first — scikit-learn's
 * convention. (McInnes' hdbscan library does not count the point: its min_samples = m is our m + 1.)
 */
import { kNearest } from '../kernels/kernels.js';
import type { Matrix } from '../util/matrix.js';
import type { KdTree } from './kd-tree.js';
import { selfKNearestParallel } from './parallel-knn.js';

/**
 * Core distances from a k-d tree (exact, Float64), indexed by original row, plus each row's
 * minSamples nearest neighbors (original indices, self first) for seeding the MST search.
 * On two threads for large n (`selfKNearestParallel`). O(n log n) on spread data.
 */
export async function coreDistancesInTree(
  tree: KdTree,
  minSamples: number,
): Promise<{ core: Float64Array; neighbors: Int32Array; k: number }> {
  const n = tree.n;
  const core = new Float64Array(n);
  const k = Math.max(1, Math.min(minSamples, n));
  if (n === 0) return { core, neighbors: new Int32Array(0), k };
  const { kth, neighbors } = await selfKNearestParallel(tree, k);
  if (minSamples > 1) core.set(kth);
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
