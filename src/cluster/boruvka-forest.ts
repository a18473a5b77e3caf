/**
 * The bookkeeping both Borůvka MSTs share (`boruvka-mst.ts` over a k-d tree, `boruvka-blocked-mst.ts`
 * over distance blocks): the components as union-find, each component's cheapest outgoing edge
 * found so far, and the edges taken. A round is `startBoruvkaRound`, then the variant's search
 * lowering `bestW[comp[p]]` (with `bestFrom`, `bestTo`) for edges p-q leaving p's component, then
 * `takeCheapestEdges`; rounds run until n - 1 edges are taken (Borůvka 1926).
 */
import type { SpanningEdges } from './mutual-reachability-mst.js';
import { disjointSets, findRoot } from './union-find.js';

/** A spanning forest under construction over points 0..n-1 (plain data; the arrays are reused). */
export interface BoruvkaForest {
  readonly n: number;
  readonly parent: Int32Array;
  /** comp[p]: the root of p's component, fixed for the round. */
  readonly comp: Int32Array;
  /** Per component root: weight and endpoints (from inside, to outside) of its cheapest edge yet. */
  readonly bestW: Float64Array;
  readonly bestFrom: Int32Array;
  readonly bestTo: Int32Array;
  /** The edges taken, in order: the first `taken` entries of each array are filled. */
  readonly edges: SpanningEdges;
  taken: number;
}

/** n singleton components and room for their n - 1 spanning edges. O(n). */
export function boruvkaForest(n: number): BoruvkaForest {
  const m = Math.max(0, n - 1);
  return {
    n,
    parent: disjointSets(n),
    comp: new Int32Array(n),
    bestW: new Float64Array(n),
    bestFrom: new Int32Array(n),
    bestTo: new Int32Array(n),
    edges: { a: new Int32Array(m), b: new Int32Array(m), w: new Float64Array(m) },
    taken: 0,
  };
}

/**
 * Whether an edge is still missing; if so, fixes `comp` for the round and resets every component's
 * cheapest edge to none (weight Infinity). O(n).
 */
export function startBoruvkaRound(forest: BoruvkaForest): boolean {
  const { n, parent, comp, bestW, edges } = forest;
  if (forest.taken >= edges.w.length) return false;
  for (let p = 0; p < n; p++) comp[p] = findRoot(parent, p);
  bestW.fill(Number.POSITIVE_INFINITY);
  return true;
}

/**
 * Take each component's cheapest edge, lightest first (ties: lower root), skipping any that would
 * close a cycle (two components can pick the same edge, or edges of equal weight). O(c log c) for c
 * components.
 */
export function takeCheapestEdges(forest: BoruvkaForest): void {
  const { n, parent, comp, bestW, bestFrom, bestTo, edges } = forest;
  const roots: number[] = [];
  for (let p = 0; p < n; p++) if (comp[p] === p && bestW[p] < Number.POSITIVE_INFINITY) roots.push(p);
  roots.sort((x, y) => bestW[x] - bestW[y] || x - y);
  for (const r of roots) {
    const x = findRoot(parent, bestFrom[r]);
    const y = findRoot(parent, bestTo[r]);
    if (x === y) continue;
    parent[x] = y;
    edges.a[forest.taken] = bestFrom[r];
    edges.b[forest.taken] = bestTo[r];
    edges.w[forest.taken] = bestW[r];
    forest.taken++;
  }
}
