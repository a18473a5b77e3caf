/**
 * Pairwise distances in Float64, condensed (scipy `pdist` order), for linkages whose heights must
 * match scipy to 1e-9 relative — so not through the float32 kernels.
 */
import type { DistanceMetric } from '../kernels/distance-metric.js';

/** Largest n whose condensed matrix (n(n-1)/2 doubles) stays under 2 GiB. */
export const CONDENSED_MAX_ROWS = 23_170;

/**
 * pdist of `points` (n x d Float64; unit rows under cosine, so cosine is 1 - dot). O(n^2 d).
 * @throws RangeError above CONDENSED_MAX_ROWS rows.
 */
export function condensedDistances(
  points: Float64Array,
  n: number,
  d: number,
  metric: DistanceMetric,
  caller: string,
): Float64Array {
  if (n > CONDENSED_MAX_ROWS) {
    throw new RangeError(
      `${caller}: ${n} rows need a ${((n * (n - 1) * 4) / 2 ** 30).toFixed(1)} GiB distance matrix; at most ${CONDENSED_MAX_ROWS} rows (use single or ward linkage, which need no matrix)`,
    );
  }
  const D = new Float64Array((n * (n - 1)) / 2);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const io = i * d;
    for (let j = i + 1; j < n; j++) {
      const jo = j * d;
      let s = 0;
      if (metric === 'cosine') {
        for (let c = 0; c < d; c++) s += points[io + c] * points[jo + c];
        D[e++] = Math.max(0, 1 - s);
      } else {
        for (let c = 0; c < d; c++) {
          const t = points[io + c] - points[jo + c];
          s += t * t;
        }
        D[e++] = Math.sqrt(s);
      }
    }
  }
  return D;
}
