/**
 * The expensive half of a protocol run: every candidate fit on every variant of the history log,
 * each result stored as one atomic record as soon as it exists. Work already in the store is not
 * redone, so an interrupted run resumes where it stopped and ends with identical records.
 * Order: variant by variant, encoder by encoder (one encoding in memory at a time), then the
 * algorithms of that encoder.
 */
import type { SequenceSet } from '../data/sequence-set.js';
import type { DistanceMetric } from '../kernels/distance-metric.js';
import type { ProgressCallback } from '../util/progress.js';
import { randomSource } from '../util/random.js';
import { seedFor } from '../util/seed-for.js';
import { behaviorFacet } from './behavior-facet.js';
import { type BehaviorSpace, behaviorSpace } from './behavior-space.js';
import { type CandidateSpec, stepId } from './candidate-grid.js';
import { behaviorParts, behaviorScore } from './composite.js';
import { clusterWith, encodeWith } from './fit-candidate.js';
import { type GeometryFacet, type GeometryTerms, geometryFacet } from './geometry-facet.js';
import type { ProtocolConfig } from './protocol-config.js';
import { protocolVariants, type Variant, variantSequences } from './protocol-variants.js';
import type { ResultStore } from './result-store.js';

/** What is stored per candidate x variant (labels sit beside it as .labels.npy). */
export interface FitRecord {
  k: number;
  error?: string;
  encodeSeconds: number;
  clusterSeconds: number;
  peakRssMb: number;
  info: Record<string, number>;
  /** Full variant only. */
  geometry?: GeometryFacet;
  geometryTerms?: GeometryTerms;
  /** Null variants only: the behavior-facet score of the labels on the null log. */
  behaviorScore?: number;
}

export interface RunCandidatesOptions {
  history: SequenceSet;
  /** The same users after the cutoff (null variants are scored on how they predict it). */
  future: SequenceSet;
  candidates: CandidateSpec[];
  config: ProtocolConfig;
  store: ResultStore;
  onProgress?: ProgressCallback;
}

/** Record key of a candidate on a variant. */
export const recordKey = (candidateId: string, variant: string) => `${candidateId}/${variant}`;

/** Distance in an encoder's own space: cosine for embedding models, euclidean for the rest. */
export function encoderMetric(encoder: string): DistanceMetric {
  return encoder === 'item2vec' || encoder === 'transformer' || encoder === 'text' ? 'cosine' : 'euclidean';
}

/** Fit every candidate on every variant, skipping what the store already holds. Returns the variants. */
export async function runCandidates({ history, future, candidates, config, store, onProgress }: RunCandidatesOptions): Promise<Variant[]> {
  const variants = protocolVariants(history.users.length, config);
  const encoders = new Map<string, CandidateSpec[]>();
  for (const c of candidates) {
    const id = stepId(c.encoder);
    encoders.set(id, [...(encoders.get(id) ?? []), c]);
  }
  const total = variants.length * candidates.length;
  let done = 0;
  for (const variant of variants) {
    let seqs: SequenceSet | undefined;
    for (const [encId, group] of encoders) {
      const todo = group.filter((c) => store.get(recordKey(c.id, variant.name)) === undefined);
      done += group.length - todo.length;
      if (todo.length === 0) continue;
      seqs ??= variantSequences(history, variant, config.seed);
      onProgress?.({ task: `${variant.name}: encoding ${encId}`, done, total });
      let encoding: Awaited<ReturnType<typeof encodeWith>> | undefined;
      let encodeError: string | undefined;
      try {
        encoding = await encodeWith(group[0].encoder, seqs, seedFor(config.seed, encId, variant.name));
      } catch (error) {
        if (!(error instanceof RangeError) && !(error instanceof Error && error.name === 'InputError')) throw error;
        encodeError = `encoder ${encId}: ${(error as Error).message}`;
      }
      const space = 'kind' in variant && variant.kind === 'null' ? behaviorSpace(seqs) : undefined;
      const spaces = space ? { space, future: behaviorSpace(future, { buckets: space.buckets }) } : undefined;
      for (const candidate of todo) {
        onProgress?.({ task: `${variant.name}: ${candidate.id}`, done, total });
        const key = recordKey(candidate.id, variant.name);
        if (encoding === undefined) {
          store.put(key, { k: 0, error: encodeError, encodeSeconds: 0, clusterSeconds: 0, peakRssMb: 0, info: {} } satisfies FitRecord, { labels: new Int32Array(seqs.users.length).fill(-1) });
          done++;
          continue;
        }
        const record = await fitOne(candidate, encoding, variant, spaces, config);
        store.put(key, record.record, { labels: record.labels });
        done++;
      }
    }
  }
  onProgress?.({ task: 'fitting candidates', done: total, total });
  return variants;
}

async function fitOne(
  candidate: CandidateSpec,
  encoding: Awaited<ReturnType<typeof encodeWith>>,
  variant: Variant,
  spaces: { space: BehaviorSpace; future: BehaviorSpace } | undefined,
  config: ProtocolConfig,
): Promise<{ record: FitRecord; labels: Int32Array }> {
  const seed = seedFor(config.seed, candidate.id, variant.name);
  let clustering: Awaited<ReturnType<typeof clusterWith>>;
  try {
    clustering = await clusterWith(candidate.algorithm, encoding.X, seed);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const record: FitRecord = { k: 0, error: `${candidate.algorithm.name}: ${error.message}`, encodeSeconds: encoding.seconds, clusterSeconds: 0, peakRssMb: encoding.peakRssMb, info: {} };
    return { record, labels: new Int32Array(encoding.X.rows).fill(-1) };
  }
  const record: FitRecord = {
    k: clustering.k,
    encodeSeconds: encoding.seconds,
    clusterSeconds: clustering.seconds,
    peakRssMb: Math.max(encoding.peakRssMb, clustering.peakRssMb),
    info: clustering.info,
  };
  if (variant.name === 'full') {
    const random = randomSource(seedFor(seed, 'geometry'));
    const { facet, terms } = await geometryFacet(encoding.X, clustering.labels, clustering.k, {
      sample: config.geometrySample,
      permutations: config.permutations,
      metric: encoderMetric(candidate.encoder.name),
      random,
    });
    record.geometry = facet;
    record.geometryTerms = terms;
  } else if (spaces !== undefined) {
    const { space, future } = spaces;
    const { facet } = behaviorFacet(space, clustering.labels, clustering.k, { permutations: 1, random: randomSource(seedFor(seed, 'chance')), future });
    record.behaviorScore = behaviorScore(behaviorParts(facet), facet.noise_fraction);
  }
  return { record, labels: clustering.labels };
}
