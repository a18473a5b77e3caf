/**
 * Running one candidate's two stages on one version of the log (the full history, a subsample, a
 * null log): encode with the encoder step, cluster with the algorithm step, timing both. The
 * encoder fit is shared by every algorithm of the same encoder step (DEC's pretraining included),
 * so it is done once per variant. On a large log the encoder may be fit on a sample of the users
 * (`fitOn`) and an O(n^2) algorithm on a sample of the rows (`bound`); every user is labeled.
 * The seeds and samples of a variant are derived here only (`encoderSeed`, `encoderFitSample`,
 * `quadraticBound`, ...), so `fitCandidate` (what `segscope export` calls) fits a candidate exactly
 * as `runCandidates` did.
 */
import type { Clusterer } from '../cluster/clusterer.js';
import { CLUSTERERS, type ClusterAlgo, createClusterer } from '../cluster/registry.js';
import type { SequenceSet } from '../data/sequence-set.js';
import type { Encoder } from '../encode/encoder.js';
import { createEncoder, encoderOptionNames } from '../encode/registry.js';
import type { TransformerEncoder } from '../encode/transformer.js';
import { countClusters } from '../util/labels.js';
import { type Matrix, selectRows } from '../util/matrix.js';
import { type Random, randomSource } from '../util/random.js';
import { seedFor } from '../util/seed-for.js';
import { type CandidateSpec, type Step, stepId } from './candidate-grid.js';
import type { ProtocolConfig } from './protocol-config.js';
import { extendLabels, QUADRATIC_ALGOS } from './sampled-clustering.js';
import { boundedSequences, userSample } from './user-sample.js';

export interface Encoding {
  X: Matrix;
  seconds: number;
  peakRssMb: number;
  /** The fitted encoder (DEC starts from a fitted transformer). */
  encoder?: Encoder;
  /** Users the encoder was fit on. */
  fitUsers?: number;
}

/**
 * Encoders whose fit learns from the log and may run on a sample of users. The others fit fast
 * (stats), learn nothing (text) or align to given users (precomputed): they are fit on all.
 */
export const SAMPLED_FIT_ENCODERS: readonly string[] = ['tfidf', 'counts', 'item2vec', 'transformer'];

export interface Clustering {
  labels: Int32Array;
  /** The fitted clusterer (its centroids, GLOSH scores, ...); absent for DEC. */
  clusterer?: Clusterer;
  k: number;
  seconds: number;
  peakRssMb: number;
  /** Extra state the clusterer exposes (inertia, log-likelihood, ...), recorded as is. */
  info: Record<string, number>;
}

