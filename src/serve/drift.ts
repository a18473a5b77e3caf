/**
 * Segment drift over time windows of a log, against a saved model:
 * - segment-size shift: the model's assignment of each window's active users, compared with the
 *   previous window (the first with the model's training sizes) by the population stability index;
 * - cluster events: each window re-clustered on its own (k-means, the model's k, a fixed seed),
 *   matched to the previous window's clusters with survive / split / merge / die / born events;
 * - user migration: for users active in both windows, model segment before x model segment after;
 * - alert: PSI above `psiThreshold`, or any event other than survive.
 */
import { KMeans } from '../cluster/kmeans.js';
import type { SequenceSet } from '../data/sequence-set.js';
import { type ClusterEvent, type ClusterSide, clusterEvents } from './cluster-events.js';
import { populationStability } from './population-stability.js';
import type { ServedModel } from './served-model.js';
import { assignToCentroids, segmentCentroids } from './segment-centroids.js';
import { timeWindows } from './time-windows.js';

export interface DriftOptions {
  /** Window length, seconds. */
  window: number;
  psiThreshold: number;
  seed: number;
}

export const DRIFT_DEFAULTS = { psiThreshold: 0.25, seed: 0 };

export interface DriftWindow {
  start: number;
  end: number;
  users: number;
  sizes: number[];
  psi: number;
  /** Against the previous window's re-clustering (empty for the first window). */
  events: ClusterEvent[];
  /** k x k counts, row = segment in the previous window, column = segment now. */
  migration: number[][];
  migrated_share: number;
  alert: boolean;
  reasons: string[];
}

/**
 * @throws RangeError for a bad window or threshold.
 * @example (await segmentDrift(served, seqs, { window: 86400 })).filter((w) => w.alert)
 */
export async function segmentDrift(
  model: ServedModel,
  seqs: SequenceSet,
  options: Partial<DriftOptions> & { window: number },
): Promise<DriftWindow[]> {
  const o = { ...DRIFT_DEFAULTS, ...options };
  if (!(o.psiThreshold > 0))
    throw new RangeError(`segmentDrift: psiThreshold (${o.psiThreshold}) must be > 0`);
  const k = model.model.clusters.k;
  let reference: ArrayLike<number> = model.model.clusters.size;
  let previous: { labels: Map<string, number>; refit: Map<string, number>; side: ClusterSide } | undefined;
  const out: DriftWindow[] = [];
  for (const w of timeWindows(seqs, o.window)) {
    const n = w.sequences.users.length;
    if (n === 0) continue;
    const X = await model.encode(w.sequences);
    const { segment } = await assignToCentroids(X, model.centroids);
    const sizes = new Array<number>(k).fill(0);
    for (const l of segment) sizes[l]++;
    const psi = populationStability(reference, sizes);
    const kw = Math.min(k, n);
    const km = await new KMeans({ k: kw, seed: o.seed, nInit: 3 }).fit(X);
    const refitLabels = Int32Array.from(km.labels);
    const c = segmentCentroids(X, refitLabels, kw);
    const side: ClusterSide = { k: kw, cols: X.cols, centroids: c.centroids, meanDistance: c.meanDistance };
    const labels = new Map(w.sequences.users.map((u, s) => [u, segment[s]]));
    const refit = new Map(w.sequences.users.map((u, s) => [u, refitLabels[s]]));
    const migration = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    let events: ClusterEvent[] = [];
    let shared = 0;
    let moved = 0;
    if (previous !== undefined) {
      const overlap = new Float64Array(previous.side.k * kw);
      for (const [u, l] of labels) {
        const before = previous.labels.get(u);
        if (before === undefined) continue;
        migration[before][l]++;
        shared++;
        if (before !== l) moved++;
        overlap[previous.refit.get(u)! * kw + refit.get(u)!]++;
      }
      events = clusterEvents(previous.side, side, overlap).events;
    }
    const reasons: string[] = [];
    if (psi > o.psiThreshold)
      reasons.push(`segment sizes shifted: PSI ${psi.toFixed(3)} > ${o.psiThreshold}`);
    for (const e of events)
      if (e.kind !== 'survive')
        reasons.push(`${e.kind}: ${e.from.join('+') || '-'} -> ${e.to.join('+') || '-'}`);
    out.push({
      start: w.start,
      end: w.end,
      users: n,
      sizes,
      psi,
      events,
      migration,
      migrated_share: shared > 0 ? moved / shared : Number.NaN,
      alert: reasons.length > 0,
      reasons,
    });
    reference = sizes;
    previous = { labels, refit, side };
  }
  return out;
}
