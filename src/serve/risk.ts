/**
 * Risk users: a score in [0, 1] per user from two kinds of evidence, combined as independent
 * alarms, risk = 1 - (1 - outlier)(1 - rate)(1 - funnel):
 * - outlier: how far the user sits from the segment (GLOSH in [0, 1] for HDBSCAN, 1 for DBSCAN
 *   noise, and for centroid models 1 - exp(-z / 2) of z = distance beyond the segment's mean in
 *   standard deviations, see distanceOutlierScore);
 * - behavior rules, as soft thresholds sigma(2 log2(value / threshold)) (0.5 at the threshold):
 *   events per active hour (time between events shorter than `sessionGap`), and product views per
 *   purchase, pv / (buy + 1).
 */
import { BEHAVIOR_CODE, type SequenceSet } from '../data/sequence-set.js';
import { auroc } from '../evaluate/auroc.js';

export interface RiskRules {
  /** Events per active hour at which the rate alarm is one half. */
  eventsPerHour: number;
  /** Views per purchase at which the funnel alarm is one half. */
  viewsPerBuy: number;
  /** Gaps longer than this (seconds) are not active time. */
  sessionGap: number;
}

export const RISK_RULE_DEFAULTS: Readonly<RiskRules> = {
  eventsPerHour: 400,
  viewsPerBuy: 300,
  sessionGap: 1800,
};

/** Events per active hour and views per purchase of sequence s. O(events of s). */
export function behaviorRiskFeatures(
  seqs: SequenceSet,
  s: number,
  sessionGap = RISK_RULE_DEFAULTS.sessionGap,
): { eventsPerHour: number; viewsPerBuy: number } {
  const from = seqs.offsets[s];
  const to = seqs.offsets[s + 1];
  let active = 0;
  let views = 0;
  let buys = 0;
  for (let e = from; e < to; e++) {
    if (e > from) {
      const gap = seqs.ts[e] - seqs.ts[e - 1];
      if (gap < sessionGap) active += gap;
    }
    if (seqs.behaviors[e] === BEHAVIOR_CODE.pv) views++;
    if (seqs.behaviors[e] === BEHAVIOR_CODE.buy) buys++;
  }
  // An active span under a minute counts as a minute, so two events a second apart are not a flood.
  return { eventsPerHour: ((to - from) * 3600) / Math.max(60, active), viewsPerBuy: views / (buys + 1) };
}

/** Outlier part of the risk from a distance z-score (centroid models). */
export function outlierFromZ(z: number): number {
  return z === Number.POSITIVE_INFINITY ? 1 : 1 - Math.exp(-Math.max(0, z) / 2);
}

/**
 * Combined risk of sequence s given its outlier evidence in [0, 1].
 * @throws RangeError for non-positive thresholds or an outlier outside [0, 1].
 */
export function riskScore(
  seqs: SequenceSet,
  s: number,
  outlier: number,
  rules: Partial<RiskRules> = {},
): number {
  const r = { ...RISK_RULE_DEFAULTS, ...rules };
  if (!(r.eventsPerHour > 0 && r.viewsPerBuy > 0 && r.sessionGap > 0))
    throw new RangeError('riskScore: eventsPerHour, viewsPerBuy and sessionGap must be > 0');
  if (!(outlier >= 0 && outlier <= 1))
    throw new RangeError(`riskScore: outlier (${outlier}) must be in [0, 1]`);
  const f = behaviorRiskFeatures(seqs, s, r.sessionGap);
  const soft = (v: number, t: number) => (v <= 0 ? 0 : 1 / (1 + (t / v) ** 2));
  return (
    1 -
    (1 - outlier) * (1 - soft(f.eventsPerHour, r.eventsPerHour)) * (1 - soft(f.viewsPerBuy, r.viewsPerBuy))
  );
}

export interface RiskEvaluation {
  k: number;
  n_users: number;
  n_bots: number;
  /** Share of bots among the k highest risks (ties by user order). */
  precision_at_k: number;
  auroc: number;
}

/**
 * Risk scores judged against known bots (the generator's truth isBot).
 * @throws RangeError on a length mismatch or a bad k.
 * @example evaluateRisk(Float64Array.of(0.9, 0.1, 0.8), Uint8Array.of(1, 0, 0), 1) // precision_at_k 1
 */
export function evaluateRisk(scores: ArrayLike<number>, isBot: ArrayLike<number>, k: number): RiskEvaluation {
  if (scores.length !== isBot.length)
    throw new RangeError(`evaluateRisk: scores.length (${scores.length}) != isBot.length (${isBot.length})`);
  if (!(Number.isInteger(k) && k >= 1 && k <= scores.length))
    throw new RangeError(`evaluateRisk: k (${k}) must be an integer in [1, ${scores.length}]`);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[b] - scores[a] || a - b,
  );
  let hits = 0;
  for (let r = 0; r < k; r++) hits += isBot[order[r]] > 0 ? 1 : 0;
  let bots = 0;
  for (let i = 0; i < isBot.length; i++) bots += isBot[i] > 0 ? 1 : 0;
  return { k, n_users: scores.length, n_bots: bots, precision_at_k: hits / k, auroc: auroc(scores, isBot) };
}
