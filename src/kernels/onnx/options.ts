/**
 * Tuning knobs of the onnx kernel backend. No onnxruntime import here, so the barrel can export
 * them without loading the native add-on.
 */
export interface OnnxKernelOptions {
  /**
   * onnxruntime intra-op threads (default 2, the machine's cores; env SEGSCOPE_KERNEL_THREADS). Large
   * clusterDistanceSums calls run this many threads (main + workers) of one intra-op thread each instead.
   */
  threads: number;
  /** Upper bound on elements of one distance tile; memory stays O(tileElements) per call. */
  tileElements: number;
  /** Upper bound on columns of one tile (more columns are split into column tiles). */
  maxTileCols: number;
  /**
   * Largest WASM workspace (bytes) `centerAssigner` (wasm/center-rows.ts) or `batchAssigner`
   * (wasm/batch-rows.ts) keeps X in; a larger X stays in plain arrays: the ScatterND sums and the
   * reference loops, or mini-batches copied out and assigned by `nearestRows`.
   */
  maxWorkspaceBytes: number;
}

function envThreads(): number {
  const raw = process.env.SEGSCOPE_KERNEL_THREADS;
  if (raw === undefined || raw === '') return 2;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`SEGSCOPE_KERNEL_THREADS (${raw}) must be a positive integer`);
  return n;
}

/**
 * Defaults: 2 threads (the machine's cores), 4M-element tiles (16 MB of float32 per intermediate),
 * 8192-column tiles, WASM workspaces up to 3.5 GiB (wasm32 addresses 4 GiB). SEGSCOPE_KERNEL_THREADS overrides `threads` when the first kernel runs.
 */
export const DEFAULT_ONNX_KERNEL_OPTIONS: Readonly<OnnxKernelOptions> = Object.freeze({
  threads: 2,
  tileElements: 1 << 22,
  maxTileCols: 8192,
  maxWorkspaceBytes: 3.5 * 2 ** 30,
});

// Resolved on first use, so a bad SEGSCOPE_KERNEL_THREADS fails the kernel call, not the import.
let options: OnnxKernelOptions | undefined;

/**
 * Change the onnx backend's options (merged over the current ones). Sessions are cached per
 * thread count, so a new `threads` takes effect on the next call.
 * @throws RangeError if a value is not a positive integer.
 * @example configureOnnxKernels({ threads: 1, tileElements: 1 << 20 })
 */
export function configureOnnxKernels(partial: Partial<OnnxKernelOptions>): void {
  for (const [key, value] of Object.entries(partial)) {
    if (!Number.isInteger(value) || (value as number) < 1) {
      throw new RangeError(`configureOnnxKernels: ${key} (${value}) must be a positive integer`);
    }
  }
  options = { ...onnxKernelOptions(), ...partial };
}

/** The options in force. @throws RangeError if SEGSCOPE_KERNEL_THREADS is set but not a positive integer. */
export function onnxKernelOptions(): Readonly<OnnxKernelOptions> {
  options ??= { ...DEFAULT_ONNX_KERNEL_OPTIONS, threads: envThreads() };
  return options;
}
