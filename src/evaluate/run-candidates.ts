/**
 * The expensive half of a protocol run: every candidate fit on every variant of the history log,
 * each result stored as one atomic record as soon as it exists. Work already in the store is not
 * redone, so an interrupted run resumes where it stopped and ends with identical records.
 * Order: variant by variant, encoder by encoder (one encoding in memory at a time), then the
 * algorithms of that encoder.
 */
import type { SequenceSet } from '../data/sequence-set.js';
import { readLabels } from '../io/labels-file.js';
import { InputError } from '../util/errors.js';
import { compactLabels, countClusters } from '../util/labels.js';
import type { DistanceMetric } from '../kernels/distance-metric.js';
import type { ProgressCallback } from '../util/progress.js';
import { randomSource } from '../util/random.js';
import { seedFor } from '../util/seed-for.js';
import { behaviorFacet } from './behavior-facet.js';
import { type BehaviorSpace, behaviorSpace } from './behavior-space.js';
import { type CandidateSpec, stepId } from './candidate-grid.js';
import { behaviorParts, behaviorScore } from './composite.js';
import {
  algorithmSeed,
  type Clustering,
  clusterWith,
  DEC,
  type Encoding,
  encodeWith,
  encoderFitSample,
  encoderFitSet,
  encoderSeed,
  fitDeepClustering,
  quadraticBound,
  type RowBound,
} from './fit-candidate.js';
import { type GeometryFacet, type GeometryTerms, geometryFacet } from './geometry-facet.js';
import type { ProtocolConfig } from './protocol-config.js';
import { protocolVariants, type Variant, variantSequences } from './protocol-variants.js';
import type { ResultStore } from './result-store.js';
import { sampleSequences } from './user-sample.js';

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
  /**
   * Null variants and `null-base` only: the behavior-facet score of the labels on that log, against
   * the real future of its users.
   */
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
  /** Seconds of fitting per variant kind (full, subsample, null), accumulated here. */
  timings?: Record<string, number>;
}

/** Record key of a candidate on a variant. */
export const recordKey = (candidateId: string, variant: string) => `${candidateId}/${variant}`;

/** Distance in an encoder's own space: cosine for embedding models, euclidean for the rest. */
export function encoderMetric(encoder: string): DistanceMetric {
  return encoder === 'item2vec' || encoder === 'transformer' || encoder === 'text' ? 'cosine' : 'euclidean';
}

