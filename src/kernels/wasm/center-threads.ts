/**
 * Two halves of a WASM center kernel at once: rows [0, h) on the calling thread, [h, n) on a
 * persistent kernel worker (onnx/worker-pool.ts) over the same shared memory. The split point never
 * depends on whether a worker runs, so one thread and two give the same bits: callers combine the
 * halves' partial results in a fixed order.
 *
 * The worker is used once it has answered (its start-up, ~70 ms, overlaps the caller's work;
 * until then the caller runs both halves), when the configured kernel threads are >= 2 and the
 * halves are large enough to pay a message round trip (~0.1 ms).
 */
import { onnxKernelOptions } from '../onnx/options.js';
import { kernelWorkers } from '../onnx/worker-pool.js';
import type { CenterKernelName, CenterWorkspace } from './center-kernels.js';

/** Elements (rows x d) below which both halves run on the calling thread. */
export const PARALLEL_ELEMENTS = 1 << 18;

let ready = false;
let starting: Promise<void> | undefined;
let sent = 0;

/**
 * Start the kernel worker (once per process); resolves when it has answered, or when it failed to
 * start (then halves keep running on the calling thread, and the next call tries again).
 */
export function centerWorkerReady(): Promise<void> {
  starting ??= kernelWorkers(1)[0]
    .run('ping', null)
    .then(
      () => {
        ready = true;
      },
      () => {
        starting = undefined;
      },
    );
  return starting;
}

/** Halves handed to the worker so far in this process (for tests: the two-thread path did run). */
export const centerWorkerHalves = (): number => sent;

/** Where rows are split: the first half gets floor(n / 2) rows. */
export const splitRow = (n: number): number => n >> 1;

/**
 * Run kernel `name` on the two argument lists (first half, second half); returns both results. The
 * second half goes to the worker when it is ready and `elements` (of the whole call) is large
 * enough; its result comes back through the 8 bytes at `slot`.
 */
export async function runHalves(
  ws: CenterWorkspace,
  name: CenterKernelName,
  first: readonly number[],
  second: readonly number[],
  elements: number,
): Promise<[number, number]> {
  const kernel = ws.kernels[name] as (...args: number[]) => number | undefined;
  const parallel = elements >= PARALLEL_ELEMENTS && onnxKernelOptions().threads >= 2;
  if (parallel) void centerWorkerReady();
  if (!parallel || !ready) return [kernel(...first) ?? 0, kernel(...second) ?? 0];
  const slot = ws.region(`result:${name}`, 8);
  const other = kernelWorkers(1)[0].run('centerKernel', { memory: ws.memory, name, args: second, slot });
  sent++;
  let mine: number;
  try {
    mine = kernel(...first) ?? 0;
  } catch (e) {
    // The worker's half still writes into this memory: wait for it before the caller releases it.
    await other.catch(() => {});
    throw e;
  }
  await other;
  return [mine, new Float64Array(ws.buffer, slot, 1)[0]];
}
