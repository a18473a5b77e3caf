/**
 * Density-Based Clustering Validation (Moulavi, Jaskowiak, Campello, Zimek & Sander 2014), as the
 * reference implementation in hdbscan's `validity_index`:
 *
 * - all-points core distance of x in cluster C: (sum_{y in C, y != x} (1/d(x,y))^D / (|C|-1))^(-1/D),
 *   D the dimensionality (zero distances skipped, as the reference);
 * - mutual reachability m(x,y) = max(d(x,y), core(x), core(y)); a minimum spanning tree of m per
 *   cluster; internal nodes = MST vertices of degree > 1 (all of them, if none), internal edges
 *   join two internal nodes (all edges, if none);
 * - density sparseness DSC(C) = largest internal edge; density separation DSPC(Ci, Cj) = smallest
 *   m between internal nodes of the two clusters;
 * - V(C) = (min_j DSPC - DSC) / max(min_j DSPC, DSC), and DBCV = sum_C (|C| / n) V(C), n counting
 *   noise points, so the score shrinks with the fraction of points left as noise.
 *
 * In [-1, 1], higher is better.
 */
import type { Labels } from '../util/labels.js';
import { assertFinite, type Matrix } from '../util/matrix.js';
import { checkLabels } from './check-input.js';
import { clusterSizes, internalDegeneracy } from './cluster-sizes.js';
import { type Dissimilarity, isDissimilarity, pointCount } from '../util/dissimilarity.js';
import { type DistanceOptions, distanceOptions, forEachDistanceBlock } from './distance-blocks.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';

export interface DbcvOptions extends DistanceOptions {
  /** Dimensionality D of the core distance; defaults to X.cols, required for a dissimilarity. */
  dimension?: number;
  /** Largest number of clustered points accepted (memory ~ 8 sum |C|^2 bytes). */
  maxPoints?: number;
}

export interface DbcvResult {
  score: MetricResult;
  /** V(C) per compacted cluster (order of first appearance). */
  byCluster: Float64Array;
}

/**
 * DBCV of labeled points. O(n^2 d) time, O(sum |C|^2) memory.
 * A cluster of one point has no density (the reference fails there): NaN with a reason.
 * @throws RangeError on bad input, a missing `dimension` for a dissimilarity, or above maxPoints.
 */
export async function dbcv(
  input: Matrix | Dissimilarity,
  labels: Labels,
  options: DbcvOptions = {},
): Promise<DbcvResult> {
  const o = distanceOptions('dbcv', options);
  const n = pointCount(input);
  checkLabels('dbcv', labels, n);
  if (!isDissimilarity(input)) assertFinite(input, 'dbcv');
  const D = options.dimension ?? (isDissimilarity(input) ? undefined : input.cols);
  if (D === undefined || !(D > 0))
    throw new RangeError(`dbcv: dimension (${D}) must be a positive number (required for a dissimilarity)`);
  const c = clusterSizes(labels);
  const reason = internalDegeneracy(c, true);
  if (reason !== undefined)
    return { score: degenerate(reason), byCluster: new Float64Array(c.k).fill(Number.NaN) };
  if (c.sizes.some((s) => s < 2))
    return {
      score: degenerate('a cluster has a single point'),
      byCluster: new Float64Array(c.k).fill(Number.NaN),
    };
  const maxPoints = options.maxPoints ?? 10_000;
  if (n - c.noise > maxPoints)
    throw new RangeError(
      `dbcv: ${n - c.noise} clustered points exceed maxPoints (${maxPoints}); evaluate a sample`,
    );
  const { k, sizes } = c;
  const lab = c.labels;
  const position = new Int32Array(n);
  const filled = new Int32Array(k);
  for (let i = 0; i < n; i++) if (lab[i] >= 0) position[i] = filled[lab[i]]++;
  const within = Array.from(sizes, (s) => new Float64Array(s * s));
  await forEachDistanceBlock(input, o, (start, end, dist) => {
    for (let i = start; i < end; i++) {
      const a = lab[i];
      if (a < 0) continue;
      const row = (i - start) * n;
      const W = within[a];
      const s = sizes[a];
      for (let j = 0; j < n; j++) if (lab[j] === a) W[position[i] * s + position[j]] = dist[row + j];
    }
  });
  const core = new Float64Array(n);
  const coreOf = within.map((W, a) => allPointsCoreDistance(W, sizes[a], D));
  for (let i = 0; i < n; i++) if (lab[i] >= 0) core[i] = coreOf[lab[i]][position[i]];
  const internal: Uint8Array[] = [];
  const sparseness = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const tree = internalTree(within[a], coreOf[a], sizes[a]);
    internal.push(tree.internal);
    sparseness[a] = tree.sparseness;
  }
  const separation = new Float64Array(k * k).fill(Number.POSITIVE_INFINITY);
  await forEachDistanceBlock(input, o, (start, end, dist) => {
    for (let i = start; i < end; i++) {
      const a = lab[i];
      if (a < 0 || !internal[a][position[i]]) continue;
      const row = (i - start) * n;
      for (let j = 0; j < n; j++) {
        const b = lab[j];
        if (b < 0 || b === a || !internal[b][position[j]]) continue;
        const m = Math.max(dist[row + j], core[i], core[j]);
        if (m < separation[a * k + b]) separation[a * k + b] = m;
      }
    }
  });
  const byCluster = new Float64Array(k);
  let score = 0;
  for (let a = 0; a < k; a++) {
    let minSep = Number.POSITIVE_INFINITY;
    for (let b = 0; b < k; b++)
      if (b !== a) minSep = Math.min(minSep, separation[a * k + b], separation[b * k + a]);
    byCluster[a] = (minSep - sparseness[a]) / Math.max(minSep, sparseness[a]);
    score += (sizes[a] / n) * byCluster[a];
  }
  return { score: metricValue(score), byCluster };
}

