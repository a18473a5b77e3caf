/**
 * `centerAssigner` on onnxruntime (graphs in center-graphs.ts). Preparing X costs one pass and keeps
 * an augmented, centered float32 copy [X - s, 1] with its row norms: memory O(n d) beside X, in a
 * WASM workspace (wasm/center-rows.ts) when it fits one. Each GEMM pass is one session run per row
 * chunk, reading the copy once; the feed tensors are made once per chunking and reused.
 *
 * Accuracy: distances and rankings as in backend.ts (float32, centered; ties go to the lower index
 * only when the float32 values tie). Sums, with the workspace: w x' added in Float64 in row order
 * (WASM), plus s times the per-center weight. Without it (X too large for wasm32): float32 block
 * sums of w x' from the pass's ScatterND (weights rounded to float32 there, as scikit-learn casts
 * them to X's dtype) added in Float64. Weights are added in Float64 and counts exactly.
 */
import type { Tensor } from 'onnxruntime-node';
import ort from 'onnxruntime-node';
import type { Matrix } from '../../util/matrix.js';
import {
  type CenterAssigner,
  type CenterSums,
  centerAssignerReference,
  outputFor,
} from '../center-assigner.js';
import { centerSeedingReference } from '../center-seeding.js';
import { WasmCenterRows } from '../wasm/center-rows.js';
import { wasmCenterSeeding } from '../wasm/center-seeding.js';
import { centerDistancesGraph, centerNearestGraph } from './center-graphs.js';
import { onnxKernelOptions } from './options.js';
import { f32, i32, runGraph } from './runtime.js';
import { centeringShift } from './shift.js';

/** Rows whose sums share one float32 slot per center (then slots are added in Float64). */
export const SUM_BLOCK_ROWS = 4096;

interface Chunk {
  r0: number;
  rb: number;
  X: Tensor;
  U: Tensor;
  /** ||x'||^2 of the chunk's rows, [rb, 1]. */
  N: Tensor;
}

/**
 * Fill Xa (n x (d + 1)) with the augmented rows [x - s, 1] of X and norms with ||x - s||^2 (float32,
 * the distance GEMM's bias), in one pass over X.
 */
function fillAugmentedRows(X: Matrix, shift: Float32Array, Xa: Float32Array, norms: Float32Array): void {
  const { rows: n, cols: d, data } = X;
  const e = d + 1;
  for (let i = 0; i < n; i++) norms[i] = augmentRow(data, i * d, Xa, i * e, shift);
}

/** The rows to sum, w [x - s, 1]: Xa itself when every weight is 1. */
function weightedRows(Xa: Float32Array, weight: Float64Array, e: number): Float32Array {
  if (weight.every((w) => w === 1)) return Xa;
  const U = new Float32Array(Xa.length);
  for (let i = 0; i < weight.length; i++) {
    const w = Math.fround(weight[i]);
    for (let q = i * e; q < (i + 1) * e; q++) U[q] = Xa[q] * w;
  }
  return U;
}

/** out[to .. to + d) = float32(x - shift), out[to + d] = 1, for the row of X at `from`; returns ||x - shift||^2 of the stored values. */
function augmentRow(
  data: Float32Array,
  from: number,
  out: Float32Array,
  to: number,
  shift: Float32Array,
): number {
  const d = shift.length;
  // Two accumulators: one running sum is a chain of dependent adds, twice as slow.
  let s0 = 0;
  let s1 = 0;
  let j = 0;
  for (; j + 1 < d; j += 2) {
    const u = Math.fround(data[from + j] - shift[j]);
    const v = Math.fround(data[from + j + 1] - shift[j + 1]);
    out[to + j] = u;
    out[to + j + 1] = v;
    s0 += u * u;
    s1 += v * v;
  }
  if (j < d) {
    const u = Math.fround(data[from + j] - shift[j]);
    out[to + j] = u;
    s0 += u * u;
  }
  out[to + d] = 1;
  return s0 + s1;
}

