/**
 * All-points k nearest neighbors on two threads: the main thread and one worker claim chunks of
 * tree positions from a shared counter, over the same tree in shared memory (so a thread slowed
 * by other load simply claims fewer chunks). Same result as
 * `selfKNearest`, bit for bit (each query is answered by the same code).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type KdTree, sharedKdTree } from './kd-tree.js';
import { selfKNearest, selfKNearestClaimed } from './kd-tree-self.js';

/** Tree positions per claimed chunk: small enough to balance, large enough to keep leaves in cache. */
export const KNN_CHUNK = 256;

/** Below this many points a worker's start-up (tens of ms) costs more than it saves. */
export const PARALLEL_KNN_MIN_POINTS = 4000;

/** `selfKNearest(tree, k)`, split across the main thread and one worker when it pays. */
export async function selfKNearestParallel(
  tree: KdTree,
  k: number,
): Promise<{ kth: Float64Array; neighbors: Int32Array }> {
  const { n } = tree;
  if (n < PARALLEL_KNN_MIN_POINTS || availableParallelism() < 2) return selfKNearest(tree, k);
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`selfKNearest: k (${k}) must be an integer in [1, ${n}]`);
  const sharedTree = sharedKdTree(tree);
  const kth = new Float64Array(new SharedArrayBuffer(n * 8));
  const neighbors = new Int32Array(new SharedArrayBuffer(n * k * 4));
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const chunk = KNN_CHUNK;
  const worker = new Worker(new URL('./knn-worker.js', import.meta.url), {
    workerData: { tree: sharedTree, k, counter, chunk, kth, neighbors },
  });
  const finished = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`selfKNearestParallel: worker exited with ${code}`)),
    );
  });
  selfKNearestClaimed(sharedTree, k, counter, chunk, kth, neighbors);
  await finished;
  await worker.terminate();
  return { kth, neighbors };
}
