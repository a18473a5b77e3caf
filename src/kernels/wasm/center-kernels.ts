/**
 * The WASM SIMD module of center-kernels.wat (assembled by `npm run build`) and the memory it works
 * in. DESIGN keeps WASM for irregular loops that became the bottleneck; here those are the k-means
 * loops between GEMM passes (k-means++ potentials, the M-step's label-indexed sums), which in plain
 * TypeScript cost as much as the passes themselves.
 *
 * A workspace is one shared WebAssembly.Memory with the module instantiated over it (a kernel
 * worker instantiates it over the same memory, center-threads.ts), plus one plain array for what
 * onnxruntime reads. Workspaces are handed back (`release`) and one is kept for the next caller: a
 * fresh 26 MB copy of X costs ~20 ms of first-touch page faults here, a tenth of a k-means fit.
 */
import { readFileSync } from 'node:fs';

/** The module's exports, as center-kernels.wat declares them (pointers are byte offsets). */
export interface CenterKernelExports {
  center(src: number, n: number, d: number, shift: number, dst: number, stride: number, norms: number): void;
  inertia(
    xa: number,
    stride: number,
    d: number,
    n: number,
    labels: number,
    w: number,
    centers: number,
  ): number;
  trial4(
    xa: number,
    stride: number,
    d4: number,
    n: number,
    norms: number,
    cand: number,
    cnorm: number,
    w: number,
    closest: number,
    D: number,
    dstride: number,
    pots: number,
  ): void;
  accept(
    D: number,
    dstride: number,
    col: number,
    w: number,
    closest: number,
    cumulative: number,
    n: number,
    first: number,
  ): number;
  sums(
    xa: number,
    stride: number,
    d4: number,
    n: number,
    labels: number,
    w: number,
    out: number,
    weight: number,
    count: number,
  ): void;
  batchStep(
    xa: number,
    stride: number,
    d4: number,
    idx: number,
    m: number,
    xb: number,
    norms: number,
    cent: number,
    cnorm: number,
    m4: number,
    w: number,
    sums: number,
    weight: number,
    count: number,
  ): number;
  move(
    xa: number,
    stride: number,
    d4: number,
    n: number,
    prev: number,
    next: number,
    w: number,
    out: number,
    weight: number,
    count: number,
  ): number;
}

const PAGE = 65536;
/** wasm32 addresses 4 GiB: no region may end past this. */
const ADDRESS_LIMIT = 2 ** 32 - PAGE;
/** A released workspace up to this size is kept for the next one; larger ones are dropped. */
export const KEEP_MAX_BYTES = 2 ** 29;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WASM SIMD and threads are unavailable (or the binary was not built). */
export function centerKernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const bytes = readFileSync(new URL('./center-kernels.wasm', import.meta.url));
      compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/**
 * A bump allocator over one memory: named regions, 16-byte aligned, each followed by 16 zeroed
 * bytes (a row read four floats at a time may run past the last row). Growing the memory replaces
 * `memory.buffer`; views must be taken again after `region` (see `buffer`).
 */
export class CenterWorkspace {
  readonly kernels: CenterKernelExports;
  private top = 0;
  private side: Float32Array | undefined;
  private readonly regions = new Map<string, { at: number; bytes: number }>();

  private constructor(
    readonly memory: WebAssembly.Memory,
    module: WebAssembly.Module,
  ) {
    this.kernels = instantiateCenterKernels(module, memory);
  }

  /**
   * A workspace for about `bytes` (the kept one when free), or undefined when WASM is unavailable,
   * `bytes` > `limit`, or no shared memory can be had (V8 reserves ~10 GiB of address space for
   * each; under a tight `ulimit -v` it refuses): the caller then keeps X in plain arrays.
   */
  static acquire(bytes: number, limit: number): CenterWorkspace | undefined {
    const module = centerKernelModule();
    if (module === null || bytes > Math.min(limit, ADDRESS_LIMIT)) return undefined;
    const ws = kept;
    kept = undefined;
    if (ws !== undefined) {
      ws.top = 0;
      ws.regions.clear();
      return ws;
    }
    try {
      // Shared, so a kernel worker can take half the rows (center-threads.ts). onnxruntime refuses
      // tensors over shared memory: what it reads is a plain copy (`plainFloats`).
      const initial = Math.max(1, Math.ceil(bytes / PAGE));
      return new CenterWorkspace(new WebAssembly.Memory({ initial, maximum: 65536, shared: true }), module);
    } catch {
      return undefined;
    }
  }

  /** The memory's current buffer (a larger one replaces it whenever a region grows the memory). */
  get buffer(): SharedArrayBuffer {
    return this.memory.buffer as unknown as SharedArrayBuffer;
  }

  /** Byte offset of region `name`, at least `bytes` long (a larger region is made if it was shorter). */
  region(name: string, bytes: number): number {
    const have = this.regions.get(name);
    if (have !== undefined && have.bytes >= bytes) return have.at;
    const at = this.top;
    const end = at + Math.ceil(bytes / 16) * 16 + 16;
    if (end > ADDRESS_LIMIT)
      throw new RangeError(`center workspace: ${end} bytes exceed the WASM address space`);
    const short = end - this.memory.buffer.byteLength;
    try {
      if (short > 0) this.memory.grow(Math.ceil(short / PAGE));
    } catch (e) {
      throw new RangeError(`center workspace: cannot grow to ${end} bytes (${(e as Error).message})`);
    }
    new Uint8Array(this.memory.buffer, at + bytes, end - at - bytes).fill(0);
    this.top = end;
    this.regions.set(name, { at, bytes });
    return at;
  }

  /**
   * A plain (unshared) float32 array of `length` kept with the workspace, for onnxruntime, which
   * refuses tensors over shared memory. Reused across workspaces' lives like the memory.
   */
  plainFloats(length: number): Float32Array {
    if (this.side === undefined || this.side.length < length) this.side = new Float32Array(length);
    return this.side.subarray(0, length);
  }

  /** Hand the memory back; the workspace must not be used afterwards. */
  release(): void {
    if (kept === undefined && this.memory.buffer.byteLength + 4 * (this.side?.length ?? 0) <= KEEP_MAX_BYTES)
      kept = this;
  }
}

let kept: CenterWorkspace | undefined;

/** The kernels instantiated over `memory` (here and in a kernel worker, over the same shared memory). */
export function instantiateCenterKernels(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
): CenterKernelExports {
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as CenterKernelExports;
}

/** Names of the kernels a worker may run. */
export type CenterKernelName = keyof CenterKernelExports;
