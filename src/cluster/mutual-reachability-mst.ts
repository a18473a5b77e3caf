/**
 * Minimum spanning tree of the mutual reachability graph, where
 * mrd(a, b) = max(core(a), core(b), ||a - b||) (Campello et al. 2013, def. 3), by Prim on the
 * implicit dense graph: O(n^2 d) time, O(n) memory, any dimension. The k-d tree version for low
 * dimensions is `boruvka-mst.ts`.
 */

/** MST edges: a[k]-b[k] with weight w[k], n - 1 of them, in the order found. */
export interface SpanningEdges {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly w: Float64Array;
}

/** Prim's algorithm over all pairs, euclidean in Float64. */
export function primMutualReachability(
  points: Float64Array,
  n: number,
  d: number,
  core: Float64Array,
): SpanningEdges {
  const m = Math.max(0, n - 1);
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const w = new Float64Array(m);
  if (n < 2) return { a, b, w };
  const rest = new Int32Array(n - 1);
  const best = new Float64Array(n - 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(n - 1);
  for (let i = 1; i < n; i++) rest[i - 1] = i;
  let left = n - 1;
  let current = 0;
  for (let k = 0; k < m; k++) {
    const co = current * d;
    const cc = core[current];
    let pick = 0;
    let pickD = Number.POSITIVE_INFINITY;
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
      if (v < best[p]) {
        best[p] = v;
        from[p] = current;
      }
      if (best[p] < pickD) {
        pickD = best[p];
        pick = p;
      }
    }
    a[k] = from[pick];
    b[k] = rest[pick];
    w[k] = pickD;
    current = rest[pick];
    left--;
    rest[pick] = rest[left];
    best[pick] = best[left];
    from[pick] = from[left];
  }
  return { a, b, w };
}
