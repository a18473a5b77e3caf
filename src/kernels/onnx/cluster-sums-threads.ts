/**
 * A cluster-sums plan run on several threads: the main thread and persistent kernel workers
 * (worker-pool.ts, kernel-worker.ts), one intra-op thread each, claim tiles from a shared counter,
 * so a thread slowed by other load simply takes fewer. Each adds into its own sums; the parts are
 * then added exactly (see cluster-sums-tiles.ts), so the result is the one-thread result, bit for bit.
 */
import { runClusterSumTiles, type ClusterSumsPlan } from './cluster-sums-tiles.js';
import type { ClusterSumsTask } from './kernel-worker.js';
import { kernelWorkers } from './worker-pool.js';

/**
 * Add the plan's sums into `sorted` (a SharedArrayBuffer view, points x k) using `runners` threads:
 * the main thread and runners - 1 workers, or only the workers when `mainRuns` is false. The main
 * thread starts at once and the workers join as soon as they are free (a worker still starting,
 * the first time, joins when it has loaded); one that has not begun when the main thread runs out
 * of tiles is given up on, not awaited (state[w]: 0 -> 1 when worker w starts claiming, 0 -> 2 when
 * given up on; it then answers without work).
 */
export async function runOnThreads(
  plan: ClusterSumsPlan,
  sorted: Float64Array,
  runners: number,
  mainRuns = true,
): Promise<void> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const state = new Int32Array(new SharedArrayBuffer(4 * runners));
  const workers = kernelWorkers(runners - 1).map((worker, w) => {
    const task: ClusterSumsTask = {
      plan,
      counter,
      state,
      slot: w + 1,
      sums: new Float64Array(new SharedArrayBuffer(sorted.length * 8)),
    };
    const finished = worker.run('clusterSums', task);
    // Awaited after the main thread's own tiles (or never, if given up on): not unhandled meanwhile.
    finished.catch(() => undefined);
    return { sums: task.sums, finished };
  });
  if (mainRuns) await runClusterSumTiles(plan, () => Atomics.add(counter, 0, 1), sorted, 1);
  for (const [w, { sums, finished }] of workers.entries()) {
    if (mainRuns && Atomics.compareExchange(state, w + 1, 0, 2) === 0) continue;
    await finished;
    for (let i = 0; i < sorted.length; i++) sorted[i] += sums[i];
  }
}
