/**
 * Minimum spanning tree of the mutual reachability graph by Borůvka with a k-d tree (low
 * dimensions): each round, every component's cheapest outgoing edge is searched with pruning by
 * box distance, the nodes' smallest core distance, and nodes wholly inside the component (after
 * McInnes & Healy 2017, "Accelerated hierarchical density based clustering"). About O(n log^2 n)
 * on clustered data.
 */
import { boruvkaForest, startBoruvkaRound, takeCheapestEdges } from './boruvka-forest.js';
import type { KdTree } from './kd-tree.js';
import type { SpanningEdges } from './mutual-reachability-mst.js';

/**
 * Borůvka over a k-d tree; `core` is indexed by original row. `seeds` (each row's k nearest
 * neighbors, original indices) give every component a cheap first bound before the tree search,
 * so most points are skipped outright (their core distance already reaches the bound).
 *
 * The point and box distances are written out here rather than called from `kd-tree.ts`: this loop
 * runs after the k-nearest search in the same process, and measured (cluster-density bench, HDBSCAN)
 * the shared helpers were then not inlined into it, costing about a third of its time.
 */
export function boruvkaMutualReachability(
  tree: KdTree,
  core: Float64Array,
  seeds?: { neighbors: Int32Array; k: number },
): SpanningEdges {
  const { n, dims, points, index, nodeStart, nodeEnd, nodeCount, lower, upper } = tree;
  const firstLeaf = (nodeCount - 1) / 2;
  // Work in tree positions: tcore[t] is the core distance of the point stored at t.
  const tcore = new Float64Array(n);
  for (let t = 0; t < n; t++) tcore[t] = core[index[t]];
  const nodeMinCore = new Float64Array(nodeCount);
  for (let node = nodeCount - 1; node >= 0; node--) {
    if (node >= firstLeaf) {
      let mc = Number.POSITIVE_INFINITY;
      for (let t = nodeStart[node]; t < nodeEnd[node]; t++) if (tcore[t] < mc) mc = tcore[t];
      nodeMinCore[node] = mc;
    } else {
      nodeMinCore[node] = Math.min(nodeMinCore[2 * node + 1], nodeMinCore[2 * node + 2]);
    }
  }
  const forest = boruvkaForest(n);
  const { comp, bestW, bestFrom, bestTo } = forest;
  const nodeComp = new Int32Array(nodeCount);
  const stack = new Int32Array(128);
  const position = new Int32Array(n);
  for (let t = 0; t < n; t++) position[index[t]] = t;
  // Squared distance from the point at po to the box of node b.
  const boxGap = (b: number, po: number): number => {
    let s = 0;
    const bo = b * dims;
    for (let c = 0; c < dims; c++) {
      const v = points[po + c];
      const g = v < lower[bo + c] ? lower[bo + c] - v : v > upper[bo + c] ? v - upper[bo + c] : 0;
      s += g * g;
    }
    return s;
  };
  // Candidate q (tree position) for p's component cp: mutual reachability max(core p, core q, dist).
  const offer = (p: number, q: number, cp: number): void => {
    if (comp[q] === cp) return;
    let v = tcore[q] > tcore[p] ? tcore[q] : tcore[p];
    if (v >= bestW[cp]) return;
    const po = p * dims;
    const qo = q * dims;
    let s = 0;
    for (let c = 0; c < dims; c++) {
      const g = points[po + c] - points[qo + c];
      s += g * g;
    }
    const dist = Math.sqrt(s);
    if (dist > v) v = dist;
    if (v < bestW[cp]) {
      bestW[cp] = v;
      bestFrom[cp] = p;
      bestTo[cp] = q;
    }
  };
  while (startBoruvkaRound(forest)) {
    for (let node = nodeCount - 1; node >= 0; node--) {
      if (node >= firstLeaf) {
        const s = nodeStart[node];
        let c = s < nodeEnd[node] ? comp[s] : -1;
        for (let t = s + 1; t < nodeEnd[node]; t++) if (comp[t] !== c) c = -1;
        nodeComp[node] = c;
      } else {
        const l = nodeComp[2 * node + 1];
        nodeComp[node] = l >= 0 && l === nodeComp[2 * node + 2] ? l : -1;
      }
    }
    if (seeds !== undefined) {
      const { neighbors, k } = seeds;
      for (let p = 0; p < n; p++) {
        const base = index[p] * k;
        for (let r = 0; r < k; r++) offer(p, position[neighbors[base + r]], comp[p]);
      }
    }
    for (let p = 0; p < n; p++) {
      const cp = comp[p];
      if (tcore[p] >= bestW[cp]) continue;
      const po = p * dims;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const node = stack[--top];
        if (nodeComp[node] === cp) continue;
        const bound = bestW[cp];
        if (nodeMinCore[node] >= bound) continue;
        if (boxGap(node, po) >= bound * bound) continue;
        if (node >= firstLeaf) {
          for (let q = nodeStart[node]; q < nodeEnd[node]; q++) offer(p, q, cp);
        } else {
          // Nearer child last, so it is searched first.
          const l = 2 * node + 1;
          const r = l + 1;
          if (boxGap(l, po) <= boxGap(r, po)) {
            stack[top++] = r;
            stack[top++] = l;
          } else {
            stack[top++] = l;
            stack[top++] = r;
          }
        }
      }
    }
    takeCheapestEdges(forest);
  }
  // Edges were found between tree positions; report original rows.
  const { a, b } = forest.edges;
  for (let e = 0; e < forest.taken; e++) {
    a[e] = index[a[e]];
    b[e] = index[b[e]];
  }
  return forest.edges;
}
