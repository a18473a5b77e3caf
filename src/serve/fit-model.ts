/**
 * Fit a candidate (encoder step + algorithm step) on a log and build its saved model. The fit is the
 * protocol's own `full` fit (fitCandidate: the same seeds, seedFor(seed, step id, 'full'), the same
 * large-log bounds and the same seeded samples), so on the history a run fit its candidates on, it
 * gives the run's labels bit for bit, and the same results.json and log give the same model.
 */
import type { Clusterer } from '../cluster/clusterer.js';
import type { SequenceSet } from '../data/sequence-set.js';
import { encoderState } from '../encode/encoder-state.js';
import type { Step } from '../evaluate/candidate-grid.js';
import { encoderSeed, type FitBounds, fitCandidate, withEncoderSeed } from '../evaluate/fit-candidate.js';
import { DEFAULT_PROTOCOL } from '../evaluate/protocol-config.js';
import { segmentProfiles } from '../evaluate/segment-profiles.js';
import { segmentTags } from '../evaluate/segment-tags.js';
import type { Matrix } from '../util/matrix.js';
import { seedFor } from '../util/seed-for.js';
import { SEGSCOPE_VERSION } from '../util/version.js';
import { outlierFromZ, RISK_RULE_DEFAULTS, riskScore } from './risk.js';
import {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type FittedUsers,
  type SavedModel,
  type ScoredItem,
} from './saved-model.js';
import { distanceOutlierScore, segmentCentroids } from './segment-centroids.js';
import { segmentItemScores } from './segment-items.js';

export interface FitModelOptions {
  id: string;
  encoder: Step;
  algorithm: Step;
  /** The protocol seed (results.json reproducibility.config.seed). */
  seed: number;
  /**
   * The large-log bounds of the run (results.json reproducibility.config `fitUsers`,
   * `quadraticFitUsers`); default the protocol's defaults, as `segscope run` uses them.
   */
  bounds?: Partial<Pick<FitBounds, 'fitUsers' | 'quadraticFitUsers'>>;
  /** Items kept per segment list. */
  topItems?: number;
}

/**
 * @throws RangeError for an encoder whose state cannot be saved, or parameters that do not fit the data.
 * @example const { model } = await fitModel(seqs, { id, encoder: { name: 'stats', params: {} }, algorithm: { name: 'kmeans', params: { k: 4 } }, seed: 42 });
 */
export async function fitModel(
  seqs: SequenceSet,
  o: FitModelOptions,
): Promise<{ model: SavedModel; fitted: FittedUsers }> {
  const n = seqs.users.length;
  const bounds: FitBounds = {
    seed: o.seed,
    fitUsers: o.bounds?.fitUsers ?? DEFAULT_PROTOCOL.fitUsers,
    quadraticFitUsers: o.bounds?.quadraticFitUsers ?? DEFAULT_PROTOCOL.quadraticFitUsers,
  };
  const { encoding, clustering } = await fitCandidate(
    { id: o.id, encoder: o.encoder, algorithm: o.algorithm },
    seqs,
    bounds,
    'full',
  );
  const encoderOptions = withEncoderSeed(
    o.encoder.name,
    o.encoder.params,
    encoderSeed(o.seed, o.encoder, 'full'),
  );
  const state = encoderState(o.encoder.name, encoderOptions, encoding.encoder!);
  const X = encoding.X;
  const labels = Int32Array.from(clustering.labels);
  let k = 0;
  let noise = 0;
  for (const l of labels) {
    if (l + 1 > k) k = l + 1;
    if (l < 0) noise++;
  }
  // A clusterer fit on a sample of rows (quadraticFitUsers) holds state for those rows only.
  const clusterFitRows = clustering.info.fitRows ?? n;
  const whole = clusterFitRows === n ? clustering.clusterer : undefined;
  const centroids = segmentCentroids(X, labels, k, whole && fittedCentroids(whole, k, X.cols));
  const gloshScores = (whole as { outlierScores?: Float64Array } | undefined)?.outlierScores;
  const risk = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const l = labels[s];
    let outlier: number;
    if (gloshScores !== undefined) outlier = gloshScores[s];
    else if (l < 0) outlier = 1;
    else
      outlier = outlierFromZ(distanceOutlierScore(centroids, l, rowDistance(X, s, centroids.centroids, l)));
    risk[s] = riskScore(seqs, s, Math.min(1, Math.max(0, outlier)));
  }
  const top = o.topItems ?? 100;
  const nItems = seqs.itemVocab.length;
  const scores = segmentItemScores(seqs, labels, k);
  const list = (g: number): ScoredItem[] => {
    const row = scores.subarray(g * nItems, (g + 1) * nItems);
    const pop = scores.subarray(k * nItems);
    const order = Array.from({ length: nItems }, (_, i) => i).filter((i) => row[i] > 0);
    order.sort((a, b) => row[b] - row[a] || pop[b] - pop[a] || a - b);
    return order.slice(0, top).map((i) => ({ item: seqs.itemVocab[i], score: row[i] }));
  };
  let latest = Number.NEGATIVE_INFINITY;
  for (const t of seqs.ts) if (t > latest) latest = t;
  const model: SavedModel = {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    segscope_version: SEGSCOPE_VERSION,
    candidate: {
      id: o.id,
      encoder: o.encoder,
      algorithm: o.algorithm,
      encoder_seed: encoderSeed(o.seed, o.encoder, 'full'),
      algorithm_seed: seedFor(o.seed, o.id, 'full'),
    },
    training: {
      users: n,
      events: seqs.items.length,
      items: nItems,
      latest_ts: latest,
      noise_users: noise,
      bounds: {
        fit_users: bounds.fitUsers,
        quadratic_fit_users: bounds.quadraticFitUsers,
        encoder_fit_sample: encoding.fitUsers ?? n,
        cluster_fit_rows: clusterFitRows,
      },
    },
    encoder: state,
    clusters: {
      k,
      cols: centroids.cols,
      source: centroids.source,
      centroids: [...centroids.centroids],
      size: [...centroids.size],
      meanDistance: [...centroids.meanDistance],
      sdDistance: [...centroids.sdDistance],
    },
    profiles: segmentProfiles(seqs, labels, k),
    tags: segmentTags(seqs, labels, k),
    items: { per_segment: Array.from({ length: k }, (_, g) => list(g)), popularity: list(k) },
    risk: { ...RISK_RULE_DEFAULTS },
  };
  return { model, fitted: { users: [...seqs.users], labels, risk } };
}

/** The clusterer's own centroids (k-means, mini-batch k-means) or means (GMM), when it has them. */
function fittedCentroids(clusterer: Clusterer, k: number, cols: number): Matrix | undefined {
  const c = clusterer as { centroids?: Matrix; means?: Float64Array };
  // Under cosine, k-means centroids are unit vectors of normalized rows, not of X: use segment means.
  const metric = (clusterer as { params?: { metric?: string } }).params?.metric;
  if (metric === 'cosine') return undefined;
  if (c.centroids !== undefined && c.centroids.rows === k) return c.centroids;
  if (c.means instanceof Float64Array && c.means.length === k * cols)
    return { rows: k, cols, data: Float32Array.from(c.means) };
  return undefined;
}

function rowDistance(X: Matrix, i: number, centroids: Float64Array, l: number): number {
  let s = 0;
  for (let j = 0; j < X.cols; j++) s += (X.data[i * X.cols + j] - centroids[l * X.cols + j]) ** 2;
  return Math.sqrt(s);
}
