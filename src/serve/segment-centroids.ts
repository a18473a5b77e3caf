/**
 * The cluster model a saved model serves: one centroid per segment and the spread of its members'
 * distances. For centroid models (k-means, mini-batch k-means, GMM means) the centroids are the
 * fitted ones; for the others (DBSCAN, HDBSCAN, agglomerative) they are the segment means, and a
 * new user gets the nearest segment mean (an approximate prediction, said so in the model).
 */
import { nearestRows, referenceBackend } from '../kernels/kernels.js';
import type { Matrix } from '../util/matrix.js';

export interface SegmentCentroids {
  k: number;
  cols: number;
  /** k x cols, row-major. */
  centroids: Float64Array;
  /** Per segment: members, mean and standard deviation of their euclidean distance to the centroid. */
  size: Float64Array;
  meanDistance: Float64Array;
  sdDistance: Float64Array;
  /** `fitted` when the clusterer's own centroids are used, `segment-means` otherwise. */
  source: 'fitted' | 'segment-means';
}

/**
 * Centroids of `labels` over the rows of X (noise, -1, left out), or the given fitted ones, with spreads.
 * O(n d). A segment without members keeps its fitted centroid (or zeros) and spread 0.
 * @throws RangeError on a length mismatch or a label >= k.
 */
export function segmentCentroids(
  X: Matrix,
  labels: Int32Array,
  k: number,
  fitted?: Matrix,
): SegmentCentroids {
  if (labels.length !== X.rows)
    throw new RangeError(`segmentCentroids: labels.length (${labels.length}) != rows (${X.rows})`);
  const d = X.cols;
  const centroids = new Float64Array(k * d);
  const size = new Float64Array(k);
  for (let i = 0; i < X.rows; i++) {
    const l = labels[i];
    if (l < 0) continue;
    if (l >= k) throw new RangeError(`segmentCentroids: label ${l} at row ${i} >= k (${k})`);
    size[l]++;
    for (let j = 0; j < d; j++) centroids[l * d + j] += X.data[i * d + j];
  }
  if (fitted !== undefined) {
    if (fitted.rows !== k || fitted.cols !== d)
      throw new RangeError(
        `segmentCentroids: fitted centroids are ${fitted.rows} x ${fitted.cols}, expected ${k} x ${d}`,
      );
    centroids.set(fitted.data);
  } else {
    for (let l = 0; l < k; l++)
      for (let j = 0; j < d; j++) centroids[l * d + j] = size[l] > 0 ? centroids[l * d + j] / size[l] : 0;
  }
  const meanDistance = new Float64Array(k);
  const sq = new Float64Array(k);
  for (let i = 0; i < X.rows; i++) {
    const l = labels[i];
    if (l < 0) continue;
    const dist = Math.sqrt(squaredDistance(X.data, i * d, centroids, l * d, d));
    meanDistance[l] += dist;
    sq[l] += dist * dist;
  }
  const sdDistance = new Float64Array(k);
  for (let l = 0; l < k; l++) {
    if (size[l] === 0) continue;
    meanDistance[l] /= size[l];
    sdDistance[l] = Math.sqrt(Math.max(0, sq[l] / size[l] - meanDistance[l] ** 2));
  }
  return {
    k,
    cols: d,
    centroids,
    size,
    meanDistance,
    sdDistance,
    source: fitted ? 'fitted' : 'segment-means',
  };
}

/** Largest rows x k x cols assigned with the reference kernel instead of the configured backend. */
const SMALL_ASSIGNMENT = 1 << 16;

/** Nearest centroid of each row of X and the euclidean distance to it. O(n k d) via the nearestRows kernel. */
export async function assignToCentroids(
  X: Matrix,
  model: SegmentCentroids,
): Promise<{ segment: Int32Array; distance: Float64Array }> {
  if (X.cols !== model.cols)
    throw new RangeError(`assignToCentroids: X has ${X.cols} columns, the model ${model.cols}`);
  const C: Matrix = { rows: model.k, cols: model.cols, data: Float32Array.from(model.centroids) };
  // A service request is one user: there the backend's dispatch costs more than the few k x d
  // multiply-adds, so small inputs take the plain-TS reference kernel directly.
  const small = X.rows * model.k * model.cols <= SMALL_ASSIGNMENT;
  const { index, distance } = small ? await referenceBackend.nearestRows(X, C) : await nearestRows(X, C);
  return { segment: index, distance: Float64Array.from(distance, (s) => Math.sqrt(Math.max(0, s))) };
}

/**
 * Outlier score of a distance in its segment: how many standard deviations beyond the segment's
 * mean distance (0 when within the mean). A segment with zero spread scores by distance alone.
 */
export function distanceOutlierScore(model: SegmentCentroids, segment: number, distance: number): number {
  const sd = model.sdDistance[segment];
  const excess = distance - model.meanDistance[segment];
  if (excess <= 0) return 0;
  return sd > 0 ? excess / sd : excess > 1e-12 ? Number.POSITIVE_INFINITY : 0;
}

function squaredDistance(
  a: ArrayLike<number>,
  ai: number,
  b: ArrayLike<number>,
  bi: number,
  d: number,
): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = a[ai + j] - b[bi + j];
    s += t * t;
  }
  return s;
}
