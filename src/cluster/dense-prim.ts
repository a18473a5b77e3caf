/**
 * Prim's algorithm on an implicit complete graph: O(n^2) weights, each computed once, O(n) memory.
 * The skeleton of single linkage (single-linkage.ts) and of the mutual-reachability MST
 * (mutual-reachability-mst.ts). Each step asks `weights` for the weights from the vertex just
 * added to every vertex not yet in the tree, so the O(d) distance loop stays in the caller's own
 * function (one call per step, not per pair).
 */

/** Fill out[p] with the weight from vertex `current` to vertex rest[p], for p < left. */
export type DenseWeights = (current: number, rest: Int32Array, left: number, out: Float64Array) => void;

/** MST edges a[k]-b[k] with weight w[k], n - 1 of them (none for n < 2), in the order found. */
export interface PrimEdges {
  a: Int32Array;
  b: Int32Array;
  w: Float64Array;
}

/**
 * The MST from vertex 0: each step adds the unvisited vertex nearest the tree (the first of equal
 * weights in the order the unvisited vertices are kept).
 */
export function densePrim(n: number, weights: DenseWeights): PrimEdges {
  const m = Math.max(0, n - 1);
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const w = new Float64Array(m);
  if (n < 2) return { a, b, w };
  // Unvisited vertices compacted in `rest`; best[p] is the weight from rest[p] to the tree, via from[p].
  const rest = new Int32Array(n - 1);
  const best = new Float64Array(n - 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(n - 1);
  const step = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) rest[i - 1] = i;
  let left = n - 1;
  let current = 0;
  for (let k = 0; k < m; k++) {
    weights(current, rest, left, step);
    let pick = 0;
    let pickW = Number.POSITIVE_INFINITY;
    for (let p = 0; p < left; p++) {
      if (step[p] < best[p]) {
        best[p] = step[p];
        from[p] = current;
      }
      if (best[p] < pickW) {
        pickW = best[p];
        pick = p;
      }
    }
    const next = rest[pick];
    a[k] = from[pick];
    b[k] = next;
    w[k] = pickW;
    left--;
    rest[pick] = rest[left];
    best[pick] = best[left];
    from[pick] = from[left];
    current = next;
  }
  return { a, b, w };
}
