/**
 * `clusterDistanceSums` for chosen query rows only, in row blocks through the `distanceBlocks`
 * kernel entry point (so a fast backend runs the GEMM-shaped part): the sampled silhouette's kernel.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { selectRows } from '../util/matrix.js';
import type { DistanceMetric } from './distance-metric.js';
import { distanceBlocks } from './kernels.js';

/**
 * sums[r*k + c] = sum over j with labels[j] = c of dist(x_{rows[r]}, x_j); noise excluded; float32
 * distances, float64 sums; a row's distance to itself counts as exactly 0. O(|rows| n d) time, O(blockRows n) memory.
 * @throws RangeError if labels.length != X.rows or blockRows < 1.
 */
export async function clusterDistanceSumsOfRows(
  X: Matrix,
  labels: Labels,
  k: number,
  metric: DistanceMetric,
  rows: Int32Array,
  blockRows = 512,
): Promise<Float64Array> {
  if (labels.length !== X.rows)
    throw new RangeError(`clusterDistanceSumsOfRows: labels.length (${labels.length}) != rows (${X.rows})`);
  if (!Number.isInteger(blockRows) || blockRows < 1)
    throw new RangeError(`clusterDistanceSumsOfRows: blockRows (${blockRows}) must be a positive integer`);
  const n = X.rows;
  const sums = new Float64Array(rows.length * k);
  await distanceBlocks(selectRows(X, rows), X, metric, blockRows, (D, start, count) => {
    for (let r = 0; r < count; r++) {
      const o = (start + r) * k;
      const row = r * n;
      for (let j = 0; j < n; j++) {
        const c = labels[j];
        if (c >= 0) sums[o + c] += D[row + j];
      }
      // A GEMM-based backend may return a tiny non-zero self-distance; the point's own term is 0.
      const self = rows[start + r];
      if (labels[self] >= 0) sums[o + labels[self]] -= D[row + self];
    }
  });
  return sums;
}
