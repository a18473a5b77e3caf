/**
 * DBSCAN straight on a k-d tree, without materializing every eps-neighborhood. Same result as
 * `dbscanLabels(epsNeighborhoods(...))` (scikit-learn's rules, see `dbscan-labels.ts`), in three
 * passes that each do less than a full radius query:
 * 1. core flags: count neighbors nearest-first and stop at minSamples;
 * 2. components of core points: union-find over core pairs within eps, skipping the distance for a
 *    pair already in one component, and whole tree nodes whose core points are all in the query's
 *    component (most of a dense region, as points run in tree order);
 * 3. border points: the smallest cluster number among core points within eps.
 * Passes 1 and 3 answer each point on its own (dbscan-tree-queries.ts); from PARALLEL_DBSCAN_POINTS
 * points a worker shares them (dbscan-worker.ts), with the same result bit for bit. Pass 2 is
 * sequential (union-find).
 */
import { availableParallelism } from 'node:os';
import { onnxKernelOptions } from '../kernels/onnx/options.js';
import type { Labels } from '../util/labels.js';
import { type Passes, passes, withWorker } from './dbscan-tree-parallel.js';
import { borderLabelsClaimed, coreFlagsClaimed } from './dbscan-tree-queries.js';
import { type KdTree, sharedKdTree } from './kd-tree.js';
import { boxDistanceSquared, squaredDistanceUpTo } from './kd-tree-distance.js';
import { disjointSets, findRoot } from './union-find.js';

/** From this many points a worker joins passes 1 and 3; below, its start-up (~30 ms) costs more than it saves. */
export const PARALLEL_DBSCAN_POINTS = 8000;

/**
 * Labels and core flags (by original row) of DBSCAN over the tree's points. `parallel` (default:
 * from PARALLEL_DBSCAN_POINTS points, with two or more cores and SEGSCOPE_KERNEL_THREADS >= 2) has
 * a worker share passes 1 and 3; it changes nothing in the result. `stats.workerChunks` receives
 * the chunks the worker answered.
 */
export async function dbscanOnTree(
  tree: KdTree,
  eps: number,
  minSamples: number,
  parallel = tree.n >= PARALLEL_DBSCAN_POINTS &&
    availableParallelism() >= 2 &&
    onnxKernelOptions().threads >= 2,
  stats?: { workerChunks: number },
): Promise<{ labels: Labels; isCore: Uint8Array }> {
  const t = parallel ? sharedKdTree(tree) : tree;
  const r2 = eps * eps;
  const p = passes(t.n, t.nodeCount, parallel);
  const mine = (slot: number) => () => (parallel ? Atomics.add(p.counters, slot, 1) : p.counters[slot]++);
  const core = () => coreFlagsClaimed(t, r2, minSamples, p.core, mine(0));
  const between = () => coreComponents(t, r2, p);
  const border = () => borderLabelsClaimed(t, r2, p.core, p.rep, p.labelAt, p.border, mine(1));
  if (!parallel) {
    core();
    between();
    border();
  } else {
    const worked = await withWorker(t, r2, minSamples, p, core, between, border);
    if (stats !== undefined) stats.workerChunks = worked;
  }
  return labelsByRow(t, p);
}

/**
 * Pass 2: components of the core points (union-find, each root kept at the smallest original
 * index), numbered by their smallest core original index into labelAt (by position); rep marks the
 * nodes without core points (-2) for pass 3.
 */
export function coreComponents(tree: KdTree, r2: number, { core, rep, labelAt }: Passes): void {
  const { n, dims, points, index, nodeStart, nodeEnd, nodeCount } = tree;
  const firstLeaf = (nodeCount - 1) / 2;
  const stack = new Int32Array(64);
  const boxGap = (t: number, node: number): number => boxDistanceSquared(tree, node, points, t * dims);
  const within = (t: number, u: number): boolean =>
    squaredDistanceUpTo(points, t * dims, points, u * dims, dims, r2) <= r2;
  const parent = disjointSets(n);
  const find = (x: number): number => findRoot(parent, x);
  // rep[node]: a core point of the node once all its core points are known to share one component
  // (-2: no core points, -1: not known). Components only grow, so a known node stays known and
  // the whole node is skipped for any query already in that component.
  rep.fill(-1);
  for (let node = nodeCount - 1; node >= 0; node--) {
    let any = false;
    for (let u = nodeStart[node]; u < nodeEnd[node] && !any; u++) any = core[u] === 1;
    if (!any) rep[node] = -2;
  }
  for (let t = 0; t < n; t++) {
    if (!core[t]) continue;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      let known = rep[node];
      if (known === -2) continue;
      if (known === -1 && node < firstLeaf) {
        const l = rep[2 * node + 1];
        const r = rep[2 * node + 2];
        if (l === -2 && r >= 0) known = r;
        else if (r === -2 && l >= 0) known = l;
        else if (l >= 0 && r >= 0 && find(l) === find(r)) known = l;
        rep[node] = known;
      }
      if (known >= 0 && find(known) === find(t)) continue;
      if (boxGap(t, node) > r2) continue;
      if (node >= firstLeaf) {
        let common = -1;
        let unified = true;
        for (let u = nodeStart[node]; u < nodeEnd[node]; u++) {
          if (!core[u]) continue;
          const a = find(t);
          let b = find(u);
          if (a !== b && within(t, u)) {
            if (index[a] < index[b]) parent[b] = a;
            else parent[a] = b;
            b = find(u);
          }
          if (common < 0) common = b;
          else if (b !== common) unified = false;
        }
        if (unified && common >= 0) rep[node] = common;
      } else {
        stack[top++] = 2 * node + 2;
        stack[top++] = 2 * node + 1;
      }
    }
  }
  labelAt.fill(-1);
  const rootOfRow = new Int32Array(n).fill(-1);
  for (let t = 0; t < n; t++) if (core[t]) rootOfRow[index[t]] = find(t);
  const clusterOfRoot = new Int32Array(n).fill(-1);
  const clusterOfRow = new Int32Array(n).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const r = rootOfRow[i];
    if (r < 0) continue;
    if (clusterOfRoot[r] < 0) clusterOfRoot[r] = next++;
    clusterOfRow[i] = clusterOfRoot[r];
  }
  for (let t = 0; t < n; t++) if (core[t]) labelAt[t] = clusterOfRow[index[t]];
}

/** Labels and core flags by original row from the passes' per-position results. */
export function labelsByRow(
  tree: KdTree,
  { core, labelAt, border }: Passes,
): { labels: Labels; isCore: Uint8Array } {
  const { n, index } = tree;
  const labels = new Int32Array(n);
  const isCore = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    labels[index[t]] = core[t] ? labelAt[t] : border[t];
    isCore[index[t]] = core[t];
  }
  return { labels, isCore };
}
