/**
 * Per point, the sum of distances to each cluster, on onnxruntime. Points are taken in label order
 * and cut into blocks; D is symmetric, so only tiles on and above the block diagonal are computed,
 * each feeding its rows and, mirrored, its columns (cluster-sums-plan.ts, cluster-sums-tiles.ts).
 * Rows are augmented once, so a tile is one GEMM, a Sqrt and its sums (augmented-rows.ts).
 *
 * Large problems run on `threads` threads (cluster-sums-threads.ts: the main thread and persistent
 * workers); small ones on the main thread with `threads` intra-op threads. Both give the same bits. A tile's sums are float32 over at most
 * `side` terms, accumulated exactly across tiles, which keeps the relative error near
 * 2^-24 * sqrt(side). Memory: the augmented rows (O(n d)), the sums (O(n k), once per thread plus
 * input order), one-hot labels of mixed blocks over their own label ranges, and per thread one tile
 * (O(side^2)) with its two blocks of augmented rows.
 */
import { availableParallelism } from 'node:os';
import type { Labels } from '../../util/labels.js';
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';
import { clusterSumsPlan } from './cluster-sums-plan.js';
import { runOnThreads } from './cluster-sums-threads.js';
import { runClusterSumTiles } from './cluster-sums-tiles.js';
import { onnxKernelOptions } from './options.js';
import { squareSide } from './tiles.js';

/**
 * Tile side by measurement (20,000 x 64 in 10 clusters, this 2-core machine under load): blocks of at
 * most 768 points (~670 here, 1.8 MiB tiles) cost 10-20% less CPU on one thread than 1024 (4 MiB)
 * and as much on two, and 1024 cost 30% less than 2048; 512 and below pay more per-call overhead
 * than they save.
 */
export const CLUSTER_TILE_SIDE = 768;

/**
 * Below this many distance terms (n^2 (d + 2) / 2) a worker's first start-up (loading onnxruntime
 * and creating its sessions: 0.1 to 0.25 s measured, paid once per process) costs more than it
 * saves; such problems stay on the main thread.
 */
export const PARALLEL_MIN_TERMS = 4e9;

/**
 * sums[i*k + c] = sum of dist(x_i, x_j) over j with labels[j] = c. Requires n, d, k >= 1, valid labels
 * (and non-zero rows for cosine). `runners`: threads that run tiles (default: the configured thread
 * count when the problem is large enough, else 1).
 */
export async function clusterDistanceSumsOnnx(
  X: Matrix,
  labels: Labels,
  k: number,
  metric: DistanceMetric,
  runners?: number,
): Promise<Float64Array> {
  const n = X.rows;
  const options = onnxKernelOptions();
  const large = (n * n * (X.cols + 2)) / 2 >= PARALLEL_MIN_TERMS;
  const parallel = runners ?? (large ? Math.min(options.threads, availableParallelism()) : 1);
  const side = Math.min(CLUSTER_TILE_SIDE, squareSide(n, X.cols, options));
  const { plan, order } = clusterSumsPlan(X, labels, k, metric, side, parallel > 1);
  let sorted: Float64Array;
  if (parallel > 1) {
    sorted = new Float64Array(new SharedArrayBuffer(n * k * 8));
    await runOnThreads(plan, sorted, parallel);
  } else {
    sorted = new Float64Array(n * k);
    let next = 0;
    await runClusterSumTiles(plan, () => next++, sorted, options.threads);
  }
  const sums = new Float64Array(n * k);
  for (let p = 0; p < n; p++) sums.set(sorted.subarray(p * k, (p + 1) * k), order[p] * k);
  return sums;
}
