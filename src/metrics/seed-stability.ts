/**
 * Seed stability: fit the same clusterer with several seeds on the same data and compare the
 * labelings pairwise with the adjusted Rand index (noise as singletons). 1 means the seed does not
 * matter; low values mean the result is an accident of initialization.
 */
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import { randomSource } from '../util/random.js';
import type { ClustererFactory } from './clusterer-factory.js';
import { contingency } from './contingency.js';
import { adjustedRand } from './rand.js';

export interface SeedStabilityOptions {
  /** Number of fits (>= 2). */
  runs?: number;
  seed?: number;
}

export interface SeedStability {
  /** Mean and minimum ARI over all pairs of runs. */
  mean: number;
  min: number;
  /** runs x runs ARI matrix (row-major, diagonal 1). */
  ari: Float64Array;
  /** The labelings, one per run. */
  labelings: Labels[];
}

/**
 * Pairwise ARI between `runs` fits with seeds drawn from `seed`. Costs `runs` fits + O(runs^2 n).
 * @throws RangeError if runs < 2 or X holds NaN.
 */
export async function seedStability(factory: ClustererFactory, X: Matrix, options: SeedStabilityOptions = {}): Promise<SeedStability> {
  const runs = options.runs ?? 10;
  if (!Number.isInteger(runs) || runs < 2) throw new RangeError(`seedStability: runs (${runs}) must be an integer >= 2`);
  assertFinite(X, 'seedStability');
  const random = randomSource(options.seed ?? 0);
  const labelings: Labels[] = [];
  for (let r = 0; r < runs; r++) labelings.push(Int32Array.from((await factory(random.int(0x7fffffff)).fit(X)).labels));
  const ari = new Float64Array(runs * runs);
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let a = 0; a < runs; a++) {
    ari[a * runs + a] = 1;
    for (let b = a + 1; b < runs; b++) {
      const v = adjustedRand(contingency(labelings[a], labelings[b]));
      ari[a * runs + b] = ari[b * runs + a] = v;
      sum += v;
      min = Math.min(min, v);
    }
  }
  return { mean: sum / ((runs * (runs - 1)) / 2), min, ari, labelings };
}
