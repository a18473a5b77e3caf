/**
 * The cheap half of a protocol run: from the stored fits, every facet of every candidate.
 * Facets 2 (behavior), 3 (stability), 4 (null), 5 (downstream), 6 (external) and 7 (cost) are
 * computed here from labels; facet 1 (geometry) was computed beside the fit, where the vectors were.
 */
import type { SequenceSet } from '../data/sequence-set.js';
import { adjustedMutualInfo } from '../metrics/adjusted-mutual-info.js';
import { normalizedClusteringAccuracy } from '../metrics/clustering-accuracy.js';
import { contingency } from '../metrics/contingency.js';
import { fowlkesMallows } from '../metrics/fowlkes-mallows.js';
import { normalizedMutualInfo } from '../metrics/mutual-info.js';
import { purity } from '../metrics/purity.js';
import { adjustedRand } from '../metrics/rand.js';
import { vMeasure } from '../metrics/v-measure.js';
import { randomSource } from '../util/random.js';
import { seedFor } from '../util/seed-for.js';
import { type BehaviorFacet, type BehaviorTerms, behaviorFacet } from './behavior-facet.js';
import type { BehaviorSpace } from './behavior-space.js';
import type { CandidateSpec } from './candidate-grid.js';
import { behaviorParts, behaviorScore } from './composite.js';
import { bestMatchJaccard } from './cluster-jaccard.js';
import { type DownstreamFacet, type DownstreamTerms, downstreamFacet } from './downstream.js';
import type { GeometryFacet, GeometryTerms } from './geometry-facet.js';
import type { ProtocolConfig } from './protocol-config.js';
import type { Variant } from './protocol-variants.js';
import type { ResultStore } from './result-store.js';
import { type FitRecord, recordKey } from './run-candidates.js';

export interface StabilityFacet {
  mean_jaccard: number;
  per_cluster_jaccard: number[];
  rerun_ari: number;
  reruns: number;
  /** Per rerun: size-weighted Jaccard and ARI, for bootstrap re-aggregation. */
  per_rerun: { jaccard: number; ari: number }[];
}

export interface NullFacet {
  /** The behavior score the null logs are compared with (what it is: `real_basis`). */
  real: number;
  /**
   * `history`: the null logs were built from every history user, and `real` is the candidate's own
   * behavior score (`scores.behavior`). `sample`: the log has more than `rerunUsers` users, the null
   * logs were built from a seeded sample of `users` of them, and `real` is the candidate refit on
   * that sample unshuffled (variant `null-base`, same bounds and scoring as the null logs), so it
   * differs from `scores.behavior` by the sample: like is compared with like.
   */
  real_basis: 'history' | 'sample';
  /** Users the null logs were built from (all history users unless the log has more than `rerunUsers`). */
  users: number;
  kinds: Record<
    string,
    {
      null_mean: number;
      null_sd: number;
      z: number;
      p_value: number;
      gap: number;
      replicates: number /** The replicates' behavior scores (for the null histogram). */;
      values: number[];
    }
  >;
}

export interface ExternalFacet {
  adjusted_rand: number;
  adjusted_mutual_info: number;
  normalized_mutual_info: number;
  v_measure: number;
  fowlkes_mallows: number;
  purity: number;
  normalized_clustering_accuracy: number;
}

export interface CostFacet {
  fit_seconds: number;
  encode_seconds: number;
  cluster_seconds: number;
  peak_rss_mb: number;
}

export interface CandidateFacets {
  spec: CandidateSpec;
  k: number;
  error?: string;
  labels: Int32Array;
  geometry: GeometryFacet;
  geometryTerms: GeometryTerms;
  behavior: BehaviorFacet;
  behaviorTerms: BehaviorTerms;
  stability: StabilityFacet;
  null: NullFacet;
  downstream: DownstreamFacet;
  downstreamTerms: DownstreamTerms;
  external?: ExternalFacet;
  cost: CostFacet;
  info: Record<string, number>;
}

export interface FacetInputs {
  history: SequenceSet;
  future: SequenceSet;
  space: BehaviorSpace;
  futureSpace: BehaviorSpace;
  truth?: Int32Array;
  config: ProtocolConfig;
  store: ResultStore;
  variants: Variant[];
  /** Seconds spent per facet, accumulated across candidates (for the cost report). */
  timings?: Record<string, number>;
}

function timed<T>(timings: Record<string, number> | undefined, name: string, work: () => T): T {
  const started = performance.now();
  const out = work();
  if (timings) timings[name] = (timings[name] ?? 0) + (performance.now() - started) / 1000;
  return out;
}

