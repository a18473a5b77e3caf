/**
 * The centered rows of X kept in a WASM workspace for the onnx backend's `centerAssigner`: the
 * augmented float32 rows [x - s, 1] and their norms (in the shared memory for the WASM kernels, and
 * a plain copy that the GEMM passes read), the weights, and the label-indexed loops of k-means over
 * them in WASM SIMD (center-kernels.wat): per-center sums from labels, moved-row updates, inertia,
 * and k-means++ trials (wasm/center-seeding.ts). Each loop runs as two row halves, the second on a
 * kernel worker when one is up (center-threads.ts).
 *
 * Sums are kept here per half in centered coordinates, sum w (x - s), in Float64 added in row order
 * within a half, and handed out as (first half + second half) + s sum w. Weights are added in
 * Float64 and counts exactly.
 */
import type { Matrix } from '../../util/matrix.js';
import type { CenterSums } from '../center-assigner.js';
import { CenterWorkspace } from './center-kernels.js';
import { runHalves, splitRow } from './center-threads.js';

/** Rows of X copied into the workspace at a time for centering (1 MB at d = 64: stays in cache). */
const STAGE_ROWS = 4096;

/** Centers whose sums the workspace has room for from the start (more grow the memory). */
const RESERVED_CENTERS = 256;

/** The offsets (bytes) of one half's centered sums for m centers. */
interface SumHalf {
  sums: number;
  weight: number;
  count: number;
}

interface SumState {
  m: number;
  halves: [SumHalf, SumHalf];
}

export class WasmCenterRows {
  /** Augmented row width e = d + 1 floats; each row is `stride` = 4 e bytes. */
  readonly e: number;
  readonly stride: number;
  /** Four-float vectors read per row: ceil(d / 4). */
  readonly d4: number;
  readonly xa: number;
  readonly norms: number;
  readonly w: number;
  /** Rows of the first half. */
  readonly h: number;
  /** The plain copies onnxruntime reads. */
  readonly plain: { Xa: Float32Array; norms: Float32Array };
  /** The labels whose sums `state` holds, and the CenterSums last handed out for them. */
  private held: { labels: Int32Array; out: CenterSums; state: SumState } | undefined;

  private constructor(
    readonly ws: CenterWorkspace,
    readonly n: number,
    readonly d: number,
    weight: Float64Array,
  ) {
    this.e = d + 1;
    this.stride = 4 * this.e;
    this.d4 = Math.ceil(d / 4);
    this.h = splitRow(n);
    this.xa = ws.region('xa', n * this.stride);
    this.norms = ws.region('norms', 4 * n);
    this.w = ws.region('w', 8 * n);
    new Float64Array(ws.buffer, this.w, n).set(weight);
    const side = ws.plainFloats(n * this.e + n);
    this.plain = { Xa: side.subarray(0, n * this.e), norms: side.subarray(n * this.e) };
    // The scratch regions of a usual fit, made now rather than by growing the memory mid-fit.
    for (const name of ['labels', 'next']) ws.region(name, 4 * n);
    for (const name of ['seedWeight', 'closest', 'cumulative']) ws.region(name, 8 * n);
    ws.region('D', 4 * 8 * n);
    for (const half of ['0', '1']) {
      ws.region(`sums${half}`, 32 * this.d4 * RESERVED_CENTERS);
      ws.region(`sumWeight${half}`, 8 * RESERVED_CENTERS);
      ws.region(`sumCount${half}`, 4 * RESERVED_CENTERS);
    }
    ws.region('inertiaCenters', 4 * d * RESERVED_CENTERS);
    ws.region('cand', 64 * this.d4);
    ws.region('cnorm', 16);
    ws.region('pots0', 32);
    ws.region('pots1', 32);
  }

  /**
   * Rows for X (n x d) with `weight`, or undefined where WASM is unavailable or the workspace would
   * exceed `limit` bytes (rows, norms, weights, two label slots, k-means++ state, staging).
   */
  static create(n: number, d: number, weight: Float64Array, limit: number): WasmCenterRows | undefined {
    const bytes =
      n * (4 * (d + 1) + 4 + 8 + 4 + 4 + 8 + 8 + 8 + 32) +
      4 * STAGE_ROWS * d +
      80 * d * RESERVED_CENTERS +
      (1 << 20);
    const ws = CenterWorkspace.acquire(bytes, limit);
    return ws === undefined ? undefined : new WasmCenterRows(ws, n, d, weight);
  }

  /** Write the centered, augmented rows of X (through a staging region of STAGE_ROWS rows), their norms, and the plain copies. O(n d). */
  fill(X: Matrix, shift: Float32Array): void {
    const { n, d, ws } = this;
    const at = ws.region('shift', 4 * d);
    new Float32Array(ws.buffer, at, d).set(shift);
    const stage = ws.region('stage', 4 * STAGE_ROWS * d);
    for (let r0 = 0; r0 < n; r0 += STAGE_ROWS) {
      const rb = Math.min(STAGE_ROWS, n - r0);
      new Float32Array(ws.buffer, stage, rb * d).set(X.data.subarray(r0 * d, (r0 + rb) * d));
      ws.kernels.center(stage, rb, d, at, this.xa + r0 * this.stride, this.stride, this.norms + 4 * r0);
    }
    const { Xa, norms } = this.rows();
    this.plain.Xa.set(Xa);
    this.plain.norms.set(norms);
  }

