/**
 * Minimum spanning tree of the mutual reachability graph, where
 * mrd(a, b) = max(core(a), core(b), ||a - b||) (Campello et al. 2013, def. 3), by Prim on the
 * implicit dense graph: O(n^2 d) time, O(n) memory, any dimension. The k-d tree version for low
 * dimensions is `boruvka-mst.ts`.
 */

import { densePrim, type PrimEdges } from './dense-prim.js';

/** MST edges: a[k]-b[k] with weight w[k], n - 1 of them, in the order found. */
export type SpanningEdges = Readonly<PrimEdges>;

/** Prim's algorithm over all pairs, euclidean in Float64. */
export function primMutualReachability(
  points: Float64Array,
  n: number,
  d: number,
  core: Float64Array,
): SpanningEdges {
  return densePrim(n, (current, rest, left, out) => {
    const co = current * d;
    const cc = core[current];
    for (let p = 0; p < left; p++) {
      const j = rest[p];
      const jo = j * d;
      let s = 0;
      for (let c = 0; c < d; c++) {
        const t = points[co + c] - points[jo + c];
        s += t * t;
      }
      let v = Math.sqrt(s);
      if (cc > v) v = cc;
      if (core[j] > v) v = core[j];
      out[p] = v;
    }
  });
}