/**
 * Prepare X (n, d >= 1) and its weights for repeated passes. The augmented rows live in a WASM
 * workspace (wasm/center-rows.ts) when one can hold them, so the M-step sums, moved rows and
 * k-means++ trials run there; otherwise in plain arrays, with the sums from the pass's ScatterND
 * and the reference seeding and moved rows.
 */
export async function centerAssignerOnnx(X: Matrix, weight: Float64Array): Promise<CenterAssigner> {
  const { rows: n, cols: d } = X;
  const opts = onnxKernelOptions();
  const shift = centeringShift(X);
  const e = d + 1;
  const wasm = WasmCenterRows.create(n, d, weight, opts.maxWorkspaceBytes);
  const plain = wasm === undefined ? { Xa: new Float32Array(n * e), norms: new Float32Array(n) } : undefined;
  if (wasm !== undefined) wasm.fill(X, shift);
  else fillAugmentedRows(X, shift, plain!.Xa, plain!.norms);
  const U = plain === undefined ? undefined : weightedRows(plain.Xa, weight, e);
  // Chunks of rows (with their feed tensors) per chunk height: a [rows, width] GEMM output stays
  // within tileElements. The rows are plain arrays (onnxruntime refuses shared memory), so the
  // tensors stay valid however the workspace grows.
  const chunkings = new Map<number, Chunk[]>();
  const { Xa, norms } = plain ?? wasm!.plain;
  const chunksFor = (width: number): Chunk[] => {
    const height = Math.min(n, Math.max(1, Math.floor(opts.tileElements / width)));
    let chunks = chunkings.get(height);
    if (chunks === undefined) {
      chunks = [];
      for (let r0 = 0; r0 < n; r0 += height) {
        const rb = Math.min(height, n - r0);
        const rowsOf = (A: Float32Array) => f32(A.subarray(r0 * e, (r0 + rb) * e), [rb, e]);
        const Xt = rowsOf(Xa);
        const N = f32(norms.subarray(r0, r0 + rb), [rb, 1]);
        chunks.push({ r0, rb, X: Xt, U: U === undefined || U === Xa ? Xt : rowsOf(U), N });
      }
      chunkings.set(height, chunks);
    }
    return chunks;
  };
  // Centers as rows [-2 (c - s), ||c - s||^2], so X_a C_a^T = ||c'||^2 - 2 x'.c'.
  const centered = (C: Matrix): Tensor => {
    const Ca = new Float32Array(C.rows * e);
    for (let i = 0; i < C.rows; i++) {
      let norm = 0;
      for (let j = 0; j < d; j++) {
        const v = Math.fround(C.data[i * d + j] - shift[j]);
        Ca[i * e + j] = -2 * v;
        norm += v * v;
      }
      Ca[i * e + d] = norm;
    }
    return f32(Ca, [C.rows, e]);
  };
  const nearestRuns = async (C: Matrix, sums: boolean, index: Int32Array) => {
    const m = C.rows;
    const Y = centered(C);
    const total = new Float64Array(sums ? m * e : 0);
    for (const chunk of chunksFor(sums ? Math.max(m, e) : m)) {
      const { r0, rb } = chunk;
      const index32 = i32(index.subarray(r0, r0 + rb), [rb, 1]);
      if (!sums) {
        await runGraph(
          'center_nearest:false',
          () => centerNearestGraph(false),
          { X: chunk.X, Y },
          { index: index32 },
        );
        continue;
      }
      const { slot, zeros } = sumSlots(rb, m, e);
      // Per call, not cached: concurrent passes must not share an output buffer.
      const blockSums = new Float32Array(zeros.size);
      await runGraph(
        'center_nearest:true',
        () => centerNearestGraph(true),
        { X: chunk.X, Y, U: chunk.U, slot, zeros },
        { index: index32, blockSums: f32(blockSums, zeros.dims) },
      );
      for (let q = 0; q < blockSums.length; ) for (let c = 0; c < m * e; c++, q++) total[c] += blockSums[q];
    }
    return { index, total };
  };
  const reference = centerAssignerReference(X, weight);

  const assigner: CenterAssigner = {
    rows: n,
    cols: d,
    async squaredDistances(C, out) {
      if (C.rows === 0) return reference.squaredDistances(C, out);
      const m = C.rows;
      const Y = centered(C);
      const D = outputFor(out, n * m, Float32Array, 'squaredDistances');
      for (const { r0, rb, X: Xt, N } of chunksFor(m)) {
        const P = f32(D.subarray(r0 * m, (r0 + rb) * m), [rb, m]);
        await runGraph('center_distances', centerDistancesGraph, { X: Xt, Y, N }, { P });
      }
      return D;
    },
    async nearest(C, out) {
      if (C.rows === 0) return reference.nearest(C, out);
      return (await nearestRuns(C, false, outputFor(out, n, Int32Array, 'nearest'))).index;
    },
    async nearestWithSums(C, out) {
      if (C.rows === 0) return reference.nearestWithSums(C, out);
      const index = outputFor(out, n, Int32Array, 'nearestWithSums');
      if (wasm !== undefined) {
        await nearestRuns(C, false, index);
        return { index, sums: await wasm.sums.from(index, C.rows, shift) };
      }
      const { total } = await nearestRuns(C, true, index);
      return { index, sums: withShift(total, index, weight, shift) };
    },
    async moveRows(previous, next, state) {
      const moved = await wasm?.sums.move(previous, next, state, shift);
      return moved ?? reference.moveRows(previous, next, state);
    },
    async inertia(C, labels) {
      return wasm !== undefined ? wasm.inertia(C, labels, shift) : reference.inertia(C, labels);
    },
    seeding(w) {
      if (wasm !== undefined) return wasmCenterSeeding(wasm, w);
      return centerSeedingReference(X, w, (C, out) => assigner.squaredDistances(C, out));
    },
    release() {
      wasm?.release();
    },
  };
  return assigner;
}

