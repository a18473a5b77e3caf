/**
 * The skip-gram pair step as a hand-assembled WebAssembly SIMD kernel (f32x4), the irregular loop
 * that bounds item2vec's speed (DESIGN.md: hand-written WASM SIMD only where such a loop is the
 * bottleneck). One call trains one context row against its targets: for each target row (the
 * first is the positive, label 1; the rest negatives, label 0) it takes the dot product, looks the
 * sigmoid up in gensim's table (|f| >= 6 skipped), adds g * target to the work vector and
 * g * input to the target, then adds the work vector to the input row — exactly sgnsPairStep in
 * sgns-core.ts, with float32 instead of float64 accumulation (as gensim's BLAS sdot).
 *
 * Export `pair(row1, targets, n, dim4, alpha, work, expTable)`: byte offsets into the imported
 * memory (`env.memory`, shared so worker threads train one set of weights); `targets` holds n
 * int32 byte offsets of target rows; `dim4` = dim / 4.
 */

import { sgnsKernelBytes } from './sgns-wasm-assembly.js';

/** The slice of the WebAssembly JS API this file uses (tsconfig's ES2022 lib does not declare it). */
declare global {
  namespace WebAssembly {
    class Module {
      constructor(bytes: Uint8Array);
    }
    class Memory {
      constructor(descriptor: { initial: number; maximum?: number; shared?: boolean });
      readonly buffer: ArrayBuffer;
    }
    class Instance {
      constructor(module: Module, imports: Record<string, Record<string, unknown>>);
      readonly exports: Record<string, unknown>;
    }
  }
}

let compiled: WebAssembly.Module | undefined;

/** The compiled kernel module (compiled once per thread), or undefined where WASM SIMD is unavailable. */
export function sgnsKernelModule(): WebAssembly.Module | undefined {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(sgnsKernelBytes());
    } catch {
      return undefined;
    }
  }
  return compiled;
}

export type SgnsPairKernel = (
  row1: number,
  targets: number,
  n: number,
  dim4: number,
  alpha: number,
  work: number,
  expTable: number,
) => void;

/** Instantiate the kernel on `memory`. */
export function instantiateSgnsKernel(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
): SgnsPairKernel {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return instance.exports.pair as SgnsPairKernel;
}

/** Where the kernel's data sits in its memory (byte offsets), shared by every thread. */
export interface SgnsKernelLayout {
  expPtr: number;
  syn0Ptr: number;
  syn1Ptr: number;
  /** Per thread: work vector and target list. */
  scratch: { workPtr: number; targetsPtr: number }[];
  negative: number;
}

/**
 * A shared memory holding the sigmoid table, per-thread scratch and both weight matrices
 * (vocabulary x dim each), with float32 views of the weights.
 */
export function allocateSgnsKernelMemory(
  vocabulary: number,
  dim: number,
  negative: number,
  threads: number,
  expTable: Float32Array,
): { memory: WebAssembly.Memory; layout: SgnsKernelLayout; syn0: Float32Array; syn1neg: Float32Array } {
  // 128-byte alignment keeps each thread's scratch off the others' cache lines (no false sharing).
  const align = (n: number) => Math.ceil(n / 128) * 128;
  let at = align(expTable.length * 4);
  const scratch: SgnsKernelLayout['scratch'] = [];
  for (let t = 0; t < threads; t++) {
    const workPtr = at;
    const targetsPtr = align(workPtr + dim * 4);
    at = align(targetsPtr + (negative + 1) * 4);
    scratch.push({ workPtr, targetsPtr });
  }
  const syn0Ptr = at;
  const syn1Ptr = align(syn0Ptr + vocabulary * dim * 4);
  const bytes = syn1Ptr + vocabulary * dim * 4;
  const pages = Math.max(1, Math.ceil(bytes / 65536));
  if (pages > 65536)
    throw new RangeError(
      `item2vec: ${vocabulary} items x ${dim} dims need ${bytes} bytes, over the 4 GiB WASM limit; use simd: false`,
    );
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  new Float32Array(memory.buffer, 0, expTable.length).set(expTable);
  return {
    memory,
    layout: { expPtr: 0, syn0Ptr, syn1Ptr, scratch, negative },
    syn0: new Float32Array(memory.buffer, syn0Ptr, vocabulary * dim),
    syn1neg: new Float32Array(memory.buffer, syn1Ptr, vocabulary * dim),
  };
}

/** Thread `thread`'s kernel context on a shared kernel memory. */
export function sgnsKernelContext(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  layout: SgnsKernelLayout,
  thread: number,
) {
  const { workPtr, targetsPtr } = layout.scratch[thread];
  return {
    pair: instantiateSgnsKernel(module, memory),
    syn0Ptr: layout.syn0Ptr,
    syn1Ptr: layout.syn1Ptr,
    workPtr,
    targetsPtr,
    expPtr: layout.expPtr,
    targets: new Int32Array(memory.buffer, targetsPtr, layout.negative + 1),
  };
}
