/**
 * Facet 5, downstream validity on a temporal holdout: is a segment useful for what comes next?
 * The candidate was fit on `history`; for every user also active in `future`:
 * - recommendation: all items ranked by the user's segment popularity (full ranking), scored
 *   against the set of items the user touched after the cutoff: HR@K, NDCG@K (binary relevance),
 *   MRR (reciprocal full rank of the best-ranked future item); the same for global popularity, and
 *   the lifts (segment / popularity);
 * - purchase: does the segment predict who buys after the cutoff? AUROC of the segment's buy rate;
 * - churn: does it predict who is absent after the cutoff (over all history users)? AUROC.
 * Segment rates are cross-fitted over two random folds (each user scored by the other fold's rate,
 * shrunk to the population rate with `prior` pseudo-users), so a segmentation gets no credit for
 * memorizing its own outcomes. Noise users get the population ranking and rate.
 */
import { BEHAVIOR_CODE, type SequenceSet } from '../data/sequence-set.js';
import type { Random } from '../util/random.js';
import { auroc } from './auroc.js';
import { segmentRankings } from './segment-ranking.js';

export interface DownstreamOptions {
  /** Cut-off of HR@K and NDCG@K. */
  k: number;
  /** Pseudo-users of shrinkage toward the population rate in cross-fitted segment rates. */
  prior: number;
  random: Random;
}

export const DOWNSTREAM_DEFAULTS = { k: 10, prior: 10 };

export interface DownstreamFacet {
  k: number;
  n_users_evaluated: number;
  hit_rate: number;
  ndcg: number;
  mrr: number;
  popularity_hit_rate: number;
  popularity_ndcg: number;
  popularity_mrr: number;
  hit_rate_lift: number;
  ndcg_lift: number;
  mrr_lift: number;
  purchase_auroc: number;
  churn_auroc: number;
}

/** Per history user (NaN where not evaluated), for bootstrap re-aggregation. */
export interface DownstreamTerms {
  hit: Float64Array;
  ndcg: Float64Array;
  rr: Float64Array;
  popHit: Float64Array;
  popNdcg: Float64Array;
  popRr: Float64Array;
  buyScore: Float64Array;
  buyOutcome: Float64Array;
  churnScore: Float64Array;
  churnOutcome: Float64Array;
}

/**
 * Downstream facet of `labels` (aligned with history's users). `future` shares history's item vocabulary.
 * @throws RangeError on length mismatch or vocabulary mismatch.
 */
export function downstreamFacet(
  history: SequenceSet,
  future: SequenceSet,
  labels: Int32Array,
  k: number,
  options: DownstreamOptions,
): { facet: DownstreamFacet; terms: DownstreamTerms } {
  const n = history.users.length;
  if (labels.length !== n)
    throw new RangeError(`downstreamFacet: labels.length (${labels.length}) != history users (${n})`);
  if (future.itemVocab.length !== history.itemVocab.length)
    throw new RangeError('downstreamFacet: future and history must share one item vocabulary');
  const K = options.k;
  const rankings = segmentRankings(history, labels, k, K);
  const futureRow = new Map<string, number>();
  future.users.forEach((u, i) => {
    futureRow.set(u, i);
  });
  const nan = () => new Float64Array(n).fill(Number.NaN);
  const terms: DownstreamTerms = {
    hit: nan(),
    ndcg: nan(),
    rr: nan(),
    popHit: nan(),
    popNdcg: nan(),
    popRr: nan(),
    buyScore: nan(),
    buyOutcome: nan(),
    churnScore: nan(),
    churnOutcome: nan(),
  };
  const idcg = new Float64Array(K + 1);
  for (let r = 1; r <= K; r++) idcg[r] = idcg[r - 1] + 1 / Math.log2(r + 1);
  const targets = new Set<number>();
  for (let s = 0; s < n; s++) {
    const f = futureRow.get(history.users[s]);
    terms.churnOutcome[s] = f === undefined ? 1 : 0;
    if (f === undefined) continue;
    targets.clear();
    let bought = 0;
    for (let e = future.offsets[f]; e < future.offsets[f + 1]; e++) {
      targets.add(future.items[e]);
      if (future.behaviors[e] === BEHAVIOR_CODE.buy) bought = 1;
    }
    if (targets.size === 0) continue;
    terms.buyOutcome[s] = bought;
    const seg = labels[s] >= 0 ? labels[s] : k;
    score(seg, terms.hit, terms.ndcg, terms.rr, s);
    score(k, terms.popHit, terms.popNdcg, terms.popRr, s);
  }
  function score(g: number, hit: Float64Array, ndcg: Float64Array, rr: Float64Array, s: number): void {
    let best = Number.POSITIVE_INFINITY;
    let dcg = 0;
    for (const item of targets) {
      const r = rankings.rank[g * rankings.nItems + item];
      if (r < best) best = r;
      if (r <= K) dcg += 1 / Math.log2(r + 1);
    }
    hit[s] = best <= K ? 1 : 0;
    ndcg[s] = dcg / idcg[Math.min(K, targets.size)];
    rr[s] = 1 / best;
  }
  crossFittedRates(labels, k, terms.buyOutcome, terms.buyScore, options);
  crossFittedRates(labels, k, terms.churnOutcome, terms.churnScore, options);
  return { facet: downstreamSummary(terms, K), terms };
}