/** Fit the encoder step on `fitOn` (default `seqs`; a sample of them on a large log) and transform `seqs`. */
export async function encodeWith(
  step: Step,
  seqs: SequenceSet,
  seed: number,
  fitOn: SequenceSet = seqs,
): Promise<Encoding> {
  const started = performance.now();
  const encoder = await createEncoder(step.name, withEncoderSeed(step.name, step.params, seed));
  await encoder.fit(fitOn);
  const X = await encoder.transform(seqs);
  return {
    X,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: rssMb(),
    encoder,
    fitUsers: fitOn.users.length,
  };
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

/** At most `maxRows` rows for an O(n^2) algorithm, drawn by `random` (called only when needed). */
export interface RowBound {
  maxRows: number;
  random: () => Random;
}

/**
 * Cluster the rows of X with the algorithm step. With `bound`, an O(n^2) algorithm on more rows
 * is fit on a sample of them and the others are assigned (sampled-clustering.ts); `info.fitRows`
 * then says how many it was fit on. Data-dependent parameters resolve on the rows fit.
 */
export async function clusterWith(
  step: Step,
  X: Matrix,
  seed: number,
  bound?: RowBound,
): Promise<Clustering> {
  const started = performance.now();
  const rows =
    bound !== undefined && QUADRATIC_ALGOS.includes(step.name) && X.rows > bound.maxRows
      ? userSample(X.rows, bound.maxRows, bound.random())
      : undefined;
  const Xfit = rows === undefined ? X : selectRows(X, rows);
  const clusterer: Clusterer = await createClusterer(
    step.name,
    withSeed(step.name, resolveParams(step, Xfit.rows), seed),
  );
  await clusterer.fit(Xfit);
  const labels = rows === undefined ? clusterer.labels : await extendLabels(clusterer, X, rows);
  const info: Record<string, number> = rows === undefined ? {} : { fitRows: rows.length };
  for (const key of ['inertia', 'logLikelihood', 'bic', 'aic', 'nIter']) {
    const v = (clusterer as unknown as Record<string, unknown>)[key];
    if (typeof v === 'number' && Number.isFinite(v)) info[key] = v;
  }
  return {
    labels,
    clusterer,
    k: countClusters(labels),
    seconds: (performance.now() - started) / 1000,
    peakRssMb: rssMb(),
    info,
  };
}

/**
 * DEC (deep clustering) starts from the transformer step's fitted encoder (`pretrained`, fit on
 * `fitOn`: its pretraining is that fit, shared) and trains it jointly with the dec step's params
 * (k, gamma, ...) on `fitOn`; every user of `seqs` is then labeled by its soft assignment. Returns
 * the labels and the jointly trained embedding of `seqs` (for the geometry facet); the joint
 * training is timed as the clustering, the shared fit as the encoding.
 */
export async function fitDeepClustering(
  pretrained: Encoding,
  algorithm: Step,
  seqs: SequenceSet,
  fitOn: SequenceSet,
  seed: number,
): Promise<{ encoding: Encoding; clustering: Clustering }> {
  const { DeepClusterer } = await import('../cluster/dec.js');
  const { hardAssignment, studentTAssignment } = await import('../cluster/dec-target.js');
  const started = performance.now();
  const params = resolveParams(algorithm, fitOn.users.length);
  const dec = await new DeepClusterer({
    ...(params as { k: number }),
    pretrained: pretrained.encoder as TransformerEncoder,
    seed,
  }).fitSequences(fitOn);
  // Every user: the jointly trained embedding, labeled as predictSequences does (one transform, not two).
  const X = fitOn === seqs ? dec.embedding : await dec.encoder.transform(seqs);
  const labels =
    fitOn === seqs
      ? dec.labels
      : hardAssignment(studentTAssignment(X, dec.centroids, dec.params.alpha as number));
  const seconds = (performance.now() - started) / 1000;
  return {
    encoding: {
      X,
      seconds: pretrained.seconds,
      peakRssMb: rssMb(),
      encoder: dec.encoder,
      fitUsers: fitOn.users.length,
    },
    clustering: {
      labels,
      k: countClusters(labels),
      seconds,
      peakRssMb: rssMb(),
      info: { iterations: dec.iterations },
    },
  };
}

/** DEC pairs only with the transformer encoder (whose fit it starts from). */
export const DEC = 'dec';

/** The settings that decide how a candidate is fit on a variant: the seed and the large-log bounds. */
export type FitBounds = Pick<ProtocolConfig, 'seed' | 'fitUsers' | 'quadraticFitUsers'>;

/** Seed of an encoder step's fit on a variant (shared by every algorithm of that step). */
export function encoderSeed(seed: number, encoder: Step, variant: string): number {
  return seedFor(seed, stepId(encoder), variant);
}

/** Seed of a candidate's clustering on a variant. */
export function algorithmSeed(seed: number, candidateId: string, variant: string): number {
  return seedFor(seed, candidateId, variant);
}

/**
 * The users encoders that learn from the log are fit on in a variant: at most `fitUsers` of `seqs`
 * (`seqs` itself when it has no more), one seeded sample per variant shared by all those encoders.
 */
export function encoderFitSample(seqs: SequenceSet, bounds: FitBounds, variant: string): SequenceSet {
  return boundedSequences(seqs, bounds.fitUsers, () =>
    randomSource(seedFor(bounds.seed, 'fit-users', variant)),
  ).seqs;
}

/** The users encoder step `encoder` is fit on: the variant's sample (`sample()`, built when needed) or all. */
export function encoderFitSet(encoder: string, seqs: SequenceSet, sample: () => SequenceSet): SequenceSet {
  return SAMPLED_FIT_ENCODERS.includes(encoder) ? sample() : seqs;
}

/** The `quadraticFitUsers` bound of a variant's O(n^2) clusterings, with its seeded row sample. */
export function quadraticBound(bounds: FitBounds, variant: string): RowBound {
  return {
    maxRows: bounds.quadraticFitUsers,
    random: () => randomSource(seedFor(bounds.seed, 'quadratic-users', variant)),
  };
}

/**
 * One candidate fit on one variant's sequences exactly as the protocol run fits it (`runCandidates`
 * composes the same calls, sharing the encoding across a step's algorithms): the encoder fit on
 * the bounded sample and every user transformed, then the bounded clustering, or DEC's joint
 * training. Same bounds, seed and variant name give the same labels, bit for bit.
 * @throws RangeError from a step whose parameters do not fit the data.
 */
export async function fitCandidate(
  candidate: Pick<CandidateSpec, 'id' | 'encoder' | 'algorithm'>,
  seqs: SequenceSet,
  bounds: FitBounds,
  variant: string,
): Promise<{ encoding: Encoding; clustering: Clustering }> {
  const fitOn = encoderFitSet(candidate.encoder.name, seqs, () => encoderFitSample(seqs, bounds, variant));
  const encoding = await encodeWith(
    candidate.encoder,
    seqs,
    encoderSeed(bounds.seed, candidate.encoder, variant),
    fitOn,
  );
  const seed = algorithmSeed(bounds.seed, candidate.id, variant);
  if (candidate.algorithm.name === DEC)
    return fitDeepClustering(encoding, candidate.algorithm, seqs, fitOn, seed);
  const clustering = await clusterWith(
    candidate.algorithm,
    encoding.X,
    seed,
    quadraticBound(bounds, variant),
  );
  return { encoding, clustering };
}

/** Add the seed for encoders that take one (stats is deterministic). */
export function withEncoderSeed(
  name: string,
  params: Record<string, unknown>,
  seed: number,
): Record<string, unknown> {
  const names = encoderOptionNames(name);
  return names === undefined || names.includes('seed') ? { ...params, seed } : params;
}

/** Add the seed for algorithms that take one (DBSCAN, agglomerative and HDBSCAN are deterministic). */
export function withSeed(
  algo: string,
  params: Record<string, unknown>,
  seed: number,
): Record<string, unknown> {
  return CLUSTERERS[algo as ClusterAlgo]?.accepts.includes('seed') ? { ...params, seed } : params;
}

function rssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
