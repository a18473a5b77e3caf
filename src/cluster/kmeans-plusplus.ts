/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007), exactly as scikit-learn 1.2's
 * `_kmeans_plusplus`: the first center is a uniform random row; each further center is the best of
 * `2 + floor(ln k)` candidates drawn with probability proportional to D(x)^2, "best" meaning the one
 * that leaves the smallest total potential. Sample weights scale each point's share of D(x)^2
 * (scikit-learn >= 1.3 does the same; 1.2 ignores weights here).
 */
import { type CenterAssigner, centerAssigner } from '../kernels/kernels.js';
import type { Random } from '../util/random.js';
import type { Matrix } from '../util/matrix.js';
import { selectRows } from '../util/matrix.js';

export interface KMeansPlusPlusOptions {
  /** Per-row weights (>= 0); uniform when omitted. */
  sampleWeight?: Float64Array;
  /** Candidates tried per center; scikit-learn's default `2 + floor(ln k)` when omitted. */
  localTrials?: number;
  /** X prepared by `centerAssigner` (reused across restarts); made here when omitted. */
  assigner?: CenterAssigner;
}

/**
 * Choose k initial centers among the rows of X. O(k * trials * n * d): one `centerAssigner` distance
 * pass over X per center.
 * @returns the centers (k x d, copies of rows) and the chosen row indices.
 * @throws RangeError if k is not an integer in [1, X.rows].
 * @example const { centers } = await kmeansPlusPlus(X, 3, randomSource(0));
 */
export async function kmeansPlusPlus(
  X: Matrix,
  k: number,
  random: Random,
  options: KMeansPlusPlusOptions = {},
): Promise<{ centers: Matrix; indices: Int32Array }> {
  const n = X.rows;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`kmeansPlusPlus: k (${k}) must be an integer in [1, ${n}]`);
  const trials = options.localTrials ?? 2 + Math.floor(Math.log(k));
  if (!Number.isInteger(trials) || trials < 1)
    throw new RangeError(`kmeansPlusPlus: localTrials (${trials}) must be a positive integer`);
  const w = options.sampleWeight ?? new Float64Array(n).fill(1);
  const indices = new Int32Array(k);
  indices[0] = options.sampleWeight ? weightedPick(w, random) : random.int(n);
  // closest[i] = w_i * D(x_i)^2 to the nearest chosen center; cumulative = its running sum, which
  // `searchSortedLeft` inverts to draw candidates. One fused pass per center keeps both current.
  const closest = new Float64Array(n);
  const cumulative = new Float64Array(n);
  const assigner = options.assigner ?? (await centerAssigner(X));
  // One distance buffer for every step (fresh pages cost about as much as the pass that fills them).
  const D = new Float32Array(n * trials);
  const first = await assigner.squaredDistances(selectRows(X, [indices[0]]), D.subarray(0, n));
  let potential = addCenter(first, 1, 0, w, closest, cumulative, true);
  const candidates = new Int32Array(trials);
  const pots = new Float64Array(trials);
  for (let c = 1; c < k; c++) {
    for (let t = 0; t < trials; t++)
      candidates[t] = Math.min(searchSortedLeft(cumulative, random.uniform() * potential), n - 1);
    await assigner.squaredDistances(selectRows(X, candidates), D);
    candidatePotentials(D, trials, closest, w, pots);
    let best = 0;
    for (let t = 1; t < trials; t++) if (pots[t] < pots[best]) best = t;
    addCenter(D, trials, best, w, closest, cumulative, false);
    potential = pots[best];
    indices[c] = candidates[best];
  }
  return { centers: selectRows(X, indices), indices };
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
 * The hot loops live in plain functions: in the async caller their running doubles would be boxed.
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
 * pots[t] = sum_i min(w_i D[i, t], closest_i): the potential left if candidate t joined the centers
 * (D is n x trials, >= 0). Up to four candidates per pass over the rows, in local accumulators: a
 * pass per candidate, or an accumulator array, costs about twice as much.
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

/** One row drawn with probability proportional to its weight (scikit-learn >= 1.3's first center). */
function weightedPick(w: Float64Array, random: Random): number {
  const cumulative = new Float64Array(w.length);
  let run = 0;
  for (let i = 0; i < w.length; i++) cumulative[i] = run += w[i];
  return Math.min(searchSortedLeft(cumulative, random.uniform() * run), w.length - 1);
}

/** First index i with sorted[i] >= value (numpy `searchsorted(..., side='left')`); sorted.length if none. */
function searchSortedLeft(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
