/**
 * The k-means++ state a `centerAssigner` keeps between candidate trials (`CenterSeeding`), and its
 * plain-TS reference over any assigner's `squaredDistances`: closest_i = w_i D(x_i)^2 to the nearest
 * chosen center and its running sums, which `draw` inverts to sample rows with probability
 * proportional to w_i D(x_i)^2 (Arthur & Vassilvitskii 2007; scikit-learn 1.2's `_kmeans_plusplus`).
 */
import type { Matrix } from '../util/matrix.js';
import { selectRows } from '../util/matrix.js';

/** k-means++ bookkeeping over the rows of X; the onnx backend runs it in WASM (wasm/center-seeding.ts). */
export interface CenterSeeding {
  /** Row `row` becomes the only center: closest_i = w_i ||x_i - x_row||^2. Returns the potential sum_i closest_i. */
  first(row: number): Promise<number>;
  /** pots[t] = sum_i min(w_i ||x_i - x_rows[t]||^2, closest_i), the potential if rows[t] joined. O(n t d). */
  trial(rows: Int32Array, pots: Float64Array): Promise<void>;
  /**
   * Candidate t of the last `trial` joins the centers; returns the new potential, the total of the
   * running sums that `draw` inverts (that trial's pots[t], up to the order of the additions). O(n).
   */
  accept(t: number): number;
  /** The first row whose running sum of closest is >= value (numpy `searchsorted`, side left), at most rows - 1. */
  draw(value: number): number;
}

/** The reference seeding: each trial one `squaredDistances` pass, the potentials in Float64 here. */
export function centerSeedingReference(
  X: Matrix,
  weight: Float64Array,
  squaredDistances: (C: Matrix, out: Float32Array) => Promise<Float32Array>,
): CenterSeeding {
  const n = X.rows;
  const closest = new Float64Array(n);
  const cumulative = new Float64Array(n);
  let D: Float32Array = new Float32Array(0);
  let width = 0;
  return {
    async first(row) {
      D = await squaredDistances(selectRows(X, [row]), new Float32Array(n));
      width = 1;
      return addCenter(D, 1, 0, weight, closest, cumulative, true);
    },
    async trial(rows, pots) {
      // One buffer for every trial of the same width: fresh pages cost about as much as the pass.
      if (D.length !== n * rows.length) D = new Float32Array(n * rows.length);
      width = rows.length;
      await squaredDistances(selectRows(X, rows), D);
      candidatePotentials(D, width, closest, weight, pots);
    },
    accept(t) {
      return addCenter(D, width, t, weight, closest, cumulative, false);
    },
    draw(value) {
      return Math.min(searchSortedLeft(cumulative, value), n - 1);
    },
  };
}

/**
 * min(a, b) without a branch: b - relu(b - a), relu(x) = (x + |x|) / 2 (both exact in Float64 for
 * the float32-sized values here). A compare-and-branch on such data mispredicts about half the
 * time; measured 2.7x slower on these loops.
 */
const branchlessMin = (a: number, b: number): number => {
  const t = b - a;
  return b - 0.5 * (t + Math.abs(t));
};

/**
 * Take column `col` of D (n x width, >= 0) in as a chosen center: closest_i = min(closest_i,
 * w_i D[i, col]) (just w_i D[i, col] when `first`), cumulative = running sums; returns the total.
 */
function addCenter(
  D: Float32Array,
  width: number,
  col: number,
  w: Float64Array,
  closest: Float64Array,
  cumulative: Float64Array,
  first: boolean,
): number {
  let run = 0;
  for (let i = 0, off = col; i < closest.length; i++, off += width) {
    const v = D[off] * w[i];
    const c = first ? v : branchlessMin(v, closest[i]);
    closest[i] = c;
    run += c;
    cumulative[i] = run;
  }
  return run;
}

/**
 * pots[t] = sum_i min(w_i D[i, t], closest_i) (D is n x trials, >= 0). Up to four candidates per
 * pass over the rows, in local accumulators: a pass per candidate, or an accumulator array, costs
 * about twice as much.
 */
function candidatePotentials(
  D: Float32Array,
  trials: number,
  closest: Float64Array,
  w: Float64Array,
  pots: Float64Array,
): void {
  const n = closest.length;
  for (let t0 = 0; t0 < trials; t0 += 4) {
    // Fewer than four left: the last one is computed again in the spare slots.
    const t1 = Math.min(t0 + 1, trials - 1);
    const t2 = Math.min(t0 + 2, trials - 1);
    const t3 = Math.min(t0 + 3, trials - 1);
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    for (let i = 0, off = 0; i < n; i++, off += trials) {
      const ci = closest[i];
      const wi = w[i];
      p0 += branchlessMin(D[off + t0] * wi, ci);
      p1 += branchlessMin(D[off + t1] * wi, ci);
      p2 += branchlessMin(D[off + t2] * wi, ci);
      p3 += branchlessMin(D[off + t3] * wi, ci);
    }
    pots[t0] = p0;
    pots[t1] = p1;
    pots[t2] = p2;
    pots[t3] = p3;
  }
}

/** First index i with sorted[i] >= value (numpy `searchsorted(..., side='left')`); sorted.length if none. */
export function searchSortedLeft(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
