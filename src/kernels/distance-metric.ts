import type { Matrix } from '../util/matrix.js';

/** Distance used by clusterers and metrics. Cosine distance is 1 - cos(x, y). */
export type DistanceMetric = 'euclidean' | 'cosine';

/** The accepted metric names, for validation and help text. */
export const DISTANCE_METRICS: readonly DistanceMetric[] = ['euclidean', 'cosine'];

/**
 * Copy of X with each row scaled to unit L2 norm, so cosine distance = squared euclidean / 2.
 * @throws RangeError naming the row when a row is all zeros (cosine is undefined there).
 */
export function normalizeRows(X: Matrix, caller = 'normalizeRows'): Matrix {
  const { rows, cols, data } = X;
  const out = new Float32Array(data.length);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += data[i * cols + j] * data[i * cols + j];
    if (s === 0)
      throw new RangeError(`${caller}: row ${i} is a zero vector; cosine distance is undefined for it`);
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < cols; j++) out[i * cols + j] = data[i * cols + j] * inv;
  }
  return { rows, cols, data: out };
}

/** @throws RangeError if `metric` is not a known distance. */
export function assertMetric(metric: string, caller: string): asserts metric is DistanceMetric {
  if (!(DISTANCE_METRICS as readonly string[]).includes(metric)) {
    throw new RangeError(`${caller}: metric (${metric}) must be one of ${DISTANCE_METRICS.join(', ')}`);
  }
}

/**
 * @throws RangeError naming the row when a row of X is all zeros (same message as `normalizeRows`).
 * O(n d), no allocation.
 */
export function assertNonZeroRows(X: Matrix, caller: string): void {
  const { rows, cols, data } = X;
  for (let i = 0; i < rows; i++) {
    let nonZero = false;
    for (let j = 0; j < cols && !nonZero; j++) nonZero = data[i * cols + j] !== 0;
    if (!nonZero)
      throw new RangeError(`${caller}: row ${i} is a zero vector; cosine distance is undefined for it`);
  }
}
