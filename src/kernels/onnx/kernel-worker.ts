/**
 * Entry of a persistent kernel worker (worker-pool.ts): answers each task message { id, kind,
 * payload } with { id } when done or { id, error } when it failed, one task at a time, in order.
 *
 * - `clusterSums`: runs tiles of a cluster-sums plan claimed from a shared counter (one intra-op
 *   thread; the main thread and other workers take the rest) into its own shared sums; or nothing,
 *   when the caller has already given up on it (state[slot] was set to 2 before this worker began).
 * - `centerKernel`: one WASM center kernel (wasm/center-kernels.wat) on the caller's shared memory,
 *   its result stored as a float64 at `slot` (wasm/center-threads.ts).
 * - `ping`: nothing; the answer says the worker is up.
 */
import { parentPort } from 'node:worker_threads';
import {
  type CenterKernelName,
  centerKernelModule,
  instantiateCenterKernels,
} from '../wasm/center-kernels.js';
import type { ClusterSumsPlan } from './cluster-sums-tiles.js';
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
  // Loaded on the first such task, not at start-up: onnxruntime takes 0.1-0.25 s to load, and a
  // worker that only runs WASM center kernels (k-means) should be up in a few ms.
  const { runClusterSumTiles } = await import('./cluster-sums-tiles.js');
  await runClusterSumTiles(plan, () => Atomics.add(counter, 0, 1), sums, 1);
}

/** What a `centerKernel` task carries. */
export interface CenterKernelTask {
  memory: WebAssembly.Memory;
  name: CenterKernelName;
  args: number[];
  slot: number;
}

async function centerKernel({ memory, name, args, slot }: CenterKernelTask): Promise<void> {
  const module = centerKernelModule();
  if (module === null) throw new Error('kernel worker: the WASM center kernels are unavailable');
  // Instantiating over the posted memory costs ~13 us, less than keeping instances per memory.
  const kernel = instantiateCenterKernels(module, memory)[name] as (...a: number[]) => number | undefined;
  const result = kernel(...args) ?? 0;
  new Float64Array(memory.buffer as unknown as SharedArrayBuffer, slot, 1)[0] = result;
}

const TASKS: Record<KernelTaskKind, (payload: never) => Promise<void>> = {
  clusterSums,
  centerKernel,
  ping: async () => {},
};

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