/** All facets of one candidate from its stored fits. */
export function candidateFacets(spec: CandidateSpec, input: FacetInputs): CandidateFacets {
  const { store, config } = input;
  const full = store.get<FitRecord>(recordKey(spec.id, 'full'))!;
  const labels = store.labels(recordKey(spec.id, 'full'));
  const k = full.k;
  const seed = seedFor(config.seed, spec.id, 'facets');
  const t = input.timings;
  const behavior = timed(t, 'behavior', () =>
    behaviorFacet(input.space, labels, k, {
      permutations: config.permutations,
      random: randomSource(seedFor(seed, 'chance')),
      future: input.futureSpace,
    }),
  );
  const downstream = timed(t, 'downstream', () =>
    downstreamFacet(input.history, input.future, labels, k, {
      k: config.topK,
      prior: 10,
      random: randomSource(seedFor(seed, 'folds')),
    }),
  );
  return {
    spec,
    k,
    ...(full.error !== undefined ? { error: full.error } : {}),
    labels,
    geometry: full.geometry ?? {
      silhouette: Number.NaN,
      calinski_harabasz: Number.NaN,
      davies_bouldin: Number.NaN,
      adjusted_silhouette: Number.NaN,
      silhouette_sample: 0,
      metric: 'euclidean',
    },
    geometryTerms: full.geometryTerms ?? { rows: [], samples: [], chance: Number.NaN },
    behavior: behavior.facet,
    behaviorTerms: behavior.terms,
    stability: timed(t, 'stability', () => stabilityFacet(spec, labels, k, input)),
    null: timed(t, 'null', () => nullFacet(spec, input, behaviorScore(behaviorParts(behavior.facet)))),
    downstream: downstream.facet,
    downstreamTerms: downstream.terms,
    ...(input.truth ? { external: timed(t, 'external', () => externalFacet(input.truth!, labels)) } : {}),
    cost: {
      fit_seconds: full.encodeSeconds + full.clusterSeconds,
      encode_seconds: full.encodeSeconds,
      cluster_seconds: full.clusterSeconds,
      peak_rss_mb: full.peakRssMb,
    },
    info: full.info,
  };
}

function stabilityFacet(
  spec: CandidateSpec,
  labels: Int32Array,
  k: number,
  { store, variants }: FacetInputs,
): StabilityFacet {
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  const perRerun: { jaccard: number; ari: number }[] = [];
  const sizes = new Float64Array(k);
  for (const l of labels) if (l >= 0) sizes[l]++;
  for (const v of variants) {
    if (!('kind' in v) || v.kind !== 'subsample') continue;
    const key = recordKey(spec.id, v.name);
    const rec = store.get<FitRecord>(key);
    if (rec === undefined || rec.error !== undefined) continue;
    const rerun = store.labels(key);
    const j = bestMatchJaccard(labels, k, v.index, rerun);
    let wj = 0;
    let ws = 0;
    j.forEach((x, c) => {
      if (Number.isNaN(x)) return;
      sums[c] += x;
      counts[c] += 1;
      wj += sizes[c] * x;
      ws += sizes[c];
    });
    const ari = adjustedRand(
      contingency(
        Int32Array.from(v.index, (i) => labels[i]),
        rerun,
      ),
    );
    perRerun.push({ jaccard: ws > 0 ? wj / ws : Number.NaN, ari });
  }
  const perCluster = Array.from(sums, (s, c) => (counts[c] > 0 ? s / counts[c] : Number.NaN));
  let wj = 0;
  let ws = 0;
  perCluster.forEach((x, c) => {
    if (!Number.isNaN(x)) {
      wj += sizes[c] * x;
      ws += sizes[c];
    }
  });
  const aris = perRerun.map((r) => r.ari).filter((x) => !Number.isNaN(x));
  return {
    mean_jaccard: ws > 0 ? wj / ws : Number.NaN,
    per_cluster_jaccard: perCluster,
    rerun_ari: aris.length > 0 ? aris.reduce((a, b) => a + b, 0) / aris.length : Number.NaN,
    reruns: perRerun.length,
    per_rerun: perRerun,
  };
}

/**
 * The null facet. `behavior` is the candidate's behavior score on every history user: the
 * reference when the null logs were built from all of them; otherwise the reference is the
 * `null-base` refit (see `NullFacet.real_basis`).
 */
function nullFacet(
  spec: CandidateSpec,
  { store, variants, history }: FacetInputs,
  behavior: number,
): NullFacet {
  const base = variants.find((v) => 'kind' in v && v.kind === 'null-base') as
    | { name: string; index: Int32Array }
    | undefined;
  const real =
    base === undefined
      ? behavior
      : (store.get<FitRecord>(recordKey(spec.id, base.name))?.behaviorScore ?? Number.NaN);
  const byKind = new Map<string, number[]>();
  for (const v of variants) {
    if (!('kind' in v) || v.kind !== 'null') continue;
    const rec = store.get<FitRecord>(recordKey(spec.id, v.name));
    if (rec?.behaviorScore === undefined || Number.isNaN(rec.behaviorScore)) continue;
    byKind.set(v.nullKind, [...(byKind.get(v.nullKind) ?? []), rec.behaviorScore]);
  }
  const kinds: NullFacet['kinds'] = {};
  for (const [kind, values] of byKind) {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd =
      values.length > 1
        ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1))
        : Number.NaN;
    const atLeast = values.filter((x) => x >= real).length;
    kinds[kind] = {
      null_mean: mean,
      null_sd: sd,
      z: sd > 0 ? (real - mean) / sd : Number.NaN,
      p_value: (1 + atLeast) / (values.length + 1),
      gap: real > 0 ? (real - mean) / real : Number.NaN,
      replicates: values.length,
      values,
    };
  }
  return {
    real,
    real_basis: base === undefined ? 'history' : 'sample',
    users: base?.index.length ?? history.users.length,
    kinds,
  };
}

function externalFacet(truth: Int32Array, labels: Int32Array): ExternalFacet {
  const table = contingency(truth, labels);
  return {
    adjusted_rand: adjustedRand(table),
    adjusted_mutual_info: adjustedMutualInfo(table),
    normalized_mutual_info: normalizedMutualInfo(table),
    v_measure: vMeasure(table),
    fowlkes_mallows: fowlkesMallows(table),
    purity: purity(table),
    normalized_clustering_accuracy: normalizedClusteringAccuracy(table),
  };
}
