/**
 * `CenterSeeding` in WASM SIMD over a workspace's centered rows (center-rows.ts): a trial is one
 * fused pass per four candidates (dot products, distances and potentials, center-kernels.wat
 * `trial4`) instead of a GEMM pass followed by a TypeScript pass over its output, in two row halves
 * (center-threads.ts).
 *
 * Distances are ||x'||^2 + ||c'||^2 - 2 x'.c' in float32 (x' = x - s, as the onnx passes compute
 * them, with a different summation order), clamped at 0. Potentials are Float64 in row order within
 * each half, then the halves added; running sums are Float64 in row order (one pass, `accept`).
 */
import { type CenterSeeding, searchSortedLeft } from '../center-seeding.js';
import type { WasmCenterRows } from './center-rows.js';
import { runHalves } from './center-threads.js';

/** Seeding over `rows` with per-row weights `weight` (copied into the workspace). */
export function wasmCenterSeeding(rows: WasmCenterRows, weight: Float64Array): CenterSeeding {
  const { ws, n, d, d4, e, h } = rows;
  const k = ws.kernels;
  const w = ws.region('seedWeight', 8 * n);
  new Float64Array(ws.buffer, w, n).set(weight);
  const closest = ws.region('closest', 8 * n);
  const cumulative = ws.region('cumulative', 8 * n);
  const pots0 = ws.region('pots0', 32);
  const pots1 = ws.region('pots1', 32);
  let width = 0;
  let D = 0;

  /** Distances and potentials of candidate rows (four per pass; a short group repeats its last row). */
  const trial = async (candidates: Int32Array, pots: Float64Array) => {
    const t = candidates.length;
    width = Math.ceil(t / 4) * 4;
    D = ws.region('D', 4 * width * n);
    const cand = ws.region('cand', 64 * d4);
    const cnorm = ws.region('cnorm', 16);
    for (let g = 0; g < width; g += 4) {
      const buffer = ws.buffer;
      const { Xa, norms } = rows.rows();
      const C = new Float32Array(buffer, cand, 16 * d4).fill(0);
      const N = new Float32Array(buffer, cnorm, 4);
      for (let c = 0; c < 4; c++) {
        const row = candidates[Math.min(g + c, t - 1)];
        C.set(Xa.subarray(row * e, row * e + d), c * 4 * d4);
        N[c] = norms[row];
      }
      new Float64Array(buffer, pots0, 4).fill(0);
      new Float64Array(buffer, pots1, 4).fill(0);
      const dstride = 4 * width;
      await runHalves(
        ws,
        'trial4',
        [rows.xa, rows.stride, d4, h, rows.norms, cand, cnorm, w, closest, D + 4 * g, dstride, pots0],
        [
          rows.xa + h * rows.stride,
          rows.stride,
          d4,
          n - h,
          rows.norms + 4 * h,
          cand,
          cnorm,
          w + 8 * h,
          closest + 8 * h,
          D + 4 * g + h * dstride,
          dstride,
          pots1,
        ],
        4 * n * d,
      );
      const P0 = new Float64Array(ws.buffer, pots0, 4);
      const P1 = new Float64Array(ws.buffer, pots1, 4);
      for (let c = 0; c < 4 && g + c < t; c++) pots[g + c] = P0[c] + P1[c];
    }
  };

  return {
    async first(row) {
      await trial(Int32Array.of(row), new Float64Array(1));
      return k.accept(D, 4 * width, 0, w, closest, cumulative, n, 1);
    },
    async trial(candidates, pots) {
      await trial(candidates, pots);
    },
    accept(t) {
      return k.accept(D, 4 * width, t, w, closest, cumulative, n, 0);
    },
    draw(value) {
      return Math.min(searchSortedLeft(new Float64Array(ws.buffer, cumulative, n), value), n - 1);
    },
  };
}
