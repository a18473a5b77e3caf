/** Initial centers for k-means and option checks shared by `KMeans` and `MiniBatchKMeans`. */
import type { DistanceMetric } from '../kernels/distance-metric.js';
import type { CenterAssigner } from '../kernels/kernels.js';
import { normalizeRows } from '../kernels/distance-metric.js';
import type { Matrix } from '../util/matrix.js';
import { assertFinite, selectRows } from '../util/matrix.js';
import type { Random } from '../util/random.js';
import { shuffleInPlace } from '../util/random.js';
import { kmeansPlusPlus } from './kmeans-plusplus.js';

/** `k-means++` (greedy, scikit-learn's), `random` (k distinct rows, uniformly), or a k x d matrix of centers. */
export type KMeansInit = 'k-means++' | 'random' | Matrix;

/** The options both k-means estimators check the same way. */
export interface KMeansCommonOptions {
  k: number;
  init: KMeansInit;
  nInit: number | 'auto';
  maxIter: number;
  tol: number;
  seed: number;
}

/** @throws RangeError naming `caller` and the option for any invalid value. */
export function checkKMeansOptions(o: KMeansCommonOptions, caller: string): void {
  if (!Number.isInteger(o.k) || o.k < 1)
    throw new RangeError(`${caller}: k (${o.k}) must be a positive integer`);
  if (o.nInit !== 'auto' && (!Number.isInteger(o.nInit) || o.nInit < 1)) {
    throw new RangeError(`${caller}: nInit (${o.nInit}) must be a positive integer or 'auto'`);
  }
  if (!Number.isInteger(o.maxIter) || o.maxIter < 1)
    throw new RangeError(`${caller}: maxIter (${o.maxIter}) must be a positive integer`);
  if (!Number.isFinite(o.tol) || o.tol < 0)
    throw new RangeError(`${caller}: tol (${o.tol}) must be finite and >= 0`);
  if (!Number.isFinite(o.seed)) throw new RangeError(`${caller}: seed (${o.seed}) must be a finite number`);
  if (typeof o.init === 'string') {
    if (o.init !== 'k-means++' && o.init !== 'random')
      throw new RangeError(`${caller}: init (${o.init}) must be k-means++, random or a matrix`);
    return;
  }
  if (o.init.rows !== o.k)
    throw new RangeError(`${caller}: init has ${o.init.rows} rows, expected k (${o.k})`);
  if (o.nInit !== 'auto' && o.nInit !== 1)
    throw new RangeError(`${caller}: nInit (${o.nInit}) must be 1 with explicit init centers`);
  assertFinite(o.init, `${caller}: init`);
}

/**
 * k starting centers in the prepared space (see `prepareKMeansInput`): given centers as they are
 * (made unit under cosine), `random` takes the first k of a seeded permutation of the rows
 * (scikit-learn's `random_state.permutation(n)[:k]`), `k-means++` runs `kmeansPlusPlus` (on `assigner`
 * when given: X prepared once for every restart).
 * @throws RangeError when given centers have the wrong column count or a zero row under cosine.
 */
export async function initialCenters(
  X: Matrix,
  init: KMeansInit,
  k: number,
  random: Random,
  weight: Float64Array | undefined,
  metric: DistanceMetric,
  caller: string,
  assigner?: CenterAssigner,
): Promise<Matrix> {
  if (init === 'k-means++')
    return (await kmeansPlusPlus(X, k, random, { sampleWeight: weight, assigner })).centers;
  if (init === 'random') {
    const order = new Int32Array(X.rows);
    for (let i = 0; i < X.rows; i++) order[i] = i;
    return selectRows(X, shuffleInPlace(order, random).subarray(0, k));
  }
  if (init.cols !== X.cols) throw new RangeError(`${caller}: init has ${init.cols} columns, X has ${X.cols}`);
  // A copy: mini-batch k-means updates its centers in place, and the caller's matrix must not change.
  return metric === 'cosine'
    ? normalizeRows(init, `${caller}: init`)
    : { ...init, data: Float32Array.from(init.data) };
}
