/**
 * From facets to one number. Each facet is first mapped to a score in [0, 1] that is comparable
 * across encoders and k (out of sample, chance-adjusted, or a rate), then the composite is the
 * weighted GEOMETRIC mean of the facets that could be computed (weights renormalized over them),
 * each score floored at `FLOOR` (0.05) first. A geometric mean lets no facet buy back another: a
 * segmentation that is perfectly stable but explains nothing, or well separated in its own space
 * but useless downstream, scores near zero, which an arithmetic mean would not do.
 * The mapping, in words:
 * - geometry: chance-adjusted silhouette in the candidate's own space;
 * - behavior: the largest of the held-out pair agreements in categories, transitions and activity
 *   profile (do users put together on history behave alike after the cutoff?);
 * - stability: mean of the size-weighted per-cluster Jaccard and the ARI between reruns;
 * - null: mean over null kinds of the share of the behavior score NOT reproduced on the null log;
 * - downstream: mean of tanh(ln NDCG lift) (0 at no lift) and the AUROC gains 2(AUROC - 0.5) for
 *   next-period purchase and churn, each clipped to [0, 1].
 */
import type { BehaviorFacet } from './behavior-facet.js';
import type { FacetWeights } from './protocol-config.js';

export type FacetName = keyof FacetWeights;
export const FACET_NAMES: readonly FacetName[] = ['geometry', 'behavior', 'stability', 'null', 'downstream'];

export type FacetScores = Record<FacetName, number>;

/**
 * Fewer users active after the cutoff than this and the out-of-sample parts (behavior, downstream)
 * are not scored: a rate over a handful of users is noise, not evidence.
 */
export const MIN_HOLDOUT_USERS = 20;

/** Scores below this count as this in the geometric mean (so one zero does not erase all else). */
export const FLOOR = 0.05;

/** The inputs each facet score is read from (NaN where a facet was not computed). */
export interface FacetScoreInputs {
  adjustedSilhouette: number;
  /** From `behaviorScore`. */
  behavior: number;
  meanJaccard: number;
  rerunAri: number;
  nullGaps: number[];
  ndcgLift: number;
  purchaseAuroc: number;
  churnAuroc: number;
}

const clip01 = (x: number) => (Number.isNaN(x) ? Number.NaN : Math.min(1, Math.max(0, x)));

function meanOf(values: number[]): number {
  const v = values.filter((x) => !Number.isNaN(x));
  return v.length === 0 ? Number.NaN : v.reduce((a, b) => a + b, 0) / v.length;
}

/** The out-of-sample parts of the behavior facet that its score takes the largest of. */
export function behaviorParts(
  f: Pick<BehaviorFacet, 'pair_category' | 'pair_transition' | 'pair_profile'>,
): number[] {
  return [f.pair_category, f.pair_transition, f.pair_profile];
}

/**
 * Behavior score: the largest of the clipped parts (held-out pair agreements). The largest, not the
 * mean: segments may rightly differ in only one respect (what they buy, in what order, or how
 * actively), and a part that shows no structure would otherwise dilute the one that does. Noise
 * users need no separate penalty: they are in no segment, so their similar pairs count against.
 */
export function behaviorScore(parts: number[]): number {
  const v = parts.map(clip01).filter((x) => !Number.isNaN(x));
  return v.length === 0 ? Number.NaN : Math.max(...v);
}

/** Map facet inputs to scores in [0, 1]. */
export function facetScores(f: FacetScoreInputs): FacetScores {
  return {
    geometry: clip01(f.adjustedSilhouette),
    behavior: f.behavior,
    stability: clip01(meanOf([f.meanJaccard, clip01(f.rerunAri)])),
    null: clip01(meanOf(f.nullGaps.map(clip01))),
    downstream: clip01(
      meanOf([
        clip01(Math.tanh(Math.log(f.ndcgLift))),
        clip01(2 * (f.purchaseAuroc - 0.5)),
        clip01(2 * (f.churnAuroc - 0.5)),
      ]),
    ),
  };
}

/**
 * Weighted geometric mean of the non-NaN facet scores (floored at FLOOR); NaN if none is available.
 * Behavior is also a gate: a labeling whose behavior score is below FLOOR (no held-out agreement in
 * any part: users put together do not behave alike afterwards) scores FLOOR, whatever its other
 * facets. Such candidates tie at the bottom: how stable or how cheap a segmentation that explains no
 * behavior is does not make it better than another such one.
 */
export function compositeScore(scores: FacetScores, weights: FacetWeights): number {
  if (weights.behavior > 0 && scores.behavior < FLOOR) return FLOOR;
  let s = 0;
  let w = 0;
  for (const name of FACET_NAMES) {
    if (Number.isNaN(scores[name]) || weights[name] === 0) continue;
    s += weights[name] * Math.log(Math.max(FLOOR, scores[name]));
    w += weights[name];
  }
  return w > 0 ? Math.exp(s / w) : Number.NaN;
}