/** Fit every candidate on every variant, skipping what the store already holds. Returns the variants. */
export async function runCandidates({
  history,
  future,
  candidates,
  config,
  store,
  onProgress,
  timings,
}: RunCandidatesOptions): Promise<Variant[]> {
  const variants = protocolVariants(history.users.length, config);
  const encoders = new Map<string, CandidateSpec[]>();
  for (const c of candidates) {
    const id = stepId(c.encoder);
    encoders.set(id, [...(encoders.get(id) ?? []), c]);
  }
  const total = variants.length * candidates.length;
  let done = 0;
  for (const variant of variants) {
    const started = performance.now();
    const kind = !('kind' in variant)
      ? 'fit_full'
      : variant.kind === 'subsample'
        ? 'fit_stability'
        : 'fit_null';
    // Built at most once per variant, and only when something of it is still to fit.
    let seqs: SequenceSet | undefined;
    let fitSeqs: SequenceSet | undefined;
    let spaces: ReturnType<typeof nullSpaces> | 'unset' = 'unset';
    const variantData = () => {
      seqs ??= variantSequences(history, variant, config.seed);
      if (spaces === 'unset') spaces = nullSpaces(seqs, variant, future);
      // One user sample per variant, shared by every encoder that is fit on a sample.
      const all = seqs;
      const sample = () => {
        fitSeqs ??= encoderFitSample(all, config, variant.name);
        return fitSeqs;
      };
      return { seqs, spaces, sample };
    };
    const bound: RowBound = quadraticBound(config, variant.name);
    for (const [encId, group] of encoders) {
      if (!variantApplies(group[0].encoder.name, variant)) {
        done += group.length;
        continue;
      }
      const pending = group.filter((c) => store.get(recordKey(c.id, variant.name)) === undefined);
      done += group.length - pending.length;
      if (pending.length === 0) continue;
      if (group[0].encoder.name === GIVEN) {
        for (const candidate of pending) {
          const labels = givenLabels(String(candidate.encoder.params.path), history.users);
          store.put(
            recordKey(candidate.id, variant.name),
            {
              k: countClusters(labels),
              encodeSeconds: 0,
              clusterSeconds: 0,
              peakRssMb: 0,
              info: {},
            } satisfies FitRecord,
            { labels },
          );
          done++;
        }
        continue;
      }
      const { seqs, spaces, sample } = variantData();
      const fitOn = encoderFitSet(group[0].encoder.name, seqs, sample);
      const encode = async (): Promise<{ encoding?: Encoding; error?: string }> => {
        onProgress?.({ task: `${variant.name}: encoding ${encId}`, done, total });
        try {
          return {
            encoding: await encodeWith(
              group[0].encoder,
              seqs,
              encoderSeed(config.seed, group[0].encoder, variant.name),
              fitOn,
            ),
          };
        } catch (error) {
          // Bad input (a vector file for other users, ...) stops the run; a parameter that does not fit
          // this data (more dimensions than tokens, ...) only disqualifies the candidate.
          if (!(error instanceof RangeError)) throw error;
          return { error: `encoder ${encId}: ${(error as Error).message}` };
        }
      };
      let encoded = await encode();
      // DEC trains the encoder's fit further in place, so it comes after every other algorithm.
      let fitConsumed = false;
      for (const candidate of [
        ...pending.filter((c) => c.algorithm.name !== DEC),
        ...pending.filter((c) => c.algorithm.name === DEC),
      ]) {
        onProgress?.({ task: `${variant.name}: ${candidate.id}`, done, total });
        const key = recordKey(candidate.id, variant.name);
        if (encoded.encoding === undefined) {
          store.put(
            key,
            {
              k: 0,
              error: encoded.error,
              encodeSeconds: 0,
              clusterSeconds: 0,
              peakRssMb: 0,
              info: {},
            } satisfies FitRecord,
            { labels: new Int32Array(seqs.users.length).fill(-1) },
          );
          done++;
          continue;
        }
        let record: Awaited<ReturnType<typeof fitOne>>;
        if (candidate.algorithm.name === DEC) {
          // A second DEC candidate needs the pretrained state again: the same fit, same seed, same result.
          if (fitConsumed) {
            release(encoded.encoding.encoder);
            encoded = await encode();
          }
          fitConsumed = true;
          const { encoding, clustering } = await fitDeepClustering(
            encoded.encoding!,
            candidate.algorithm,
            seqs,
            fitOn,
            algorithmSeed(config.seed, candidate.id, variant.name),
          );
          record = await fitOne(candidate, encoding, variant, spaces, config, { given: clustering });
        } else record = await fitOne(candidate, encoded.encoding, variant, spaces, config, { bound });
        store.put(key, record.record, { labels: record.labels });
        done++;
      }
      release(encoded.encoding?.encoder);
    }
    if (timings) timings[kind] = (timings[kind] ?? 0) + (performance.now() - started) / 1000;
  }
  onProgress?.({ task: 'fitting candidates', done: total, total });
  return variants;
}

/** Free what an encoder holds outside the JS heap (the transformer's tensors), once its vectors are taken. */
function release(encoder: unknown): void {
  (encoder as { dispose?: () => void } | undefined)?.dispose?.();
}

/** Whether a variant is scored as the null facet scores (a null log, or the null logs' unshuffled users). */
function nullScored(variant: Variant): boolean {
  return 'kind' in variant && (variant.kind === 'null' || variant.kind === 'null-base');
}

