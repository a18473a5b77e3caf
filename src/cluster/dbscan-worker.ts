/**
 * Worker-thread entry for `dbscanOnTree` (dbscan-tree.ts): joins its core-flag pass, then (on the
 * message 'border') its border pass, claiming chunks of tree positions from the shared counters;
 * answers 'core' and 'border' when each pass has no chunk left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { borderLabelsClaimed, coreFlagsClaimed, DBSCAN_CHUNK } from './dbscan-tree-queries.js';
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
// Each claim also counts, in slots 2 and 3, the chunks this worker answered.
const claim = (slot: number) => () => {
  const c = Atomics.add(counters, slot, 1);
  if (c * DBSCAN_CHUNK < tree.n) Atomics.add(counters, slot + 2, 1);
  return c;
};
coreFlagsClaimed(tree, r2, minSamples, core, claim(0));
parentPort?.postMessage('core');
parentPort?.once('message', () => {
  borderLabelsClaimed(tree, r2, core, rep, labelAt, border, claim(1));
  parentPort?.postMessage('border');
});
