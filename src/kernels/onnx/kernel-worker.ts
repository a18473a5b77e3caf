/**
 * Entry of a persistent kernel worker (worker-pool.ts): answers each task message { id, kind,
 * payload } with { id } when done or { id, error } when it failed, one task at a time, in order.
 *
 * - `clusterSums`: runs tiles of a cluster-sums plan claimed from a shared counter (one intra-op
 *   thread; the main thread and other workers take the rest) into its own shared sums; or nothing,
 *   when the caller has already given up on it (state[slot] was set to 2 before this worker began).
 */
import { parentPort } from 'node:worker_threads';
import { type ClusterSumsPlan, runClusterSumTiles } from './cluster-sums-tiles.js';
import type { KernelTaskKind } from './worker-pool.js';

/** What a `clusterSums` task carries (see cluster-sums-threads.ts). */
export interface ClusterSumsTask {
  plan: ClusterSumsPlan;
  counter: Int32Array;
  state: Int32Array;
  slot: number;
  sums: Float64Array;
}

async function clusterSums({ plan, counter, state, slot, sums }: ClusterSumsTask): Promise<void> {
  if (Atomics.compareExchange(state, slot, 0, 1) !== 0) return;
  await runClusterSumTiles(plan, () => Atomics.add(counter, 0, 1), sums, 1);
}

const TASKS: Record<KernelTaskKind, (payload: never) => Promise<void>> = { clusterSums };

// Tasks run one after another: a chain, so a message arriving mid-task waits its turn.
let queue = Promise.resolve();
parentPort?.on('message', ({ id, kind, payload }: { id: number; kind: KernelTaskKind; payload: never }) => {
  queue = queue.then(async () => {
    try {
      await TASKS[kind](payload);
      parentPort?.postMessage({ id });
    } catch (e) {
      parentPort?.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
});
