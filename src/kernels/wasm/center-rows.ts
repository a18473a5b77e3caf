/**
 * The centered rows of X kept in a WASM workspace for the onnx backend's `centerAssigner`: the
 * augmented float32 rows [x - s, 1] and their norms (in the shared memory for the WASM kernels, and
 * a plain copy that the GEMM passes read), the weights, and the scratch of the label-indexed loops
 * of k-means over them in WASM SIMD (center-kernels.wat): per-center sums and moved rows
 * (center-row-sums.ts), inertia here, and k-means++ trials (center-seeding.ts). Each loop runs as
 * two row halves, the second on a kernel worker when one is up (center-threads.ts).
 */
import type { Matrix } from '../../util/matrix.js';
import { CenterWorkspace } from './center-kernels.js';
import { WasmCenterSums } from './center-row-sums.js';
import { runHalves, splitRow } from './center-threads.js';

/** Rows of X copied into the workspace at a time for centering (1 MB at d = 64: stays in cache). */
const STAGE_ROWS = 4096;

/** Centers whose sums (and inertia) the workspace has room for from the start; more grow the memory. */
export const RESERVED_CENTERS = 1024;
/** k-means++ candidates per trial the distance region has room for (2 + ln k <= 12 up to k = 22,026). */
const RESERVED_TRIALS = 12;

/** The regions of a workspace for n rows of d columns, in the order they are laid out: [name, bytes]. */
function layout(n: number, d: number): Array<[string, number]> {
  const d4 = Math.ceil(d / 4);
  const half = (i: number): Array<[string, number]> => [
    [`sums${i}`, 32 * d4 * RESERVED_CENTERS],
    [`sumWeight${i}`, 8 * RESERVED_CENTERS],
    [`sumCount${i}`, 4 * RESERVED_CENTERS],
  ];
  return [
    ['xa', 4 * (d + 1) * n],
    ['norms', 4 * n],
    ['w', 8 * n],
    ['labels', 4 * n],
    ['next', 4 * n],
    ['seedWeight', 8 * n],
    ['closest', 8 * n],
    ['cumulative', 8 * n],
    ['D', 4 * RESERVED_TRIALS * n],
    ...half(0),
    ...half(1),
    ['inertiaCenters', 4 * d * RESERVED_CENTERS],
    ['cand', 64 * d4],
    ['cnorm', 16],
    ['pots0', 32],
    ['pots1', 32],
    ['shift', 4 * d],
    ['stage', 4 * STAGE_ROWS * d],
  ];
}

/** Workspace bytes `fillCentered` stages X through (regions 'shift' and 'stage'). */
export const fillBytes = (d: number): number => footprint(4 * d) + footprint(4 * STAGE_ROWS * d);

/**
 * Write [x - shift, 1] (float32) for every row of X at xa (rows `stride` bytes apart) and
 * ||x - shift||^2 at norms, through a staging region of STAGE_ROWS rows (WASM `center`). O(n d).
 */
export function fillCentered(
  ws: CenterWorkspace,
  X: Matrix,
  shift: Float32Array,
  xa: number,
  stride: number,
  norms: number,
): void {
  const { rows: n, cols: d } = X;
  const at = ws.region('shift', 4 * d);
  new Float32Array(ws.buffer, at, d).set(shift);
  const stage = ws.region('stage', 4 * STAGE_ROWS * d);
  for (let r0 = 0; r0 < n; r0 += STAGE_ROWS) {
    const rb = Math.min(STAGE_ROWS, n - r0);
    new Float32Array(ws.buffer, stage, rb * d).set(X.data.subarray(r0 * d, (r0 + rb) * d));
    ws.kernels.center(stage, rb, d, at, xa + r0 * stride, stride, norms + 4 * r0);
  }
}

/** Bytes a region of `bytes` takes: 16-byte aligned, plus its 16 bytes of zeroed slack. */
export const footprint = (bytes: number): number => Math.ceil(bytes / 16) * 16 + 16;

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
  /** The per-center sums kept for the last labels (center-row-sums.ts). */
  readonly sums: WasmCenterSums;

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
    // The scratch regions of a fit, made now rather than by growing the memory mid-fit.
    for (const [name, bytes] of layout(n, d).slice(3)) ws.region(name, bytes);
    this.sums = new WasmCenterSums(this);
  }

  /**
   * Rows for X (n x d) with `weight`, or undefined where WASM is unavailable or the workspace would
   * exceed `limit` bytes (rows, norms, weights, two label slots, k-means++ state, staging).
   */
  static create(n: number, d: number, weight: Float64Array, limit: number): WasmCenterRows | undefined {
    // The layout, plus room for the halves' result slots (center-threads.ts).
    const bytes = layout(n, d).reduce((total, [, b]) => total + footprint(b), 0) + 1024;
    const ws = CenterWorkspace.acquire(bytes, limit);
    return ws === undefined ? undefined : new WasmCenterRows(ws, n, d, weight);
  }

  /** Write the centered, augmented rows of X, their norms (`fillCentered`) and the plain copies. O(n d). */
  fill(X: Matrix, shift: Float32Array): void {
    fillCentered(this.ws, X, shift, this.xa, this.stride, this.norms);
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
  labelsAt(name: string, labels: Int32Array): number {
    const at = this.ws.region(name, 4 * this.n);
    new Int32Array(this.ws.buffer, at, this.n).set(labels);
    return at;
  }

  release(): void {
    this.sums.drop();
    this.ws.release();
  }
}
