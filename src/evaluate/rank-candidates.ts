/**
 * Turning facets into a decision: facet scores, the composite with bootstrap confidence intervals,
 * the ranking, paired bootstrap tests of the leader against every other candidate (Holm-corrected),
 * the statistically tied group and the Pareto front over facet scores.
 *
 * Bootstrap: the same user multiplicities for every candidate (paired). Per replicate, behavior,
 * downstream and geometry are re-aggregated from per-user terms; stability takes the replicate's
 * rerun (b mod reruns); null gaps stay fixed (their uncertainty is in their p-values).
 */
import { randomSource } from '../util/random.js';
import { seedFor } from '../util/seed-for.js';
import type { BehaviorSpace } from './behavior-space.js';
import { bootstrapWeights, percentileInterval } from './bootstrap.js';
import type { CandidateFacets } from './candidate-facets.js';
import {
  behaviorParts,
  behaviorScore,
  compositeScore,
  FACET_NAMES,
  type FacetScores,
  facetScores,
  MIN_HOLDOUT_USERS,
} from './composite.js';
import { downstreamSummary } from './downstream.js';
import { pairAgreementFrom } from './pair-agreement.js';
import { holm, pairedBootstrapP } from './paired-test.js';
import { paretoFront } from './pareto.js';
import type { ProtocolConfig } from './protocol-config.js';

export interface RankedCandidate {
  facets: CandidateFacets;
  scores: FacetScores;
  scoreIntervals: Record<string, [number, number]>;
  composite: { value: number; ci_low: number; ci_high: number; reason?: string };
  rank: number;
  pareto: boolean;
}

export interface Significance {
  leader: string;
  other: string;
  p_value: number;
  p_holm: number;
  tied: boolean;
}

export interface Ranking {
  candidates: RankedCandidate[];
  winner: string | null;
  tied_with_winner: string[];
  significance: Significance[];
}

/** Facet scores of a candidate, optionally under bootstrap weights `w` and rerun `r`. */
export function scoresOf(c: CandidateFacets, w?: Float64Array, rerun?: number): FacetScores {
  // Fewer than two segments is no segmentation (one group, or all noise): nothing to score.
  if (c.k < 2)
    return {
      geometry: Number.NaN,
      behavior: Number.NaN,
      stability: Number.NaN,
      null: Number.NaN,
      downstream: Number.NaN,
    };
  let parts = behaviorParts(c.behavior);
  let silhouette = c.geometry.adjusted_silhouette;
  let ds = c.downstream;
  let jaccard = c.stability.mean_jaccard;
  let ari = c.stability.rerun_ari;
  if (w !== undefined && c.k >= 1) {
    const t = c.behaviorTerms;
    parts = [
      pairAgreementFrom(t.pairCategory, w),
      pairAgreementFrom(t.pairTransition, w),
      pairAgreementFrom(t.pairProfile, w),
    ];
    const g = c.geometryTerms;
    if (g.rows.length > 0) {
      let s = 0;
      let m = 0;
      g.rows.forEach((row, i) => {
        s += w[row] * g.samples[i];
        m += w[row];
      });
      silhouette = m > 0 ? (s / m - g.chance) / (1 - g.chance) : Number.NaN;
    }
    ds = downstreamSummary(c.downstreamTerms, c.downstream.k, w);
    if (rerun !== undefined && c.stability.per_rerun.length > 0) {
      const pr = c.stability.per_rerun[rerun % c.stability.per_rerun.length];
      jaccard = pr.jaccard;
      ari = pr.ari;
    }
  }
  const scores = facetScores({
    adjustedSilhouette: silhouette,
    behavior: behaviorScore(parts),
    meanJaccard: jaccard,
    rerunAri: ari,
    nullGaps: Object.values(c.null.kinds).map((k) => k.gap),
    ndcgLift: ds.ndcg_lift,
    purchaseAuroc: ds.purchase_auroc,
    churnAuroc: ds.churn_auroc,
  });
  if (c.downstream.n_users_evaluated < MIN_HOLDOUT_USERS) scores.downstream = Number.NaN;
  return scores;
}

/** Rank candidates by composite, with bootstrap intervals, paired tests and the Pareto front. */
export function rankCandidates(
  all: CandidateFacets[],
  space: BehaviorSpace,
  config: ProtocolConfig,
): Ranking {
  const n = space.n;
  const weights = bootstrapWeights(n, config.bootstrap, randomSource(seedFor(config.seed, 'bootstrap')));
  const point = all.map((c) => scoresOf(c));
  const composite = point.map((s) => compositeScore(s, config.weights));
  const reps = all.map((c) => weights.map((w, b) => scoresOf(c, w, b)));
  const repComposite = reps.map((r) => r.map((s) => compositeScore(s, config.weights)));
  const order = all.map((_, i) => i).sort((a, b) => nanLast(composite[b]) - nanLast(composite[a]) || a - b);
  const rank = new Int32Array(all.length);
  order.forEach((i, r) => {
    rank[i] = r + 1;
  });
  const front = paretoFront(point.map((s) => FACET_NAMES.map((f) => s[f])));
  const candidates: RankedCandidate[] = all.map((c, i) => {
    const [lo, hi] = percentileInterval(repComposite[i]);
    const scoreIntervals: Record<string, [number, number]> = {};
    for (const f of FACET_NAMES) scoreIntervals[f] = percentileInterval(reps[i].map((s) => s[f]));
    const reason =
      c.error ?? (c.k === 0 ? 'no segment: every user is noise' : c.k === 1 ? 'one segment only' : undefined);
    return {
      facets: c,
      scores: point[i],
      scoreIntervals,
      composite: {
        value: composite[i],
        ci_low: lo,
        ci_high: hi,
        ...(reason && Number.isNaN(composite[i]) ? { reason } : {}),
      },
      rank: rank[i],
      pareto: front[i] && !Number.isNaN(composite[i]),
    };
  });
  const leader = order[0];
  if (leader === undefined || Number.isNaN(composite[leader]))
    return { candidates, winner: null, tied_with_winner: [], significance: [] };
  const others = order.slice(1).filter((i) => !Number.isNaN(composite[i]));
  const p = others.map((i) =>
    pairedBootstrapP(composite[leader] - composite[i], repComposite[leader], repComposite[i]),
  );
  const adjusted = holm(p);
  const significance = others.map((i, j) => ({
    leader: all[leader].spec.id,
    other: all[i].spec.id,
    p_value: p[j],
    p_holm: adjusted[j],
    tied: !(adjusted[j] < config.alpha),
  }));
  return {
    candidates,
    winner: all[leader].spec.id,
    tied_with_winner: significance.filter((s) => s.tied).map((s) => s.other),
    significance,
  };
}

function nanLast(x: number): number {
  return Number.isNaN(x) ? Number.NEGATIVE_INFINITY : x;
}