/** Aggregate per-user terms (optionally bootstrap-weighted) into the facet. */
export function downstreamSummary(t: DownstreamTerms, K: number, weights?: Float64Array): DownstreamFacet {
  const mean = (x: Float64Array) => {
    let s = 0;
    let c = 0;
    for (let i = 0; i < x.length; i++) {
      if (Number.isNaN(x[i])) continue;
      const w = weights ? weights[i] : 1;
      s += w * x[i];
      c += w;
    }
    return c > 0 ? s / c : Number.NaN;
  };
  let evaluated = 0;
  for (let i = 0; i < t.hit.length; i++) if (!Number.isNaN(t.hit[i])) evaluated += weights ? weights[i] : 1;
  const hit_rate = mean(t.hit);
  const ndcg = mean(t.ndcg);
  const mrr = mean(t.rr);
  const popularity_hit_rate = mean(t.popHit);
  const popularity_ndcg = mean(t.popNdcg);
  const popularity_mrr = mean(t.popRr);
  return {
    k: K,
    n_users_evaluated: evaluated,
    hit_rate,
    ndcg,
    mrr,
    popularity_hit_rate,
    popularity_ndcg,
    popularity_mrr,
    hit_rate_lift: hit_rate / popularity_hit_rate,
    ndcg_lift: ndcg / popularity_ndcg,
    mrr_lift: mrr / popularity_mrr,
    purchase_auroc: auroc(
      t.buyScore,
      t.buyOutcome.map((o, i) => (Number.isNaN(t.buyScore[i]) ? Number.NaN : o)),
      weights,
    ),
    churn_auroc: auroc(t.churnScore, t.churnOutcome, weights),
  };
}

/** score[i] = shrunk outcome rate of i's segment computed on the other fold only. */
function crossFittedRates(
  labels: Int32Array,
  k: number,
  outcome: Float64Array,
  score: Float64Array,
  { prior, random }: DownstreamOptions,
): void {
  const n = labels.length;
  const fold = new Uint8Array(n);
  for (let i = 0; i < n; i++) fold[i] = random.int(2);
  const sum = new Float64Array(2 * (k + 1));
  const cnt = new Float64Array(2 * (k + 1));
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(outcome[i])) continue;
    const g = labels[i] >= 0 ? labels[i] : k;
    sum[fold[i] * (k + 1) + g] += outcome[i];
    cnt[fold[i] * (k + 1) + g] += 1;
    sum[fold[i] * (k + 1) + k] += labels[i] >= 0 ? outcome[i] : 0;
    cnt[fold[i] * (k + 1) + k] += labels[i] >= 0 ? 1 : 0;
  }
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(outcome[i])) continue;
    const other = 1 - fold[i];
    const base = (sum[other * (k + 1) + k] + 0.5) / (cnt[other * (k + 1) + k] + 1);
    const g = labels[i] >= 0 ? labels[i] : k;
    score[i] =
      labels[i] >= 0 ? (sum[other * (k + 1) + g] + prior * base) / (cnt[other * (k + 1) + g] + prior) : base;
  }
}
