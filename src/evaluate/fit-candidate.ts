/**
 * Running one candidate's two stages on one version of the log (the full history, a subsample, a
 * null log): encode with the encoder step, cluster with the algorithm step, timing both. The
 * encoder fit is shared by every algorithm of the same encoder step, so it is done once per variant.
 */
import type { Clusterer } from '../cluster/clusterer.js';
import { CLUSTERERS, type ClusterAlgo, createClusterer } from '../cluster/registry.js';
import type { SequenceSet } from '../data/sequence-set.js';
import { createEncoder, encoderOptionNames } from '../encode/registry.js';
import { countClusters } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import type { Step } from './candidate-grid.js';

export interface Encoding {
  X: Matrix;
  seconds: number;
  peakRssMb: number;
}

export interface Clustering {
  labels: Int32Array;
  k: number;
  seconds: number;
  peakRssMb: number;
  /** Extra state the clusterer exposes (inertia, log-likelihood, ...), recorded as is. */
  info: Record<string, number>;
}

/** Fit the encoder step on `seqs` and transform them. */
export async function encodeWith(step: Step, seqs: SequenceSet, seed: number): Promise<Encoding> {
  const started = performance.now();
  const encoder = await createEncoder(step.name, withEncoderSeed(step.name, step.params, seed));
  await encoder.fit(seqs);
  const X = await encoder.transform(seqs);
  return { X, seconds: (performance.now() - started) / 1000, peakRssMb: rssMb() };
}

/**
 * Resolve data-dependent parameters: `minClusterSize: 'auto'` becomes max(5, round(n / 40)), and
 * `k` is capped at n - 1 so a small subsample never asks for more clusters than points.
 */
export function resolveParams(step: Step, n: number): Record<string, unknown> {
  const p: Record<string, unknown> = { ...step.params };
  if (p.minClusterSize === 'auto') p.minClusterSize = Math.max(5, Math.round(n / 40));
  if (typeof p.k === 'number' && p.k >= n) p.k = Math.max(1, n - 1);
  return p;
}

/** Cluster the rows of X with the algorithm step. */
export async function clusterWith(step: Step, X: Matrix, seed: number): Promise<Clustering> {
  const started = performance.now();
  const clusterer: Clusterer = await createClusterer(step.name, withSeed(step.name, resolveParams(step, X.rows), seed));
  await clusterer.fit(X);
  const labels = clusterer.labels;
  const info: Record<string, number> = {};
  for (const key of ['inertia', 'logLikelihood', 'bic', 'aic', 'nIter']) {
    const v = (clusterer as unknown as Record<string, unknown>)[key];
    if (typeof v === 'number' && Number.isFinite(v)) info[key] = v;
  }
  return { labels, k: countClusters(labels), seconds: (performance.now() - started) / 1000, peakRssMb: rssMb(), info };
}

/**
 * DEC (deep clustering) owns its encoder: the transformer step's params configure the encoder it
 * pretrains, the dec step's params (k, gamma, ...) the joint training. Returns the labels and the
 * jointly trained embedding (for the geometry facet), timed as one fit.
 */
export async function fitDeepClustering(encoder: Step, algorithm: Step, seqs: SequenceSet, seed: number): Promise<{ encoding: Encoding; clustering: Clustering }> {
  const { DeepClusterer } = await import('../cluster/dec.js');
  const started = performance.now();
  const params = resolveParams(algorithm, seqs.users.length);
  const dec = await new DeepClusterer({ ...(params as { k: number }), encoder: { ...encoder.params, seed }, seed }).fitSequences(seqs);
  const seconds = (performance.now() - started) / 1000;
  const labels = dec.labels;
  return {
    encoding: { X: dec.embedding, seconds, peakRssMb: rssMb() },
    clustering: { labels, k: countClusters(labels), seconds: 0, peakRssMb: rssMb(), info: { iterations: dec.iterations } },
  };
}

/** DEC pairs only with the transformer encoder (whose params configure the encoder it owns). */
export const DEC = 'dec';

/** Add the seed for encoders that take one (stats is deterministic). */
export function withEncoderSeed(name: string, params: Record<string, unknown>, seed: number): Record<string, unknown> {
  const names = encoderOptionNames(name);
  return names === undefined || names.includes('seed') ? { ...params, seed } : params;
}

/** Add the seed for algorithms that take one (DBSCAN, agglomerative and HDBSCAN are deterministic). */
export function withSeed(algo: string, params: Record<string, unknown>, seed: number): Record<string, unknown> {
  return CLUSTERERS[algo as ClusterAlgo]?.accepts.includes('seed') ? { ...params, seed } : params;
}

function rssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
