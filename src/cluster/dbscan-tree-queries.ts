/**
 * The per-point passes of DBSCAN on a k-d tree (dbscan-tree.ts), each over chunks of tree
 * positions claimed from a shared counter, so the main thread and a worker (dbscan-worker.ts) can
 * share one pass; every point's answer is computed by the same code whichever thread claims it.
 */
import type { KdTree } from './kd-tree.js';
import { boxDistanceSquared, squaredDistanceUpTo } from './kd-tree-distance.js';

/** Tree positions per claimed chunk: small enough to balance two threads, large enough to amortize the claim. */
export const DBSCAN_CHUNK = 256;

/** Calls `visit(t)` for every position of each chunk claimed through `claim` (chunk number, or past the end). */
function forClaimed(n: number, claim: () => number, visit: (t: number) => void): void {
  for (let c = claim(); c * DBSCAN_CHUNK < n; c = claim()) {
    const end = Math.min(n, (c + 1) * DBSCAN_CHUNK);
    for (let t = c * DBSCAN_CHUNK; t < end; t++) visit(t);
  }
}

/** core[t] = 1 when position t has at least minSamples points within sqrt(r2) (itself included): neighbors counted nearest-box-first, stopping at minSamples. */
export function coreFlagsClaimed(
  tree: KdTree,
  r2: number,
  minSamples: number,
  core: Uint8Array,
  claim: () => number,
): void {
  const { n, dims, points, nodeStart, nodeEnd, nodeCount } = tree;
  const firstLeaf = (nodeCount - 1) / 2;
  const stack = new Int32Array(64);
  forClaimed(n, claim, (t) => {
    let count = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0 && count < minSamples) {
      const node = stack[--top];
      if (node >= firstLeaf) {
        for (let u = nodeStart[node]; u < nodeEnd[node] && count < minSamples; u++)
          if (squaredDistanceUpTo(points, t * dims, points, u * dims, dims, r2) <= r2) count++;
      } else {
        const l = 2 * node + 1;
        const dl = boxDistanceSquared(tree, l, points, t * dims);
        const dr = boxDistanceSquared(tree, l + 1, points, t * dims);
        if (dl <= dr) {
          if (dr <= r2) stack[top++] = l + 1;
          if (dl <= r2) stack[top++] = l;
        } else {
          if (dl <= r2) stack[top++] = l;
          if (dr <= r2) stack[top++] = l + 1;
        }
      }
    }
    if (count >= minSamples) core[t] = 1;
  });
}

/**
 * For each non-core position t: border[t] = the smallest cluster label (labelAt, by position) among
 * core points within sqrt(r2), or -1. Nodes with rep -2 hold no core point and are skipped.
 */
export function borderLabelsClaimed(
  tree: KdTree,
  r2: number,
  core: Uint8Array,
  rep: Int32Array,
  labelAt: Int32Array,
  border: Int32Array,
  claim: () => number,
): void {
  const { n, dims, points, nodeStart, nodeEnd, nodeCount } = tree;
  const firstLeaf = (nodeCount - 1) / 2;
  const stack = new Int32Array(64);
  forClaimed(n, claim, (t) => {
    if (core[t]) return;
    let best = -1;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      if (rep[node] === -2 || boxDistanceSquared(tree, node, points, t * dims) > r2) continue;
      if (node >= firstLeaf) {
        for (let u = nodeStart[node]; u < nodeEnd[node]; u++) {
          if (
            core[u] &&
            (best < 0 || labelAt[u] < best) &&
            squaredDistanceUpTo(points, t * dims, points, u * dims, dims, r2) <= r2
          )
            best = labelAt[u];
        }
      } else {
        stack[top++] = 2 * node + 2;
        stack[top++] = 2 * node + 1;
      }
    }
    border[t] = best;
  });
}
