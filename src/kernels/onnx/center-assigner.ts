/**
 * `centerAssigner` on onnxruntime (graphs in center-graphs.ts). Preparing X costs one pass and keeps
 * an augmented, centered float32 copy [X - s, 1] with its row norms (plus its weighted rows when
 * the weights are not all 1): memory O(n d) beside X. Each later pass is one session run per row
 * chunk, reading the copy once; the feed tensors are made once per chunking and reused.
 *
 * Accuracy: distances and rankings as in backend.ts (float32, centered; ties go to the lower index
 * only when the float32 values tie). Sums: float32 block sums of w x' (sample weights rounded to
 * float32 there, as scikit-learn casts them to X's dtype) added in Float64, plus s times the
 * per-center weight; weights are added in Float64 and counts exactly, from the labels.
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
 * The augmented rows [x - s, 1] of X (e = d + 1 columns), the norms ||x - s||^2 (float32, the
 * distance GEMM's bias) and the rows to sum, w [x - s, 1] (the same array when every weight is 1),
 * in one pass over X.
 */
function augmentedRows(X: Matrix, shift: Float32Array, weight: Float64Array) {
  const { rows: n, cols: d, data } = X;
  const e = d + 1;
  const Xa = new Float32Array(n * e);
  const norms = new Float32Array(n);
  for (let i = 0; i < n; i++) norms[i] = augmentRow(data, i * d, Xa, i * e, shift);
  if (weight.every((w) => w === 1)) return { Xa, U: Xa, norms };
  const U = new Float32Array(n * e);
  for (let i = 0; i < n; i++) {
    const w = Math.fround(weight[i]);
    for (let q = i * e; q < (i + 1) * e; q++) U[q] = Xa[q] * w;
  }
  return { Xa, U, norms };
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

/** Prepare X (n, d >= 1) and its weights for repeated passes. */
export async function centerAssignerOnnx(X: Matrix, weight: Float64Array): Promise<CenterAssigner> {
  const { rows: n, cols: d } = X;
  const opts = onnxKernelOptions();
  const shift = centeringShift(X);
  const { Xa, U, norms } = augmentedRows(X, shift, weight);
  const e = d + 1;
  // Chunks of rows (with their feed tensors) per chunk height: a [rows, width] GEMM output stays
  // within tileElements.
  const chunkings = new Map<number, Chunk[]>();
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
        chunks.push({ r0, rb, X: Xt, U: U === Xa ? Xt : rowsOf(U), N });
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

  return {
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
      const { index, total } = await nearestRuns(C, true, outputFor(out, n, Int32Array, 'nearestWithSums'));
      return { index, sums: withShift(total, index, weight, shift) };
    },
  };
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