// Slot ids and zeroed slots (read-only inputs) per chunk shape: the same for every pass of a fit.
const slotCache = new Map<string, { slot: Tensor; zeros: Tensor }>();

/** The scatter's inputs for a chunk of `rows` rows: each row's block times m, and zeroed slots. */
function sumSlots(rows: number, m: number, d: number) {
  const key = `${rows}:${m}:${d}`;
  let slots = slotCache.get(key);
  if (slots === undefined) {
    const blocks = Math.ceil(rows / SUM_BLOCK_ROWS);
    const ids = new BigInt64Array(rows);
    for (let i = 0; i < rows; i++) ids[i] = BigInt(Math.floor(i / SUM_BLOCK_ROWS) * m);
    slots = {
      slot: new ort.Tensor('int64', ids, [rows, 1]),
      zeros: f32(new Float32Array(blocks * m * d), [blocks * m, d]),
    };
    if (slotCache.size >= 8) slotCache.clear();
    slotCache.set(key, slots);
  }
  return slots;
}

/**
 * sum w x per center from the sums of w [x - s, 1] (`total`, m x (d + 1)): sum w x = sum w (x - s)
 * + s sum w, with the weights (Float64) and counts (exact) recounted from the labels.
 */
function withShift(
  total: Float64Array,
  index: Int32Array,
  weight: Float64Array,
  shift: Float32Array,
): CenterSums {
  const d = shift.length;
  const m = total.length / (d + 1);
  const clusterWeight = new Float64Array(m);
  const count = new Int32Array(m);
  for (let i = 0; i < index.length; i++) {
    clusterWeight[index[i]] += weight[i];
    count[index[i]]++;
  }
  const sums = new Float64Array(m * d);
  for (let c = 0; c < m; c++)
    for (let j = 0; j < d; j++) sums[c * d + j] = total[c * (d + 1) + j] + clusterWeight[c] * shift[j];
  return { sums, weight: clusterWeight, count };
}
