/**
 * Fit a candidate (encoder step + algorithm step) on a whole log and build its saved model. Seeds
 * are derived as the protocol derives them for its `full` fit (seedFor(seed, step id, 'full')),
 * so the same results.json and log give the same model, bit for bit.
 */
import { createClusterer } from '../cluster/registry.js';
import type { SequenceSet } from '../data/sequence-set.js';
import { createEncoder } from '../encode/registry.js';
import { encoderState } from '../encode/encoder-state.js';
import { type Step, stepId } from '../evaluate/candidate-grid.js';
import { resolveParams, withEncoderSeed, withSeed } from '../evaluate/fit-candidate.js';
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
  const encoderSeed = seedFor(o.seed, stepId(o.encoder), 'full');
  const algorithmSeed = seedFor(o.seed, o.id, 'full');
  const encoderOptions = withEncoderSeed(o.encoder.name, o.encoder.params, encoderSeed);
  const encoder = await createEncoder(o.encoder.name, encoderOptions);
  await encoder.fit(seqs);
  const state = encoderState(o.encoder.name, encoderOptions, encoder);
  const X = await encoder.transform(seqs);
  const clusterer = createClusterer(
    o.algorithm.name,
    withSeed(o.algorithm.name, resolveParams(o.algorithm, n), algorithmSeed) as never,
  );
  await clusterer.fit(X);
  const labels = Int32Array.from(clusterer.labels);
  let k = 0;
  let noise = 0;
  for (const l of labels) {
    if (l + 1 > k) k = l + 1;
    if (l < 0) noise++;
  }
  const centroids = segmentCentroids(X, labels, k, fittedCentroids(clusterer, k, X.cols));
  const gloshScores = (clusterer as { outlierScores?: Float64Array }).outlierScores;
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
      encoder_seed: encoderSeed,
      algorithm_seed: algorithmSeed,
    },
    training: { users: n, events: seqs.items.length, items: nItems, latest_ts: latest, noise_users: noise },
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
function fittedCentroids(clusterer: object, k: number, cols: number): Matrix | undefined {
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
