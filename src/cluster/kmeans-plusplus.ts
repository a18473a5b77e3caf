/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007), exactly as scikit-learn 1.2's
 * `_kmeans_plusplus`: the first center is a uniform random row; each further center is the best of
 * `2 + floor(ln k)` candidates drawn with probability proportional to D(x)^2, "best" meaning the one
 * that leaves the smallest total potential. Sample weights scale each point's share of D(x)^2
 * (scikit-learn >= 1.3 does the same; 1.2 ignores weights here).
 */
import { type CenterAssigner, centerAssigner } from '../kernels/kernels.js';
import { searchSortedLeft } from '../kernels/center-seeding.js';
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
 * Choose k initial centers among the rows of X. O(k * trials * n * d): one `centerAssigner` seeding
 * trial (a pass over X) per center.
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
  const assigner = options.assigner ?? (await centerAssigner(X));
  try {
    // The assigner keeps closest_i = w_i D(x_i)^2 and its running sums (`draw` inverts them).
    const seeding = assigner.seeding(w);
    let potential = await seeding.first(indices[0]);
    const candidates = new Int32Array(trials);
    const pots = new Float64Array(trials);
    for (let c = 1; c < k; c++) {
      for (let t = 0; t < trials; t++) candidates[t] = seeding.draw(random.uniform() * potential);
      await seeding.trial(candidates, pots);
      let best = 0;
      for (let t = 1; t < trials; t++) if (pots[t] < pots[best]) best = t;
      potential = seeding.accept(best);
      indices[c] = candidates[best];
    }
  } finally {
    if (options.assigner === undefined) assigner.release();
  }
  return { centers: selectRows(X, indices), indices };
}

/** One row drawn with probability proportional to its weight (scikit-learn >= 1.3's first center). */
function weightedPick(w: Float64Array, random: Random): number {
  const cumulative = new Float64Array(w.length);
  let run = 0;
  for (let i = 0; i < w.length; i++) cumulative[i] = run += w[i];
  return Math.min(searchSortedLeft(cumulative, random.uniform() * run), w.length - 1);
}
