/**
 * The onnx backend's `batchAssigner`: mini-batch k-means steps in WASM SIMD (center-kernels.wat
 * `batchStep`: `gatherRows`, then `batchNearest`). X is copied once into a workspace as centered
 * rows x' = x - s (the layout of center-rows.ts, without the plain copy: no onnxruntime pass reads
 * it); each step then gathers its batch rows there, assigns them and adds up their per-center sums
 * in one call, instead of copying the rows out in TypeScript, running an onnxruntime pass over them
 * and summing them in TypeScript (1.3 ms per step of 1,024 rows on 1,000,000 x 64, k = 20, against
 * ~0.55 ms here, most of it the cache misses of rows scattered over X).
 *
 * Accuracy: labels and distances as the onnx `nearestRows` (float32 over centered values, ties to
 * the lower index when the float32 values tie; a different summation order); sums are w x' added in
 * Float64 in batch order, plus s times the per-center weight. Reference: `batchAssignerFrom`
 * (../batch-assigner.ts) with the reference `nearestRows`. Memory: one float32 copy of X,
 * 4 (d + 1) + 4 bytes per row, kept for the next fit like center-rows.ts's (up to 512 MiB).
 */
import type { Matrix } from '../../util/matrix.js';
import type { BatchAssigner, BatchSums } from '../batch-assigner.js';
import { CenterWorkspace } from './center-kernels.js';
import { fillBytes, fillCentered, footprint } from './center-rows.js';

export class WasmBatchRows implements BatchAssigner {
  private readonly stride: number;
  private readonly d4: number;
  private readonly m4: number;
  private readonly xa: number;
  private readonly norms: number;
  private readonly idx: number;
  private readonly w: number;
  private readonly xb: number;
  private readonly cent: number;
  private readonly cnorm: number;
  private readonly sums: number;
  private readonly weight: number;
  private readonly count: number;

  private constructor(
    private readonly ws: CenterWorkspace,
    readonly rows: number,
    readonly cols: number,
    readonly batch: number,
    readonly k: number,
    private readonly shift: Float32Array,
  ) {
    const r = regions(rows, cols, batch, k);
    this.stride = rowBytes(cols);
    this.d4 = Math.ceil(cols / 4);
    this.m4 = Math.ceil(k / 4);
    this.xa = ws.region('xa', r.xa);
    this.norms = ws.region('norms', r.norms);
    this.idx = ws.region('batchIdx', r.idx);
    this.w = ws.region('batchW', r.w);
    this.xb = ws.region('batchRows', r.xb);
    this.cent = ws.region('batchCenters', r.cent);
    this.cnorm = ws.region('batchCenterNorms', r.cnorm);
    this.sums = ws.region('batchSums', r.sums);
    this.weight = ws.region('batchWeight', r.weight);
    this.count = ws.region('batchCount', r.count);
  }

  /**
   * X (n x d >= 1) centered by `shift` in a workspace for steps of up to `batch` rows against k
   * centers, or undefined where WASM is unavailable or the workspace would exceed `limit` bytes
   * (then the caller keeps its TypeScript path). O(n d).
   */
  static create(
    X: Matrix,
    shift: Float32Array,
    batch: number,
    k: number,
    limit: number,
  ): WasmBatchRows | undefined {
    const { rows: n, cols: d } = X;
    const bytes =
      Object.values(regions(n, d, batch, k)).reduce((total, b) => total + footprint(b), 0) + fillBytes(d);
    const ws = CenterWorkspace.acquire(bytes, limit);
    if (ws === undefined) return undefined;
    try {
      const assigner = new WasmBatchRows(ws, n, d, batch, k, shift);
      fillCentered(ws, X, shift, assigner.xa, assigner.stride, assigner.norms);
      return assigner;
    } catch {
      // A kept workspace that cannot grow to this size: the caller's copy-out path instead.
      ws.release();
      return undefined;
    }
  }

