/**
 * Single linkage as a minimum spanning tree (Gower & Ross 1969): Prim's algorithm on the implicit
 * complete graph, distances computed on the fly in Float64 — O(n^2 d) time, O(n) memory, the
 * same MST-based method as scikit-learn's `mst_linkage_core` and scipy's `mst_single_linkage`.
 */
import type { DistanceMetric } from '../kernels/distance-metric.js';

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
  const m = Math.max(0, n - 1);
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const h = new Float64Array(m);
  if (n === 0) return { a, b, h };
  // Unvisited vertices compacted in `rest`; best[p] is the distance from rest[p] to the tree.
  const rest = new Int32Array(n - 1);
  const best = new Float64Array(n - 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(n - 1);
  for (let i = 1; i < n; i++) rest[i - 1] = i;
  let left = n - 1;
  let current = 0;
  for (let k = 0; k < m; k++) {
    const co = current * d;
    let pick = 0;
    let pickD = Number.POSITIVE_INFINITY;
    for (let p = 0; p < left; p++) {
      const j = rest[p];
      const jo = j * d;
      let s = 0;
      if (metric === 'cosine') {
        for (let c = 0; c < d; c++) s += points[co + c] * points[jo + c];
        s = 1 - s;
      } else {
        for (let c = 0; c < d; c++) {
          const t = points[co + c] - points[jo + c];
          s += t * t;
        }
      }
      if (s < best[p]) {
        best[p] = s;
        from[p] = current;
      }
      if (best[p] < pickD) {
        pickD = best[p];
        pick = p;
      }
    }
    const next = rest[pick];
    a[k] = from[pick];
    b[k] = next;
    h[k] = metric === 'cosine' ? Math.max(0, pickD) : Math.sqrt(pickD);
    left--;
    rest[pick] = rest[left];
    best[pick] = best[left];
    from[pick] = from[left];
    current = next;
  }
  return { a, b, h };
}
