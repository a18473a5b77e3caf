/**
 * Minimum spanning tree of the mutual reachability graph by Borůvka with a k-d tree (low
 * dimensions): each round, every component's cheapest outgoing edge is searched with pruning by
 * box distance, the nodes' smallest core distance, and nodes wholly inside the component (after
 * McInnes & Healy 2017, "Accelerated hierarchical density based clustering"). About O(n log^2 n)
 * on clustered data.
 */
import type { KdTree } from './kd-tree.js';
import type { SpanningEdges } from './mutual-reachability-mst.js';

/**
 * Borůvka over a k-d tree; `core` is indexed by original row. `seeds` (each row's k nearest
 * neighbors, original indices) give every component a cheap first bound before the tree search,
 * so most points are skipped outright (their core distance already reaches the bound).
 */
export function boruvkaMutualReachability(
  tree: KdTree,
  core: Float64Array,
  seeds?: { neighbors: Int32Array; k: number },
): SpanningEdges {
  const { n, dims, points, index, nodeStart, nodeEnd, nodeCount } = tree;
  const m = Math.max(0, n - 1);
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const w = new Float64Array(m);
  if (n < 2) return { a, b, w };
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
  const parent = new Int32Array(n);
  for (let t = 0; t < n; t++) parent[t] = t;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const comp = new Int32Array(n);
  const nodeComp = new Int32Array(nodeCount);
  const bestW = new Float64Array(n);
  const bestFrom = new Int32Array(n);
  const bestTo = new Int32Array(n);
  const stack = new Int32Array(128);
  const position = new Int32Array(n);
  for (let t = 0; t < n; t++) position[index[t]] = t;
  let edges = 0;
  while (edges < m) {
    for (let t = 0; t < n; t++) comp[t] = find(t);
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
    bestW.fill(Number.POSITIVE_INFINITY);
    if (seeds !== undefined) {
      const { neighbors, k } = seeds;
      for (let p = 0; p < n; p++) {
        const cp = comp[p];
        const po = p * dims;
        const base = index[p] * k;
        for (let r = 0; r < k; r++) {
          const q = position[neighbors[base + r]];
          if (comp[q] === cp) continue;
          let v = tcore[q] > tcore[p] ? tcore[q] : tcore[p];
          if (v >= bestW[cp]) continue;
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
        }
      }
    }
    for (let p = 0; p < n; p++) {
      const cp = comp[p];
      const cpCore = tcore[p];
      if (cpCore >= bestW[cp]) continue;
      const po = p * dims;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const node = stack[--top];
        if (nodeComp[node] === cp) continue;
        const bound = bestW[cp];
        if (nodeMinCore[node] >= bound) continue;
        let box = 0;
        const bo = node * dims;
        for (let c = 0; c < dims; c++) {
          const v = points[po + c];
          const lo = tree.lower[bo + c];
          const hi = tree.upper[bo + c];
          const g = v < lo ? lo - v : v > hi ? v - hi : 0;
          box += g * g;
        }
        if (box >= bound * bound) continue;
        if (node >= firstLeaf) {
          for (let q = nodeStart[node]; q < nodeEnd[node]; q++) {
            if (comp[q] === cp) continue;
            let v = tcore[q] > cpCore ? tcore[q] : cpCore;
            if (v >= bestW[cp]) continue;
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
          }
        } else {
          // Nearer child last, so it is searched first.
          const l = 2 * node + 1;
          const r = l + 1;
          const dl = boxGap(tree, l, points, po);
          const dr = boxGap(tree, r, points, po);
          if (dl <= dr) {
            stack[top++] = r;
            stack[top++] = l;
          } else {
            stack[top++] = l;
            stack[top++] = r;
          }
        }
      }
    }
    // Add each component's cheapest edge, lightest first, skipping any that would close a cycle.
    const roots: number[] = [];
    for (let t = 0; t < n; t++) if (comp[t] === t && bestW[t] < Number.POSITIVE_INFINITY) roots.push(t);
    roots.sort((x, y) => bestW[x] - bestW[y] || x - y);
    for (const r of roots) {
      const x = find(bestFrom[r]);
      const y = find(bestTo[r]);
      if (x === y) continue;
      parent[x] = y;
      a[edges] = index[bestFrom[r]];
      b[edges] = index[bestTo[r]];
      w[edges] = bestW[r];
      edges++;
    }
  }
  return { a, b, w };
}

function boxGap(tree: KdTree, node: number, points: Float64Array, po: number): number {
  const { dims, lower, upper } = tree;
  let s = 0;
  const bo = node * dims;
  for (let c = 0; c < dims; c++) {
    const v = points[po + c];
    const g = v < lower[bo + c] ? lower[bo + c] - v : v > upper[bo + c] ? v - upper[bo + c] : 0;
    s += g * g;
  }
  return s;
}
