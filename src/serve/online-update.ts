/**
 * Online mini-batch update of a centroid model (Sculley 2010, "Web-scale k-means clustering", the
 * per-center learning rate 1/count), with the rate bounded: each centroid moves by
 * eta = min(maxRate, 1 / (count + 1)) toward each assigned point, so an old model still follows new
 * behavior (the rate never falls below `minRate`) yet no single batch can drag a centroid far.
 */
import type { Matrix } from '../util/matrix.js';
import type { SegmentCentroids } from './segment-centroids.js';

export interface OnlineUpdateOptions {
  /** Largest step toward one point, in (0, 1]. */
  maxRate: number;
  /** Smallest step toward one point, in [0, maxRate]. */
  minRate: number;
}

export const ONLINE_UPDATE_DEFAULTS: Readonly<OnlineUpdateOptions> = { maxRate: 0.05, minRate: 0.001 };

/**
 * Move each assigned row's centroid toward it, in row order, and count it in the segment. Mutates `model`.
 * O(n d). Rows labeled -1 are skipped.
 * @throws RangeError for bad rates or a shape mismatch.
 * @example onlineCentroidUpdate(model, X, segments, { maxRate: 0.05, minRate: 0.001 })
 */
export function onlineCentroidUpdate(
  model: SegmentCentroids,
  X: Matrix,
  segments: Int32Array,
  options: Partial<OnlineUpdateOptions> = {},
): void {
  const { maxRate, minRate } = { ...ONLINE_UPDATE_DEFAULTS, ...options };
  if (!(maxRate > 0 && maxRate <= 1))
    throw new RangeError(`onlineCentroidUpdate: maxRate (${maxRate}) must be in (0, 1]`);
  if (!(minRate >= 0 && minRate <= maxRate))
    throw new RangeError(`onlineCentroidUpdate: minRate (${minRate}) must be in [0, maxRate]`);
  if (X.cols !== model.cols)
    throw new RangeError(`onlineCentroidUpdate: X has ${X.cols} columns, the model ${model.cols}`);
  if (segments.length !== X.rows)
    throw new RangeError(`onlineCentroidUpdate: segments.length (${segments.length}) != rows (${X.rows})`);
  const d = model.cols;
  for (let i = 0; i < X.rows; i++) {
    const l = segments[i];
    if (l < 0) continue;
    const eta = Math.max(minRate, Math.min(maxRate, 1 / (model.size[l] + 1)));
    for (let j = 0; j < d; j++)
      model.centroids[l * d + j] += eta * (X.data[i * d + j] - model.centroids[l * d + j]);
    model.size[l]++;
  }
}
