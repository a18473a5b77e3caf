/**
 * What happened to each cluster between two clusterings of consecutive windows. Clusters are
 * matched one to one by the Hungarian method on centroid distance (maxWeightAssignment of the
 * negated distances); membership overlap on the users present in both windows then names events:
 * - split: an old cluster sends at least `share` of its shared users to each of two or more new clusters;
 * - merge: a new cluster gets at least `share` of its shared users from each of two or more old clusters;
 * - survive: a matched pair, neither split nor merged, whose centroids are closer than `radius`
 *   times the pair's mean within-cluster distance;
 * - die (old) / born (new): every other cluster.
 */
import { maxWeightAssignment } from '../metrics/linear-assignment.js';

export type ClusterEventKind = 'survive' | 'split' | 'merge' | 'die' | 'born';

export interface ClusterEvent {
  kind: ClusterEventKind;
  /** Old clusters involved (window before). */
  from: number[];
  /** New clusters involved (window after). */
  to: number[];
}

export interface ClusterSide {
  k: number;
  cols: number;
  centroids: Float64Array;
  /** Mean distance of members to their centroid, per cluster. */
  meanDistance: Float64Array;
}

export interface ClusterEventOptions {
  share: number;
  radius: number;
}

export const CLUSTER_EVENT_DEFAULTS: Readonly<ClusterEventOptions> = { share: 0.3, radius: 1 };

/**
 * @param overlap kOld x kNew counts of shared users (old cluster, new cluster), row-major.
 * @throws RangeError on shape mismatches.
 */
export function clusterEvents(
  old: ClusterSide,
  next: ClusterSide,
  overlap: Float64Array,
  options: Partial<ClusterEventOptions> = {},
): { events: ClusterEvent[]; match: Int32Array } {
  const { share, radius } = { ...CLUSTER_EVENT_DEFAULTS, ...options };
  const a = old.k;
  const b = next.k;
  if (old.cols !== next.cols)
    throw new RangeError(`clusterEvents: centroid widths differ (${old.cols} vs ${next.cols})`);
  if (overlap.length !== a * b)
    throw new RangeError(`clusterEvents: overlap.length (${overlap.length}) != ${a} x ${b}`);
  const d = old.cols;
  const dist = new Float64Array(a * b);
  for (let i = 0; i < a; i++) {
    for (let j = 0; j < b; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (old.centroids[i * d + c] - next.centroids[j * d + c]) ** 2;
      dist[i * b + j] = Math.sqrt(s);
    }
  }
  const match = maxWeightAssignment(
    dist.map((v) => -v),
    a,
    b,
  );
  const rowSum = new Float64Array(a);
  const colSum = new Float64Array(b);
  for (let i = 0; i < a; i++)
    for (let j = 0; j < b; j++) {
      rowSum[i] += overlap[i * b + j];
      colSum[j] += overlap[i * b + j];
    }
  const events: ClusterEvent[] = [];
  const usedOld = new Uint8Array(a);
  const usedNew = new Uint8Array(b);
  for (let i = 0; i < a; i++) {
    const to: number[] = [];
    for (let j = 0; j < b; j++) if (rowSum[i] > 0 && overlap[i * b + j] >= share * rowSum[i]) to.push(j);
    if (to.length >= 2) {
      events.push({ kind: 'split', from: [i], to });
      usedOld[i] = 1;
      for (const j of to) usedNew[j] = 1;
    }
  }
  for (let j = 0; j < b; j++) {
    const from: number[] = [];
    for (let i = 0; i < a; i++) if (colSum[j] > 0 && overlap[i * b + j] >= share * colSum[j]) from.push(i);
    if (from.length >= 2) {
      events.push({ kind: 'merge', from, to: [j] });
      usedNew[j] = 1;
      for (const i of from) usedOld[i] = 1;
    }
  }
  for (let i = 0; i < a; i++) {
    const j = match[i];
    if (usedOld[i] || j < 0 || usedNew[j]) continue;
    const scale = radius * 0.5 * (old.meanDistance[i] + next.meanDistance[j]);
    if (dist[i * b + j] <= scale) {
      events.push({ kind: 'survive', from: [i], to: [j] });
      usedOld[i] = 1;
      usedNew[j] = 1;
    }
  }
  for (let i = 0; i < a; i++) if (!usedOld[i]) events.push({ kind: 'die', from: [i], to: [] });
  for (let j = 0; j < b; j++) if (!usedNew[j]) events.push({ kind: 'born', from: [], to: [j] });
  return { events, match };
}
