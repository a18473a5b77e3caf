/**
 * Assembles the skip-gram pair kernel of sgns-wasm.ts as WebAssembly bytes (binary format 1.0 with
 * the fixed-width SIMD proposal), without a toolchain: one function `pair`, importing `env.memory`.
 */

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
