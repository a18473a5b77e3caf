/**
 * Worker-thread entry for `dbscanOnTree` (dbscan-tree.ts): joins its core-flag pass, then (on the
 * message 'border') its border pass, claiming chunks of tree positions from the shared counters;
 * answers 'core' and 'border' when each pass has no chunk left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { borderLabelsClaimed, coreFlagsClaimed } from './dbscan-tree-queries.js';
import type { KdTree } from './kd-tree.js';

const { tree, r2, minSamples, core, rep, labelAt, border, counters } = workerData as {
  tree: KdTree;
  r2: number;
  minSamples: number;
  core: Uint8Array;
  rep: Int32Array;
  labelAt: Int32Array;
  border: Int32Array;
  counters: Int32Array;
};
coreFlagsClaimed(tree, r2, minSamples, core, () => Atomics.add(counters, 0, 1));
parentPort?.postMessage('core');
parentPort?.once('message', () => {
  borderLabelsClaimed(tree, r2, core, rep, labelAt, border, () => Atomics.add(counters, 1, 1));
  parentPort?.postMessage('border');
});
