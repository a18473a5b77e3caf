/**
 * Single linkage as a minimum spanning tree (Gower & Ross 1969): Prim's algorithm on the implicit
 * complete graph, distances computed on the fly in Float64 — O(n^2 d) time, O(n) memory, the
 * same MST-based method as scikit-learn's `mst_linkage_core` and scipy's `mst_single_linkage`.
 */
import type { DistanceMetric } from '../kernels/distance-metric.js';
import { densePrim } from './dense-prim.js';

/**
 * The n - 1 MST edges (a[k], b[k], h[k]) over `points` (n x d, Float64; unit rows under cosine).
 * Feed them to `linkageFromMerges`.
 */
export function primMerges(
  points: Float64Array,
  n: number,
  d: number,
  metric: DistanceMetric,
): { a: Int32Array; b: Int32Array; h: Float64Array } {
  // Squared distances (or 1 - cos) rank the same as distances; the root is taken once per edge.
  const { a, b, w } = densePrim(
    n,
    metric === 'cosine'
      ? (current, rest, left, out) => {
          const co = current * d;
          for (let p = 0; p < left; p++) {
            const jo = rest[p] * d;
            let s = 0;
            for (let c = 0; c < d; c++) s += points[co + c] * points[jo + c];
            out[p] = 1 - s;
          }
        }
      : (current, rest, left, out) => {
          const co = current * d;
          for (let p = 0; p < left; p++) {
            const jo = rest[p] * d;
            let s = 0;
            for (let c = 0; c < d; c++) {
              const t = points[co + c] - points[jo + c];
              s += t * t;
            }
            out[p] = s;
          }
        },
  );
  const h = w.map((v) => (metric === 'cosine' ? Math.max(0, v) : Math.sqrt(v)));
  return { a, b, h };
}
