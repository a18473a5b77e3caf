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

enum Op {
  block = 0x02,
  loop = 0x03,
  end = 0x0b,
  br = 0x0c,
  brIf = 0x0d,
  localGet = 0x20,
  localSet = 0x21,
  i32Load = 0x28,
  f32Load = 0x2a,
  i32Const = 0x41,
  f32Const = 0x43,
  i32Eqz = 0x45,
  i32GeU = 0x4f,
  f32Le = 0x5f,
  f32Ge = 0x60,
  i32Add = 0x6a,
  i32Or = 0x72,
  i32Shl = 0x74,
  f32Add = 0x92,
  f32Sub = 0x93,
  f32Mul = 0x94,
  i32TruncF32S = 0xa8,
  f32ConvertI32U = 0xb3,
  simd = 0xfd,
}

// SIMD sub-opcodes (LEB128 after 0xfd).
const V128_LOAD = [0x00];
const V128_STORE = [0x0b];
const V128_CONST = [0x0c];
const F32X4_SPLAT = [0x13];
const F32X4_EXTRACT = [0x1f];
const F32X4_ADD = [0xe4, 0x01];
const F32X4_MUL = [0xe6, 0x01];

// Parameters and locals.
const ROW1 = 0;
const TARGETS = 1;
const N = 2;
const DIM4 = 3;
const ALPHA = 4;
const WORK = 5;
const EXP = 6;
const D = 7;
const X = 8;
const ROW2 = 9;
const OFF = 10;
const F = 11;
const G = 12;
const ACC = 13;
const GV = 14;

const f32Bytes = (v: number): number[] => [...new Uint8Array(new Float32Array([v]).buffer)];
const get = (i: number) => [Op.localGet, i];
const set = (i: number) => [Op.localSet, i];
const i32 = (v: number) => [Op.i32Const, ...sleb(v)];
const f32 = (v: number) => [Op.f32Const, ...f32Bytes(v)];
const simd = (sub: number[], ...imm: number[]) => [Op.simd, ...sub, ...imm];
const load = () => simd(V128_LOAD, 4, 0);
const store = () => simd(V128_STORE, 4, 0);
/** Address `base + off` where off = x << 4 is in local OFF. */
const at = (base: number) => [...get(base), ...get(OFF), Op.i32Add];

function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** for (x = 0; x < dim4; x++) { off = x << 4; body } */
function forEachLane(body: number[]): number[] {
  return [
    ...i32(0),
    ...set(X),
    Op.block,
    0x40,
    Op.loop,
    0x40,
    ...get(X),
    ...get(DIM4),
    Op.i32GeU,
    Op.brIf,
    1,
    ...get(X),
    ...i32(4),
    Op.i32Shl,
    ...set(OFF),
    ...body,
    ...get(X),
    ...i32(1),
    Op.i32Add,
    ...set(X),
    Op.br,
    0,
    Op.end,
    Op.end,
  ];
}

function pairBody(): number[] {
  const zero = simd(V128_CONST, ...new Array(16).fill(0));
  return [
    ...forEachLane([...at(WORK), ...zero, ...store()]),
    ...i32(0),
    ...set(D),
    Op.block,
    0x40,
    Op.loop,
    0x40,
    ...get(D),
    ...get(N),
    Op.i32GeU,
    Op.brIf,
    1,
    Op.block,
    0x40, // continue target
    ...get(TARGETS),
    ...get(D),
    ...i32(2),
    Op.i32Shl,
    Op.i32Add,
    Op.i32Load,
    2,
    0,
    ...set(ROW2),
    ...zero,
    ...set(ACC),
    ...forEachLane([
      ...get(ACC),
      ...at(ROW1),
      ...load(),
      ...at(ROW2),
      ...load(),
      ...simd(F32X4_MUL),
      ...simd(F32X4_ADD),
      ...set(ACC),
    ]),
    ...get(ACC),
    ...simd(F32X4_EXTRACT, 0),
    ...get(ACC),
    ...simd(F32X4_EXTRACT, 1),
    Op.f32Add,
    ...get(ACC),
    ...simd(F32X4_EXTRACT, 2),
    Op.f32Add,
    ...get(ACC),
    ...simd(F32X4_EXTRACT, 3),
    Op.f32Add,
    ...set(F),
    ...get(F),
    ...f32(-6),
    Op.f32Le,
    ...get(F),
    ...f32(6),
    Op.f32Ge,
    Op.i32Or,
    Op.brIf,
    0,
    // g = (label - expTable[(f + 6) * (1000 / 12)]) * alpha, label = (d == 0)
    ...get(D),
    Op.i32Eqz,
    Op.f32ConvertI32U,
    ...get(EXP),
    ...get(F),
    ...f32(6),
    Op.f32Add,
    ...f32(1000 / 12),
    Op.f32Mul,
    Op.i32TruncF32S,
    ...i32(2),
    Op.i32Shl,
    Op.i32Add,
    Op.f32Load,
    2,
    0,
    Op.f32Sub,
    ...get(ALPHA),
    Op.f32Mul,
    ...set(G),
    ...get(G),
    ...simd(F32X4_SPLAT),
    ...set(GV),
    ...forEachLane([
      ...at(WORK),
      ...at(WORK),
      ...load(),
      ...get(GV),
      ...at(ROW2),
      ...load(),
      ...simd(F32X4_MUL),
      ...simd(F32X4_ADD),
      ...store(),
      ...at(ROW2),
      ...at(ROW2),
      ...load(),
      ...get(GV),
      ...at(ROW1),
      ...load(),
      ...simd(F32X4_MUL),
      ...simd(F32X4_ADD),
      ...store(),
    ]),
    Op.end, // continue target
    ...get(D),
    ...i32(1),
    Op.i32Add,
    ...set(D),
    Op.br,
    0,
    Op.end,
    Op.end,
    ...forEachLane([
      ...at(ROW1),
      ...at(ROW1),
      ...load(),
      ...at(WORK),
      ...load(),
      ...simd(F32X4_ADD),
      ...store(),
    ]),
    Op.end,
  ];
}

const section = (id: number, payload: number[]) => [id, ...uleb(payload.length), ...payload];
const name = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

/** The kernel module's bytes. */
export function sgnsKernelBytes(): Uint8Array {
  const I32 = 0x7f;
  const F32 = 0x7d;
  const V128 = 0x7b;
  const type = section(1, [1, 0x60, 7, I32, I32, I32, I32, F32, I32, I32, 0]);
  // env.memory: shared, min 1 page, max 65536 pages (4 GiB).
  const imports = section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x03, ...uleb(1), ...uleb(65536)]);
  const funcs = section(3, [1, 0]);
  const exports = section(7, [1, ...name('pair'), 0x00, 0]);
  const body = [3, 4, I32, 2, F32, 2, V128, ...pairBody()];
  const code = section(10, [1, ...uleb(body.length), ...body]);
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...type,
    ...imports,
    ...funcs,
    ...exports,
    ...code,
  ]);
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
  const align = (n: number) => Math.ceil(n / 16) * 16;
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