/** For a null-scored variant, its behavior space and the real future of the same users on the same dimensions. */
function nullSpaces(
  seqs: SequenceSet,
  variant: Variant,
  future: SequenceSet,
): { space: BehaviorSpace; future: BehaviorSpace } | undefined {
  if (!nullScored(variant)) return undefined;
  const space = behaviorSpace(seqs);
  const index = (variant as { index?: Int32Array }).index;
  return {
    space,
    future: behaviorSpace(index ? sampleSequences(future, index) : future, {
      buckets: space.buckets,
    }),
  };
}

/**
 * Which variants a candidate is refit on. Precomputed vectors cannot be recomputed on a null log
 * (the team's model is not here), so their null facet is not computed (nor its `null-base`
 * reference); their stability reruns recluster the given vectors of the subsample.
 */
export function variantApplies(encoder: string, variant: Variant): boolean {
  if (encoder === GIVEN) return variant.name === 'full';
  return !(encoder === 'precomputed' && nullScored(variant));
}

/**
 * The encoder name of a candidate that is a labeling brought from outside (`segscope evaluate
 * --labels`): `{ encoder: { name: 'given', params: { path } }, algorithm: { name: 'given' } }`.
 * It can be scored but not refit, so it has no stability and no null facet (NaN; the composite
 * renormalizes its weights over the facets it has, and the report says so).
 */
export const GIVEN = 'given';

/** Labels of a `given` candidate aligned to `users`. @throws InputError naming the file and the users it lacks. */
export function givenLabels(path: string, users: string[]): Int32Array {
  const file = readLabels(path);
  if (file.ids === undefined)
    throw new InputError('labels for evaluate need the user_id,label form', { file: path });
  const byUser = new Map<string, number>();
  file.ids.forEach((u, i) => {
    byUser.set(u, file.labels[i]);
  });
  const missing = users.filter((u) => !byUser.has(u));
  if (missing.length > 0)
    throw new InputError(
      `no label for ${missing.length} of ${users.length} users of the log (first: ${missing.slice(0, 3).join(', ')})`,
      { file: path, field: 'user_id' },
    );
  return compactLabels(users.map((u) => byUser.get(u)!)).labels;
}

async function fitOne(
  candidate: CandidateSpec,
  encoding: Encoding,
  variant: Variant,
  spaces: { space: BehaviorSpace; future: BehaviorSpace } | undefined,
  config: ProtocolConfig,
  { given, bound }: { given?: Clustering; bound?: RowBound },
): Promise<{ record: FitRecord; labels: Int32Array }> {
  const seed = algorithmSeed(config.seed, candidate.id, variant.name);
  let clustering: Clustering;
  try {
    clustering = given ?? (await clusterWith(candidate.algorithm, encoding.X, seed, bound));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const record: FitRecord = {
      k: 0,
      error: `${candidate.algorithm.name}: ${error.message}`,
      encodeSeconds: encoding.seconds,
      clusterSeconds: 0,
      peakRssMb: encoding.peakRssMb,
      info: {},
    };
    return { record, labels: new Int32Array(encoding.X.rows).fill(-1) };
  }
  const record: FitRecord = {
    k: clustering.k,
    encodeSeconds: encoding.seconds,
    clusterSeconds: clustering.seconds,
    peakRssMb: Math.max(encoding.peakRssMb, clustering.peakRssMb),
    // How many users the encoder was fit on, when a sample (the large-log bound `fitUsers`).
    info:
      encoding.fitUsers !== undefined && encoding.fitUsers < encoding.X.rows
        ? { ...clustering.info, encoderFitUsers: encoding.fitUsers }
        : clustering.info,
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
    const { facet } = behaviorFacet(space, clustering.labels, clustering.k, {
      permutations: 1,
      random: randomSource(seedFor(seed, 'chance')),
      future,
    });
    record.behaviorScore = behaviorScore(behaviorParts(facet));
  }
  return { record, labels: clustering.labels };
}
