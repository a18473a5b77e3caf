/**
 * The state DBSCAN's passes share (dbscan-tree.ts) and the worker that joins passes 1 and 3
 * (dbscan-worker.ts): SharedArrayBuffers, with chunks of tree positions claimed from shared
 * counters, so each point is answered by the same code whichever thread claims it.
 */
import { Worker } from 'node:worker_threads';
import type { KdTree } from './kd-tree.js';

/** Per-point state shared by the passes (SharedArrayBuffers when a worker takes part). */
export interface Passes {
  core: Uint8Array;
  rep: Int32Array;
  labelAt: Int32Array;
  border: Int32Array;
  /** Claims of pass 1 and 3 (both threads), then the chunks the worker answered in each. */
  counters: Int32Array;
}

export function passes(n: number, nodeCount: number, shared: boolean): Passes {
  const mem = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    core: new Uint8Array(mem(n)),
    rep: new Int32Array(mem(4 * nodeCount)),
    labelAt: new Int32Array(mem(4 * n)),
    border: new Int32Array(mem(4 * n)),
    counters: new Int32Array(mem(16)),
  };
}

/**
 * Run pass 1 (`core`), pass 2 (`between`, this thread only) and pass 3 (`border`) with a worker
 * taking part in 1 and 3; returns the chunks the worker answered. A worker that fails or exits
 * early fails the call.
 */
export async function withWorker(
  tree: KdTree,
  r2: number,
  minSamples: number,
  p: Passes,
  core: () => void,
  between: () => void,
  border: () => void,
): Promise<number> {
  const worker = new Worker(new URL('./dbscan-worker.js', import.meta.url), {
    workerData: { tree, r2, minSamples, ...p },
  });
  const replies: string[] = [];
  const waiting: Array<() => void> = [];
  let failure: Error | undefined;
  const settle = () => {
    for (const wake of waiting.splice(0)) wake();
  };
  worker.on('message', (m: string) => {
    replies.push(m);
    settle();
  });
  worker.once('error', (e) => {
    failure ??= e;
    settle();
  });
  worker.once('exit', (code) => {
    failure ??= new Error(`dbscan worker exited with code ${code} before answering`);
    settle();
  });
  const reply = async (m: string) => {
    while (!replies.includes(m) && failure === undefined) await new Promise<void>((r) => waiting.push(r));
    if (!replies.includes(m)) throw failure;
  };
  try {
    core();
    await reply('core');
    between();
    worker.postMessage('border');
    border();
    await reply('border');
  } finally {
    await worker.terminate();
  }
  return p.counters[2] + p.counters[3];
}
