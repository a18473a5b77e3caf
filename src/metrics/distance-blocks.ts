/**
 * Row blocks of the pairwise distance matrix of any input space, so the O(n^2) indices (Dunn,
 * point-biserial, C-index, gamma, ...) hold only O(block * n) distances at a time. Vectors go
 * through the `distances` kernel entry point (`precision: 'float32'`, fast) or the float64
 * reference path (`precision: 'float64'`, for agreement with R and scikit-learn to 1e-9).
 */
import { assertMetric, type DistanceMetric } from '../kernels/distance-metric.js';
import { distanceRowsFloat64, rowNormsFloat64 } from '../kernels/distances-float64.js';
import { distanceBlocks } from '../kernels/kernels.js';
import type { Matrix } from '../util/matrix.js';
import { type Dissimilarity, isDissimilarity, pointCount } from '../util/dissimilarity.js';

/** Which distance path vector inputs take. */
export type Precision = 'float32' | 'float64';

/** Options of every distance-based internal index. */
export interface DistanceOptions {
  /** Distance between vectors (ignored for a precomputed dissimilarity). */
  metric?: DistanceMetric;
  /** `float32`: kernel backend (fast); `float64`: exact reference path. */
  precision?: Precision;
  /** Rows per block; memory is O(blockRows * n). */
  blockRows?: number;
}

export const DISTANCE_DEFAULTS: Required<DistanceOptions> = {
  metric: 'euclidean',
  precision: 'float32',
  blockRows: 512,
};

/** Merge defaults and check them. @throws RangeError for an unknown metric, precision or bad blockRows. */
export function distanceOptions(caller: string, options: DistanceOptions): Required<DistanceOptions> {
  const o = { ...DISTANCE_DEFAULTS, ...options };
  assertMetric(o.metric, caller);
  if (o.precision !== 'float32' && o.precision !== 'float64') {
    throw new RangeError(`${caller}: precision (${o.precision}) must be float32 or float64`);
  }
  if (!Number.isInteger(o.blockRows) || o.blockRows < 1)
    throw new RangeError(`${caller}: blockRows (${o.blockRows}) must be a positive integer`);
  return o;
}

/**
 * Call `visit(start, end, D)` for consecutive row blocks, D the (end-start) x n distances from
 * rows start..end-1 to all rows. Blocks arrive in order; D is only valid during the call.
 */
export async function forEachDistanceBlock(
  input: Matrix | Dissimilarity,
  options: Required<DistanceOptions>,
  visit: (start: number, end: number, D: Float32Array | Float64Array) => void,
): Promise<void> {
  const n = pointCount(input);
  const norms =
    !isDissimilarity(input) && options.precision === 'float64' && options.metric === 'cosine'
      ? rowNormsFloat64(input, 'distances')
      : undefined;
  if (!isDissimilarity(input) && options.precision === 'float32') {
    // The kernel entry point streams blocks with memory O(blockRows * n); self distances are exactly 0.
    await distanceBlocks(input, input, options.metric, options.blockRows, (block, start, rows) =>
      visit(start, start + rows, block),
    );
    return;
  }
  for (let start = 0; start < n; start += options.blockRows) {
    const end = Math.min(n, start + options.blockRows);
    if (isDissimilarity(input)) visit(start, end, input.data.subarray(start * n, end * n));
    else visit(start, end, distanceRowsFloat64(input, start, end, options.metric, norms));
  }
}
