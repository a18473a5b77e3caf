/**
 * `results.json`, the contract other tools read (issue: protocol output contract). Built from the
 * ranking; NaN values serialize as null. Every number here was computed by the protocol.
 */
import type { CleaningReport } from '../data/cleaning-report.js';
import type { Step } from './candidate-grid.js';
import type { CandidateFacets } from './candidate-facets.js';
import type { FacetScores } from './composite.js';
import type { ProtocolConfig } from './protocol-config.js';
import type { Ranking, Significance } from './rank-candidates.js';
import type { WinnerDetails } from './winner-details.js';

export interface CandidateResult {
  id: string;
  encoder: Step;
  algorithm: Step;
  n_clusters: number;
  noise_fraction: number;
  error?: string;
  facets: {
    geometry: CandidateFacets['geometry'];
    behavior: CandidateFacets['behavior'];
    stability: Omit<CandidateFacets['stability'], 'per_rerun'>;
    null: CandidateFacets['null'];
    downstream: CandidateFacets['downstream'];
    external?: CandidateFacets['external'];
    cost: CandidateFacets['cost'];
  };
  scores: FacetScores;
  score_intervals: Record<string, [number, number]>;
  composite: { value: number; ci_low: number; ci_high: number; reason?: string };
  rank: number;
  pareto: boolean;
  segment_sizes: number[];
  info: Record<string, number>;
}

/** One parameter-selection curve: candidates that differ only in `param`, in increasing order. */
export interface SelectionCurve {
  encoder: string;
  algorithm: string;
  param: string;
  points: {
    value: number;
    id: string;
    composite: number;
    silhouette: number;
    calinski_harabasz: number;
    davies_bouldin: number;
    stability: number;
  }[];
  best: string;
}

export interface ProtocolResults {
  version: string;
  dataset: {
    n_events: number;
    n_sequences: number;
    n_items: number;
    n_categories: number;
    n_history_users: number;
    n_future_users: number;
    cleaning: CleaningReport | null;
  };
  protocol: {
    seed: number;
    weights: ProtocolConfig['weights'];
    resamples: number;
    subsample_fraction: number;
    null_kinds: string[];
    null_replicates: number;
    bootstrap: number;
    permutations: number;
    alpha: number;
    top_k: number;
    /**
     * The large-log bounds (config) and what they came to on this log: users the encoders were
     * fit on (full history), in each stability rerun, in the history the null logs were built
     * from, and rows an O(n^2) algorithm was fit on (full history). Each equals the log's users
     * (times subsampleFraction for reruns) when the log is below the bound.
     */
    large_log: {
      fit_users: number;
      rerun_users: number;
      quadratic_fit_users: number;
      encoder_fit_sample: number;
      stability_subsample: number;
      null_log_users: number;
      quadratic_fit_sample: number;
    };
    /** Global cutoff (unix s); null for a leave-last-k holdout. */
    cutoff: number;
    cutoff_iso: string;
    holdout: { quantile: number } | { time: number } | { leaveLastK: number };
  };
  candidates: CandidateResult[];
  winner: string | null;
  tied_with_winner: string[];
  significance: Significance[];
  selection: SelectionCurve[];
  /** The winner's segments: profiles, tags, maps, silhouette plot (winner-details.ts); null without a winner. */
  winner_details: WinnerDetails | null;
  reproducibility: {
    inputs: { path: string; sha256: string; bytes: number }[];
    started: string;
    seconds: number;
    node: string;
    /** Seconds per phase of this invocation (fits per variant kind, each facet, ranking); a resumed run counts only what it redid. */
    timings: Record<string, number>;
    config: ProtocolConfig;
    /** How the log was read (loadSequences options), so `export` and a rerun can read it the same way. */
    load?: Record<string, unknown>;
  };
}

/** The candidate part of results.json. */
export function candidateResult(r: Ranking['candidates'][number]): CandidateResult {
  const f = r.facets;
  const sizes = new Array<number>(Math.max(0, f.k)).fill(0);
  for (const l of f.labels) if (l >= 0) sizes[l]++;
  const { per_rerun: _perRerun, ...stability } = f.stability;
  return {
    id: f.spec.id,
    encoder: f.spec.encoder,
    algorithm: f.spec.algorithm,
    n_clusters: f.k,
    noise_fraction: f.behavior.noise_fraction,
    ...(f.error !== undefined ? { error: f.error } : {}),
    facets: {
      geometry: f.geometry,
      behavior: f.behavior,
      stability,
      null: f.null,
      downstream: f.downstream,
      ...(f.external ? { external: f.external } : {}),
      cost: f.cost,
    },
    scores: r.scores,
    score_intervals: r.scoreIntervals,
    composite: r.composite,
    rank: r.rank,
    pareto: r.pareto,
    segment_sizes: sizes,
    info: f.info,
  };
}

/**
 * Parameter-selection curves: group candidates by encoder step and algorithm name with all params
 * equal but one numeric param (k, minClusterSize, eps, ...); keep groups of 2 or more.
 */
export function selectionCurves(candidates: CandidateResult[]): SelectionCurve[] {
  const groups = new Map<string, { c: CandidateResult; param: string; value: number }[]>();
  for (const c of candidates) {
    for (const param of Object.keys(c.algorithm.params)) {
      const value = c.algorithm.params[param];
      if (typeof value !== 'number') continue;
      const rest = Object.keys(c.algorithm.params)
        .filter((p) => p !== param)
        .sort()
        .map((p) => `${p}=${JSON.stringify(c.algorithm.params[p])}`);
      const key = JSON.stringify([c.encoder, c.algorithm.name, param, rest]);
      groups.set(key, [...(groups.get(key) ?? []), { c, param, value }]);
    }
  }
  const out: SelectionCurve[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.sort((a, b) => a.value - b.value);
    const best = members.reduce((a, b) =>
      nanLow(b.c.composite.value) > nanLow(a.c.composite.value) ? b : a,
    );
    out.push({
      encoder: members[0].c.id.split('+')[0],
      algorithm: members[0].c.algorithm.name,
      param: members[0].param,
      points: members.map(({ c, value }) => ({
        value,
        id: c.id,
        composite: c.composite.value,
        silhouette: c.facets.geometry.silhouette,
        calinski_harabasz: c.facets.geometry.calinski_harabasz,
        davies_bouldin: c.facets.geometry.davies_bouldin,
        stability: c.facets.stability.mean_jaccard,
      })),
      best: best.c.id,
    });
  }
  return out;
}

function nanLow(x: number): number {
  return Number.isNaN(x) ? Number.NEGATIVE_INFINITY : x;
}
