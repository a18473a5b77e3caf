/**
 * Worker-thread entry for `selfKNearestParallel`: answers k-nearest-neighbor queries for chunks of
 * tree positions claimed from a shared counter, over a k-d tree and outputs shared through SharedArrayBuffer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KdTree } from './kd-tree.js';
import { selfKNearestClaimed } from './kd-tree-self.js';

const { tree, k, counter, chunk, kth, neighbors } = workerData as {
  tree: KdTree;
  k: number;
  counter: Int32Array;
  chunk: number;
  kth: Float64Array;
  neighbors: Int32Array;
};
selfKNearestClaimed(tree, k, counter, chunk, kth, neighbors);
parentPort?.postMessage('done');
