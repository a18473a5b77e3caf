/**
 * Per-center sums of a workspace's centered rows (center-rows.ts), kept for the last labels so the
 * next step can move only the rows that changed: the M-step of k-means in WASM SIMD, as two row
 * halves (center-threads.ts).
 *
 * Sums are kept per half in centered coordinates, sum w (x - s), in Float64 added in row order
 * within a half, and handed out as (first half + second half) + s sum w. Weights are added in
 * Float64 and counts exactly.
 */
import type { CenterSums } from '../center-assigner.js';
import type { WasmCenterRows } from './center-rows.js';
import { runHalves } from './center-threads.js';

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

export class WasmCenterSums {
  /** The labels whose sums `state` holds, and the CenterSums last handed out for them. */
  private held: { labels: Int32Array; out: CenterSums; state: SumState } | undefined;

  constructor(private readonly rows: WasmCenterRows) {}

  /** Forget the held sums (the workspace is being handed back). */
  drop(): void {
    this.held = undefined;
  }

  private state(m: number): SumState {
    const ws = this.rows.ws;
    const half = (i: number): SumHalf => {
      const s = {
        sums: ws.region(`sums${i}`, 32 * this.rows.d4 * m),
        weight: ws.region(`sumWeight${i}`, 8 * m),
        count: ws.region(`sumCount${i}`, 4 * m),
      };
      new Uint8Array(ws.buffer, s.sums, 32 * this.rows.d4 * m).fill(0);
      new Float64Array(ws.buffer, s.weight, m).fill(0);
      new Int32Array(ws.buffer, s.count, m).fill(0);
      return s;
    };
    return { m, halves: [half(0), half(1)] };
  }

  /** Sums of w x per label in [0, m) from scratch, in X's coordinates (`shift` added back). O(n d). */
  async from(labels: Int32Array, m: number, shift: Float32Array): Promise<CenterSums> {
    const rows = this.rows;
    const { h, n } = rows;
    const l = this.rows.labelsAt('labels', labels);
    const state = this.state(m);
    const [a, b] = state.halves;
    await runHalves(
      this.rows.ws,
      'sums',
      [rows.xa, rows.stride, rows.d4, h, l, rows.w, a.sums, a.weight, a.count],
      [
        rows.xa + h * rows.stride,
        rows.stride,
        rows.d4,
        n - h,
        l + 4 * h,
        rows.w + 8 * h,
        b.sums,
        b.weight,
        b.count,
      ],
      n * rows.d,
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
    const rows = this.rows;
    const { h, n } = rows;
    const from = this.rows.labelsAt('labels', previous);
    const to = this.rows.labelsAt('next', next);
    const [a, b] = held.state.halves;
    const rest = (s: SumHalf) => [this.rows.w, s.sums, s.weight, s.count];
    const moved = await runHalves(
      this.rows.ws,
      'move',
      [rows.xa, rows.stride, rows.d4, h, from, to, ...rest(a)],
      [
        rows.xa + h * rows.stride,
        rows.stride,
        rows.d4,
        n - h,
        from + 4 * h,
        to + 4 * h,
        rows.w + 8 * h,
        b.sums,
        b.weight,
        b.count,
      ],
      n * rows.d,
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
    const d = this.rows.d;
    const width = 4 * this.rows.d4;
    const buffer = this.rows.ws.buffer;
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
}
