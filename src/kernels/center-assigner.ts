/**
 * The `centerAssigner` kernel: rows X prepared once for the many passes k-means makes over them
 * against small, changing sets of centers (k-means++ candidates, Lloyd's centers). A backend may
 * keep a transformed copy of X (onnx: centered rows and their norms), so each pass reads X once and
 * returns only what the caller needs: a distance block, the labels, or the labels with the
 * per-center weighted sums of the M-step.
 *
 * This file holds the contract and the plain-TS reference the fast backends are tested against.
 */
import type { Matrix } from '../util/matrix.js';
import { centerInertiaReference } from './center-inertia.js';
import { moveRows } from './center-moves.js';
import { type CenterSeeding, centerSeedingReference } from './center-seeding.js';
import { nearestRowsReference, squaredDistancesReference } from './reference.js';

export type { CenterSeeding } from './center-seeding.js';

/**
 * Per-center sums of the rows assigned to each center: `sums` (k x d, row-major) of w_i x_i,
 * `weight` (k) of w_i, and `count` (k) of rows, an exact integer that decides emptiness.
 */
export interface CenterSums {
  sums: Float64Array;
  weight: Float64Array;
  count: Int32Array;
}

/** X (n x d) and its sample weights, prepared for repeated passes against centers C (m x d). */
export interface CenterAssigner {
  readonly rows: number;
  readonly cols: number;
  /**
   * ||x_i - c_j||^2, rows x C.rows row-major. O(n m d). Written into `out` (length rows * C.rows)
   * when given: a loop of passes reuses one buffer instead of touching fresh pages every pass.
   */
  squaredDistances(C: Matrix, out?: Float32Array): Promise<Float32Array>;
  /** Index of the nearest row of C for every row (ties to the lower index), into `out` (length rows) when given. O(n m d). */
  nearest(C: Matrix, out?: Int32Array): Promise<Int32Array>;
  /** `nearest`, plus the weighted sums, weights and counts of the rows given to each center. O(n m d). */
  nearestWithSums(C: Matrix, out?: Int32Array): Promise<CenterAssignment>;
  /**
   * Update `state` (the sums of the labels `previous`, in [0, state.count.length)) for the rows
   * whose label changed to `next`; returns how many changed. O(n + changed d). Fastest when `state`
   * and `previous` are what this assigner's last `nearestWithSums` or `moveRows` returned or used,
   * unmodified since (the onnx backend then keeps the sums in WASM and rewrites `state` from them);
   * any other state takes the reference path.
   */
  moveRows(previous: Int32Array, next: Int32Array, state: CenterSums): Promise<number>;
  /** sum_i w_i ||x_i - C[labels_i]||^2 in Float64 from differences (the k-means objective). O(n d). */
  inertia(C: Matrix, labels: Int32Array): Promise<number>;
  /** k-means++ bookkeeping over these rows with per-row weights `weight` (length rows, >= 0). */
  seeding(weight: Float64Array): CenterSeeding;
  /** Hand back what the assigner holds (the onnx backend's WASM memory); no pass may follow. */
  release(): void;
}

/**
 * `out` when given (checked to hold exactly `length` elements), else a new array.
 * @throws RangeError naming `caller` on a length mismatch.
 */
export function outputFor<T extends Float32Array | Int32Array>(
  out: T | undefined,
  length: number,
  make: new (length: number) => T,
  caller: string,
): T {
  if (out === undefined) return new make(length);
  if (out.length !== length)
    throw new RangeError(`centerAssigner.${caller}: out.length (${out.length}) != ${length}`);
  return out;
}

/** Labels and the per-center sums that go with them. */
export interface CenterAssignment {
  index: Int32Array;
  sums: CenterSums;
}

/** Sums of each label's rows from scratch (Float64). O(n d). Labels must lie in [0, k). */
export function centerSumsReference(
  X: Matrix,
  weight: Float64Array,
  labels: Int32Array,
  k: number,
): CenterSums {
  const { rows: n, cols: d, data } = X;
  const out: CenterSums = {
    sums: new Float64Array(k * d),
    weight: new Float64Array(k),
    count: new Int32Array(k),
  };
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    const w = weight[i];
    const off = c * d;
    for (let j = 0; j < d; j++) out.sums[off + j] += w * data[i * d + j];
    out.weight[c] += w;
    out.count[c]++;
  }
  return out;
}

/** The reference assigner: every pass straight from X with the reference kernels (Float64 sums). */
export function centerAssignerReference(X: Matrix, weight: Float64Array): CenterAssigner {
  return {
    rows: X.rows,
    cols: X.cols,
    async squaredDistances(C, out) {
      const D = outputFor(out, X.rows * C.rows, Float32Array, 'squaredDistances');
      D.set(squaredDistancesReference(X, C));
      return D;
    },
    async nearest(C, out) {
      const index = outputFor(out, X.rows, Int32Array, 'nearest');
      index.set(nearestRowsReference(X, C).index);
      return index;
    },
    async nearestWithSums(C, out) {
      const index = outputFor(out, X.rows, Int32Array, 'nearestWithSums');
      index.set(nearestRowsReference(X, C).index);
      return { index, sums: centerSumsReference(X, weight, index, C.rows) };
    },
    async moveRows(previous, next, state) {
      return moveRows(X, weight, state, previous, next);
    },
    async inertia(C, labels) {
      return centerInertiaReference(X, weight, C, labels);
    },
    seeding(w) {
      return centerSeedingReference(X, w, (C, out) => this.squaredDistances(C, out));
    },
    release() {},
  };
}

/** @throws RangeError naming `what` and the first label outside [0, k). */
export function assertCenterLabels(labels: Int32Array, k: number, what: string): void {
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!(c >= 0 && c < k)) throw new RangeError(`${what}[${i}] (${c}) must be in [0, ${k})`);
  }
}

/**
 * @throws RangeError naming `caller` when weight.length != X.rows or a weight is negative or not finite.
 */
export function assertCenterWeights(X: Matrix, weight: Float64Array, caller: string): void {
  if (weight.length !== X.rows)
    throw new RangeError(`${caller}: weight.length (${weight.length}) != rows (${X.rows})`);
  for (let i = 0; i < weight.length; i++) {
    if (!(weight[i] >= 0) || weight[i] === Number.POSITIVE_INFINITY)
      throw new RangeError(`${caller}: weight[${i}] (${weight[i]}) must be finite and >= 0`);
  }
}