/**
 * All-points core distances within one cluster from its s x s distance matrix. Scaled by the
 * smallest non-zero distance so (1/d)^D cannot overflow in high dimension (same value).
 */
export function allPointsCoreDistance(W: Float64Array, s: number, D: number): Float64Array {
  const core = new Float64Array(s);
  for (let i = 0; i < s; i++) {
    let m = Number.POSITIVE_INFINITY;
    for (let j = 0; j < s; j++) if (W[i * s + j] !== 0 && W[i * s + j] < m) m = W[i * s + j];
    let sum = 0;
    for (let j = 0; j < s; j++) if (W[i * s + j] !== 0) sum += (m / W[i * s + j]) ** D;
    core[i] = m * (sum / (s - 1)) ** (-1 / D);
  }
  return core;
}

/** Prim's MST on mutual reachability (dense, O(s^2)); internal nodes and the density sparseness. */
function internalTree(
  W: Float64Array,
  core: Float64Array,
  s: number,
): { internal: Uint8Array; sparseness: number } {
  const mr = (i: number, j: number) => Math.max(W[i * s + j], core[i], core[j]);
  const inTree = new Uint8Array(s);
  const best = new Float64Array(s).fill(Number.POSITIVE_INFINITY);
  const parent = new Int32Array(s).fill(-1);
  const degree = new Int32Array(s);
  const edges: [number, number, number][] = [];
  best[0] = 0;
  for (let step = 0; step < s; step++) {
    let u = -1;
    for (let v = 0; v < s; v++) if (!inTree[v] && (u < 0 || best[v] < best[u])) u = v;
    inTree[u] = 1;
    if (parent[u] >= 0) {
      edges.push([parent[u], u, best[u]]);
      degree[parent[u]]++;
      degree[u]++;
    }
    for (let v = 0; v < s; v++) {
      if (inTree[v]) continue;
      const w = mr(u, v);
      if (w < best[v]) {
        best[v] = w;
        parent[v] = u;
      }
    }
  }
  const internal = new Uint8Array(s);
  let any = false;
  for (let v = 0; v < s; v++) {
    if (degree[v] > 1) {
      internal[v] = 1;
      any = true;
    }
  }
  // The reference falls back to vertex 0 when no vertex has degree > 1 (a two-point cluster).
  if (!any) internal[0] = 1;
  const inner = edges.filter(([a, b]) => internal[a] && internal[b]);
  const used = inner.length > 0 ? inner : edges;
  let sparseness = Number.NEGATIVE_INFINITY;
  for (const [, , w] of used) sparseness = Math.max(sparseness, w);
  return { internal, sparseness };
}
