/**
 * A cluster-sums plan run on several threads: the main thread and workers (cluster-sums-worker.ts),
 * one intra-op thread each, claim tiles from a shared counter, so a thread slowed by other load
 * simply takes fewer. Each adds into its own sums; the parts are then added exactly (see
 * cluster-sums-tiles.ts), so the result is the one-thread result, bit for bit.
 */
import { Worker } from 'node:worker_threads';
import { type ClusterSumsPlan, runClusterSumTiles } from './cluster-sums-tiles.js';

/**
 * Add the plan's sums into `sorted` (a SharedArrayBuffer view, points x k) using `runners` threads:
 * the main thread and runners - 1 workers, or only the workers when `mainRuns` is false. The main
 * thread starts at once and the workers join as soon as they have loaded; one still loading when
 * the main thread runs out of tiles is cancelled, not awaited (state[w]: 0 -> 1 when worker w
 * starts claiming, 0 -> 2 when cancelled).
 */
export async function runOnThreads(
  plan: ClusterSumsPlan,
  sorted: Float64Array,
  runners: number,
  mainRuns = true,
): Promise<void> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const state = new Int32Array(new SharedArrayBuffer(4 * runners));
  const workers: { worker: Worker; sums: Float64Array; finished: Promise<void> }[] = [];
  for (let slot = 1; slot < runners; slot++) {
    const sums = new Float64Array(new SharedArrayBuffer(sorted.length * 8));
    const worker = new Worker(new URL('./cluster-sums-worker.js', import.meta.url), {
      workerData: { plan, counter, state, slot, sums },
    });
    const finished = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`clusterDistanceSums: worker exited with ${code}`)),
      );
    });
    // Awaited after the main thread's own tiles; until then a failure must not count as unhandled.
    finished.catch(() => undefined);
    workers.push({ worker, sums, finished });
  }
  if (mainRuns) await runClusterSumTiles(plan, () => Atomics.add(counter, 0, 1), sorted, 1);
  for (const [w, { worker, sums, finished }] of workers.entries()) {
    if (mainRuns && Atomics.compareExchange(state, w + 1, 0, 2) === 0) {
      await worker.terminate();
      continue;
    }
    await finished.finally(() => worker.terminate());
    for (let i = 0; i < sorted.length; i++) sorted[i] += sums[i];
  }
}
