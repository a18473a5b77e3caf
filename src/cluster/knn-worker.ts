/**
 * Worker-thread entry for `selfKNearestParallel`: answers k-nearest-neighbor queries for a range of
 * tree positions over a k-d tree and outputs shared through SharedArrayBuffer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KdTree } from './kd-tree.js';
import { selfKNearestRange } from './kd-tree-self.js';

const { tree, k, from, to, kth, neighbors } = workerData as {
  tree: KdTree;
  k: number;
  from: number;
  to: number;
  kth: Float64Array;
  neighbors: Int32Array;
};
selfKNearestRange(tree, k, from, to, kth, neighbors);
parentPort?.postMessage('done');
