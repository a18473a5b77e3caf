/**
 * Worker-thread entry of the cluster-sums kernel: runs tiles of the plan claimed from a shared
 * counter (one intra-op thread; the main thread and the other workers take the rest) into its own
 * shared sums, then says 'done'; or, if the main thread has already cancelled it (state[slot] = 2),
 * says 'done' at once. A failure surfaces as the worker's 'error' event.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ClusterSumsPlan, runClusterSumTiles } from './cluster-sums-tiles.js';

const { plan, counter, state, slot, sums } = workerData as {
  plan: ClusterSumsPlan;
  counter: Int32Array;
  state: Int32Array;
  slot: number;
  sums: Float64Array;
};
if (Atomics.compareExchange(state, slot, 0, 1) === 0)
  await runClusterSumTiles(plan, () => Atomics.add(counter, 0, 1), sums, 1);
parentPort?.postMessage('done');
