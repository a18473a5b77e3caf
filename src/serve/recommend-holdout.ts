/**
 * The recommender judged on the protocol's temporal holdout: fit segment item scores on `history`,
 * rank every item for each user active after the cutoff (full ranking, no sampled negatives), score
 * HR@K and NDCG@K (binary relevance, ideal DCG over min(K, |targets|)) against the items the user
 * touched after the cutoff. The baselines are the protocol's own downstream facet (global popularity
 * and plain segment popularity), computed by downstreamFacet on the same split and labels.
 */
import type { SequenceSet } from '../data/sequence-set.js';
import { downstreamFacet } from '../evaluate/downstream.js';
import { randomSource } from '../util/random.js';
import { fullRank, type RecommendOptions, userItemScores } from './recommend.js';
import { type SegmentItemOptions, segmentItemScores } from './segment-items.js';

export interface RecommendHoldoutResult {
  k: number;
  n_users_evaluated: number;
  hit_rate: number;
  ndcg: number;
  /** The protocol's baselines on the same users. */
  popularity_hit_rate: number;
  popularity_ndcg: number;
  segment_popularity_hit_rate: number;
  segment_popularity_ndcg: number;
  hit_rate_lift: number;
  ndcg_lift: number;
}

/**
 * @throws RangeError on a label/user mismatch or when history and future do not share an item vocabulary.
 * @example recommendHoldout(history, future, labels, 4, { k: 10 }).ndcg_lift
 */
export function recommendHoldout(
  history: SequenceSet,
  future: SequenceSet,
  labels: Int32Array,
  nSegments: number,
  options: { k: number; seed?: number } & Partial<SegmentItemOptions & RecommendOptions>,
): RecommendHoldoutResult {
  const K = options.k;
  if (!(Number.isInteger(K) && K >= 1))
    throw new RangeError(`recommendHoldout: k (${K}) must be a positive integer`);
  const base = downstreamFacet(history, future, labels, nSegments, {
    k: K,
    prior: 10,
    random: randomSource(options.seed ?? 0),
  }).facet;
  const nItems = history.itemVocab.length;
  const scores = segmentItemScores(history, labels, nSegments, options);
  const popularity = scores.subarray(nSegments * nItems);
  const futureRow = new Map<string, number>();
  future.users.forEach((u, i) => {
    futureRow.set(u, i);
  });
  const idcg = new Float64Array(K + 1);
  for (let r = 1; r <= K; r++) idcg[r] = idcg[r - 1] + 1 / Math.log2(r + 1);
  let users = 0;
  let hits = 0;
  let ndcgSum = 0;
  for (let s = 0; s < history.users.length; s++) {
    const f = futureRow.get(history.users[s]);
    if (f === undefined || future.offsets[f + 1] === future.offsets[f]) continue;
    const targets = new Set<number>();
    for (let e = future.offsets[f]; e < future.offsets[f + 1]; e++) targets.add(future.items[e]);
    const g = labels[s] >= 0 ? labels[s] : nSegments;
    const user = userItemScores(scores.subarray(g * nItems, (g + 1) * nItems), history, s, options);
    let best = Number.POSITIVE_INFINITY;
    let dcg = 0;
    for (const item of targets) {
      const r = fullRank(user, popularity, item);
      if (r < best) best = r;
      if (r <= K) dcg += 1 / Math.log2(r + 1);
    }
    users++;
    hits += best <= K ? 1 : 0;
    ndcgSum += dcg / idcg[Math.min(K, targets.size)];
  }
  const hit_rate = users > 0 ? hits / users : Number.NaN;
  const ndcg = users > 0 ? ndcgSum / users : Number.NaN;
  return {
    k: K,
    n_users_evaluated: users,
    hit_rate,
    ndcg,
    popularity_hit_rate: base.popularity_hit_rate,
    popularity_ndcg: base.popularity_ndcg,
    segment_popularity_hit_rate: base.hit_rate,
    segment_popularity_ndcg: base.ndcg,
    hit_rate_lift: hit_rate / base.popularity_hit_rate,
    ndcg_lift: ndcg / base.popularity_ndcg,
  };
}