  /**
   * sum_i w_i ||x'_i - c'[labels_i]||^2 (c' = float32(c - s)) in Float64 from differences: the
   * reference's arithmetic on the centered values, which differ from x - c by float32 rounding;
   * the two halves' totals added. O(n d).
   */
  async inertia(C: Matrix, labels: Int32Array, shift: Float32Array): Promise<number> {
    const { ws, d, h, n } = this;
    const at = ws.region('inertiaCenters', 4 * C.rows * d);
    const Cc = new Float32Array(ws.buffer, at, C.rows * d);
    for (let q = 0; q < Cc.length; q++) Cc[q] = C.data[q] - shift[q % d];
    const l = this.labelsAt('labels', labels);
    this.held = undefined;
    const [a, b] = await runHalves(
      ws,
      'inertia',
      [this.xa, this.stride, d, h, l, this.w, at],
      [this.xa + h * this.stride, this.stride, d, n - h, l + 4 * h, this.w + 8 * h, at],
      n * d,
    );
    return a + b;
  }

  /** Views of the centered rows and norms in the workspace (taken again after any region grew the memory). */
  rows(): { Xa: Float32Array; norms: Float32Array } {
    const buffer = this.ws.buffer;
    return {
      Xa: new Float32Array(buffer, this.xa, this.n * this.e),
      norms: new Float32Array(buffer, this.norms, this.n),
    };
  }

  /** Labels copied into the workspace slot `name`; returns its offset. */
  private labelsAt(name: string, labels: Int32Array): number {
    const at = this.ws.region(name, 4 * this.n);
    new Int32Array(this.ws.buffer, at, this.n).set(labels);
    return at;
  }

  private sumState(m: number): SumState {
    const ws = this.ws;
    const half = (i: number): SumHalf => {
      const s = {
        sums: ws.region(`sums${i}`, 32 * this.d4 * m),
        weight: ws.region(`sumWeight${i}`, 8 * m),
        count: ws.region(`sumCount${i}`, 4 * m),
      };
      new Uint8Array(ws.buffer, s.sums, 32 * this.d4 * m).fill(0);
      new Float64Array(ws.buffer, s.weight, m).fill(0);
      new Int32Array(ws.buffer, s.count, m).fill(0);
      return s;
    };
    return { m, halves: [half(0), half(1)] };
  }

  /** Sums of w x per label in [0, m) from scratch, in X's coordinates (`shift` added back). O(n d). */
  async sums(labels: Int32Array, m: number, shift: Float32Array): Promise<CenterSums> {
    const { h, n } = this;
    const l = this.labelsAt('labels', labels);
    const state = this.sumState(m);
    const [a, b] = state.halves;
    await runHalves(
      this.ws,
      'sums',
      [this.xa, this.stride, this.d4, h, l, this.w, a.sums, a.weight, a.count],
      [
        this.xa + h * this.stride,
        this.stride,
        this.d4,
        n - h,
        l + 4 * h,
        this.w + 8 * h,
        b.sums,
        b.weight,
        b.count,
      ],
      n * this.d,
    );
    const out = this.handOut(state, shift, undefined);
    this.held = { labels, out, state };
    return out;
  }

  /**
   * `moveRows` on the sums held for `previous` when `state` is what was handed out for them (then
   * `state` is updated in place and the count moved returned); undefined otherwise.
   */
  async move(
    previous: Int32Array,
    next: Int32Array,
    state: CenterSums,
    shift: Float32Array,
  ): Promise<number | undefined> {
    const held = this.held;
    if (held === undefined || held.labels !== previous || held.out !== state) return undefined;
    const { h, n } = this;
    const from = this.labelsAt('labels', previous);
    const to = this.labelsAt('next', next);
    const [a, b] = held.state.halves;
    const rest = (s: SumHalf) => [this.w, s.sums, s.weight, s.count];
    const moved = await runHalves(
      this.ws,
      'move',
      [this.xa, this.stride, this.d4, h, from, to, ...rest(a)],
      [
        this.xa + h * this.stride,
        this.stride,
        this.d4,
        n - h,
        from + 4 * h,
        to + 4 * h,
        this.w + 8 * h,
        b.sums,
        b.weight,
        b.count,
      ],
      n * this.d,
    );
    this.handOut(held.state, shift, state);
    this.held = { labels: next, out: state, state: held.state };
    return moved[0] + moved[1];
  }

  /**
   * The held centered sums as CenterSums in X's coordinates (first half + second half, then the
   * shift), into `out` when given. A center with no rows left gets exact zeros (dropping the
   * rounding residue of the subtractions), here and in the held halves.
   */
  private handOut(state: SumState, shift: Float32Array, out: CenterSums | undefined): CenterSums {
    const { m } = state;
    const d = this.d;
    const width = 4 * this.d4;
    const buffer = this.ws.buffer;
    const [a, b] = state.halves.map((s) => ({
      sums: new Float64Array(buffer, s.sums, width * m),
      weight: new Float64Array(buffer, s.weight, m),
      count: new Int32Array(buffer, s.count, m),
    }));
    const result = out ?? {
      sums: new Float64Array(m * d),
      weight: new Float64Array(m),
      count: new Int32Array(m),
    };
    for (let c = 0; c < m; c++) {
      for (const half of [a, b]) {
        if (half.count[c] === 0) {
          half.weight[c] = 0;
          half.sums.fill(0, c * width, (c + 1) * width);
        }
      }
      const weight = a.weight[c] + b.weight[c];
      for (let j = 0; j < d; j++)
        result.sums[c * d + j] = a.sums[c * width + j] + b.sums[c * width + j] + weight * shift[j];
      result.weight[c] = weight;
      result.count[c] = a.count[c] + b.count[c];
    }
    return result;
  }

  release(): void {
    this.held = undefined;
    this.ws.release();
  }
}
