/**
 * Persistent kernel worker threads. A worker starts in ~70 ms, loads onnxruntime and creates its
 * sessions on its first cluster-sums task (0.1 to 0.25 s measured), then serves tasks for the rest
 * of the process, so only the first parallel call pays that start-up. Workers are unreferenced while idle (they never keep the process alive) and
 * referenced while a task is pending (so an awaited task is never cut short by the event loop
 * emptying).
 *
 * A task is a message { id, kind, payload }; the worker (kernel-worker.ts) answers { id } or
 * { id, error }. Payload arrays in SharedArrayBuffers are shared, the rest is copied (structured
 * clone). A worker that dies rejects its pending tasks and leaves the pool; the next call starts a
 * fresh one.
 */
import { Worker } from 'node:worker_threads';

/** The tasks a kernel worker knows (kernel-worker.ts dispatches on `kind`). */
export type KernelTaskKind = 'clusterSums' | 'centerKernel' | 'ping';

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** One persistent worker and its pending tasks. */
export class KernelWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private dead: Error | undefined;

  constructor(private readonly onDeath: (w: KernelWorker) => void) {
    this.worker = new Worker(new URL('./kernel-worker.js', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (m: { id: number; error?: string }) => this.settle(m));
    this.worker.on('error', (e) => this.die(e));
    this.worker.on('exit', (code) => this.die(new Error(`kernel worker exited with code ${code}`)));
  }

  /** Run `kind` on `payload` in the worker; resolves when it answers. */
  run(kind: KernelTaskKind, payload: unknown): Promise<void> {
    if (this.dead !== undefined) return Promise.reject(this.dead);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, kind, payload });
    });
  }

  private settle({ id, error }: { id: number; error?: string }): void {
    const p = this.pending.get(id);
    if (p === undefined) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    if (error === undefined) p.resolve();
    else p.reject(new Error(error));
  }

  private die(error: Error): void {
    if (this.dead !== undefined) return;
    this.dead = error;
    this.onDeath(this);
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

const pool: KernelWorker[] = [];

/**
 * `count` persistent workers (started on first use, kept for the process). The same workers come
 * back on every call, in the same order.
 */
export function kernelWorkers(count: number): KernelWorker[] {
  while (pool.length < count) {
    pool.push(
      new KernelWorker((w) => {
        const at = pool.indexOf(w);
        if (at >= 0) pool.splice(at, 1);
      }),
    );
  }
  return pool.slice(0, count);
}
