/**
 * Prediction strength (Tibshirani & Walther 2005, JCGS 14), as fpc's `prediction.strength`: split
 * the data into two halves at random; cluster each half; classify each half's points with the
 * other half's clustering (its `predict`, or the nearest centroid of its clusters, fpc's
 * `classification = "centroid"`); for every cluster of a half, the fraction of its ordered point
 * pairs that the classification also puts together (1 for a singleton). The run's strength is
 * the mean over the two halves of the minimum over clusters; the result averages `runs` splits.
 * Tibshirani & Walther suggest reading >= 0.8 as "this many clusters is supported".
 */
import { nearestRows } from '../kernels/kernels.js';
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix, selectRows } from '../util/matrix.js';
import type { ProgressCallback } from '../util/progress.js';
import { randomSource } from '../util/random.js';
import type { ClustererFactory } from './clusterer-factory.js';
import { distinctClusters } from './cluster-stability.js';

export interface PredictionStrengthOptions {
  runs?: number;
  seed?: number;
  /** Called after every split. */
  onProgress?: ProgressCallback;
}

export const PREDICTION_STRENGTH_DEFAULTS = { runs: 50, seed: 0 } as const;

export interface PredictionStrength {
  /** Mean over runs. */
  mean: number;
  /** Standard deviation over runs (n - 1 divisor). */
  sd: number;
  perRun: Float64Array;
}

/**
 * Prediction strength of `factory` on X. Costs 2 * runs fits. Same seed, same result.
 * @throws RangeError for bad options, NaN in X, or fewer than 4 rows.
 */
export async function predictionStrength(
  factory: ClustererFactory,
  X: Matrix,
  options: PredictionStrengthOptions = {},
): Promise<PredictionStrength> {
  const { runs, seed } = { ...PREDICTION_STRENGTH_DEFAULTS, ...options };
  if (!Number.isInteger(runs) || runs < 1)
    throw new RangeError(`predictionStrength: runs (${runs}) must be a positive integer`);
  if (X.rows < 4) throw new RangeError(`predictionStrength: X.rows (${X.rows}) must be at least 4`);
  assertFinite(X, 'predictionStrength');
  const random = randomSource(seed);
  const perRun = new Float64Array(runs);
  const half = Math.floor(X.rows / 2);
  for (let run = 0; run < runs; run++) {
    const order = Int32Array.from({ length: X.rows }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    const parts = [selectRows(X, order.subarray(0, half)), selectRows(X, order.subarray(half))];
    const fitted = [
      await factory(random.int(0x7fffffff)).fit(parts[0]),
      await factory(random.int(0x7fffffff)).fit(parts[1]),
    ];
    let sum = 0;
    for (let i = 0; i < 2; i++) {
      const other = fitted[1 - i];
      const predicted = other.predict
        ? await other.predict(parts[i])
        : await nearestCentroidLabels(parts[1 - i], other.labels, parts[i]);
      sum += minPairAgreement(fitted[i].labels, predicted);
    }
    perRun[run] = sum / 2;
    options.onProgress?.({ task: 'prediction strength', done: run + 1, total: runs });
  }
  const mean = perRun.reduce((s, v) => s + v, 0) / runs;
  const sd = runs > 1 ? Math.sqrt(perRun.reduce((s, v) => s + (v - mean) ** 2, 0) / (runs - 1)) : 0;
  return { mean, sd, perRun };
}

/**
 * min over clusters of `clusters` of the share of ordered pairs (i != j) in the cluster that
 * `predicted` also co-assigns; a singleton cluster scores 1. Noise points of either labeling do
 * not form pairs. O(n + cells).
 */
export function minPairAgreement(clusters: Labels, predicted: Labels): number {
  const size = new Map<number, number>();
  const cell = new Map<number, number>();
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i];
    if (c < 0) continue;
    size.set(c, (size.get(c) ?? 0) + 1);
    if (predicted[i] >= 0) {
      const key = c * 0x100000000 + predicted[i];
      cell.set(key, (cell.get(key) ?? 0) + 1);
    }
  }
  const together = new Map<number, number>();
  for (const [key, count] of cell) {
    const c = Math.floor(key / 0x100000000);
    together.set(c, (together.get(c) ?? 0) + count * (count - 1));
  }
  let min = 1;
  for (const [c, n] of size) if (n > 1) min = Math.min(min, (together.get(c) ?? 0) / (n * (n - 1)));
  return min;
}

/** Labels of Q by the nearest centroid of X's clusters (noise ignored). */
export async function nearestCentroidLabels(X: Matrix, labels: Labels, Q: Matrix): Promise<Labels> {
  const clusters = distinctClusters(labels);
  if (clusters.length === 0) return new Int32Array(Q.rows).fill(-1);
  const index = new Map<number, number>();
  for (let i = 0; i < clusters.length; i++) index.set(clusters[i], i);
  const d = X.cols;
  const sums = new Float64Array(clusters.length * d);
  const counts = new Float64Array(clusters.length);
  for (let i = 0; i < X.rows; i++) {
    const c = index.get(labels[i]);
    if (c === undefined) continue;
    counts[c]++;
    for (let j = 0; j < d; j++) sums[c * d + j] += X.data[i * d + j];
  }
  const centroids = new Float32Array(clusters.length * d);
  for (let c = 0; c < clusters.length; c++)
    for (let j = 0; j < d; j++) centroids[c * d + j] = sums[c * d + j] / counts[c];
  const { index: nearest } = await nearestRows(Q, { rows: clusters.length, cols: d, data: centroids });
  return Int32Array.from(nearest, (c) => clusters[c]);
}