  /** `BatchAssigner.step` for at most `batch` rows against k centers (kernels.ts checks). O(rows k d). */
  async step(rows: Int32Array, weight: Float64Array, centers: Matrix): Promise<BatchSums> {
    const { ws, cols: d, d4, k, m4, shift } = this;
    const m = rows.length;
    // kernels.ts checks every argument; this guards the regions' sizes for direct callers.
    if (m > this.batch || centers.rows !== k)
      throw new RangeError(
        `WasmBatchRows.step: ${m} rows > batch ${this.batch} or ${centers.rows} centers != ${k}`,
      );
    const buffer = ws.buffer;
    new Int32Array(buffer, this.idx, m).set(rows);
    new Float64Array(buffer, this.w, m).set(weight);
    // Centers c' = c - s in groups of four, vector j of a group's centers side by side; padding
    // centers are zero with norm +inf, so they never win.
    const cent = new Float32Array(buffer, this.cent, 16 * d4 * m4).fill(0);
    const cnorm = new Float32Array(buffer, this.cnorm, 4 * m4).fill(Number.POSITIVE_INFINITY);
    for (let c = 0; c < k; c++) {
      let norm = 0;
      const base = (c >> 2) * 16 * d4 + (c & 3) * 4;
      for (let j = 0; j < d; j++) {
        const v = Math.fround(centers.data[c * d + j] - shift[j]);
        cent[base + (j >> 2) * 16 + (j & 3)] = v;
        norm += v * v;
      }
      cnorm[c] = norm;
    }
    new Float64Array(buffer, this.sums, 4 * d4 * k).fill(0);
    new Float64Array(buffer, this.weight, k).fill(0);
    new Int32Array(buffer, this.count, k).fill(0);
    // One thread: handing half of each batch to the kernel worker (center-threads.ts) measured no
    // faster (1,837 steps of 1,024 rows: 1.0-1.1 s either way), its message round trip eating the gain.
    const inertia = ws.kernels.batchStep(
      this.xa,
      this.stride,
      d4,
      this.idx,
      m,
      this.xb,
      this.norms,
      this.cent,
      this.cnorm,
      m4,
      this.w,
      this.sums,
      this.weight,
      this.count,
    );
    // sum w x = sum w x' + s sum w.
    const centered = new Float64Array(buffer, this.sums, 4 * d4 * k);
    const out: BatchSums = {
      sums: new Float64Array(k * d),
      weight: Float64Array.from(new Float64Array(buffer, this.weight, k)),
      count: Int32Array.from(new Int32Array(buffer, this.count, k)),
      inertia,
    };
    for (let c = 0; c < k; c++)
      for (let j = 0; j < d; j++) out.sums[c * d + j] = centered[c * 4 * d4 + j] + out.weight[c] * shift[j];
    return out;
  }

  /** Hand the workspace back; no step may follow. */
  release(): void {
    this.ws.release();
  }
}

/**
 * Bytes per row: the [x', 1] rows of center-rows.ts. (256-byte rows at d = 64, four cache lines
 * each, measured 20-40% slower steps; likely 4K aliasing, as gathered and source rows then share
 * their low 12 address bits every 16th row and the copy's loads wait on its stores.)
 */
const rowBytes = (d: number): number => 4 * (d + 1);

/** Bytes of each region for n rows of d columns, batches of `batch` rows and k centers. */
function regions(n: number, d: number, batch: number, k: number) {
  const stride = rowBytes(d);
  const d4 = Math.ceil(d / 4);
  const m4 = Math.ceil(k / 4);
  return {
    xa: stride * n,
    norms: 4 * n,
    idx: 4 * batch,
    w: 8 * batch,
    xb: stride * batch,
    cent: 64 * d4 * m4,
    cnorm: 16 * m4,
    sums: 32 * d4 * k,
    weight: 8 * k,
    count: 4 * k,
  };
}
