/**
 * Recommendations for one user: the user's segment item scores blended with the user's own recent
 * history, items the user already bought excluded.
 *
 *   r(i) = (1 - g) * S(i) / sum S + g * h(i) / sum h,   h(i) = sum over the user's events on i of
 *   2^(-(t_last - ts) / halfLife), t_last = the user's latest event.
 * Ties go to the population's popularity, then the lower item index (a full, deterministic order).
 */
import { BEHAVIOR_CODE, type SequenceSet } from '../data/sequence-set.js';

export interface RecommendOptions {
  /** Weight of the user's own history, in [0, 1]. */
  historyWeight: number;
  /** Half-life of the user's own events, seconds. */
  halfLife: number;
}

export const RECOMMEND_DEFAULTS: Readonly<RecommendOptions> = { historyWeight: 0.1, halfLife: 2 * 86400 };

/**
 * Blended scores over all items for sequence `s` of `seqs` (whose item codes index `segmentScores`),
 * -Infinity for items the user bought.
 * @throws RangeError for a bad historyWeight or halfLife.
 */
export function userItemScores(
  segmentScores: Float64Array,
  seqs: SequenceSet,
  s: number,
  options: Partial<RecommendOptions> = {},
): Float64Array {
  const o = { ...RECOMMEND_DEFAULTS, ...options };
  if (!(o.historyWeight >= 0 && o.historyWeight <= 1))
    throw new RangeError(`userItemScores: historyWeight (${o.historyWeight}) must be in [0, 1]`);
  if (!(o.halfLife > 0)) throw new RangeError(`userItemScores: halfLife (${o.halfLife}) must be > 0 seconds`);
  const n = segmentScores.length;
  let segTotal = 0;
  for (let i = 0; i < n; i++) segTotal += segmentScores[i];
  const out = new Float64Array(n);
  const g = o.historyWeight;
  for (let i = 0; i < n; i++) out[i] = segTotal > 0 ? ((1 - g) * segmentScores[i]) / segTotal : 0;
  const from = seqs.offsets[s];
  const to = seqs.offsets[s + 1];
  if (to > from) {
    const last = seqs.ts[to - 1];
    const own = new Map<number, number>();
    let ownTotal = 0;
    for (let e = from; e < to; e++) {
      const w = 2 ** (-(last - seqs.ts[e]) / o.halfLife);
      own.set(seqs.items[e], (own.get(seqs.items[e]) ?? 0) + w);
      ownTotal += w;
    }
    for (const [item, w] of own) if (item < n) out[item] += (g * w) / ownTotal;
    for (let e = from; e < to; e++)
      if (seqs.behaviors[e] === BEHAVIOR_CODE.buy && seqs.items[e] < n)
        out[seqs.items[e]] = Number.NEGATIVE_INFINITY;
  }
  return out;
}

/** The `top` best items of `scores` (ties by `tieBreak` descending, then index), excluding -Infinity. O(n log n). */
export function topItems(scores: Float64Array, tieBreak: Float64Array, top: number): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i] !== Number.NEGATIVE_INFINITY) idx.push(i);
  idx.sort((a, b) => scores[b] - scores[a] || tieBreak[b] - tieBreak[a] || a - b);
  return Int32Array.from(idx.slice(0, top));
}

/**
 * Full rank (1 = best) of `item` under the order of `topItems`: 1 + items strictly ahead of it.
 * An excluded item (score -Infinity) ranks after every other. O(n).
 */
export function fullRank(scores: Float64Array, tieBreak: Float64Array, item: number): number {
  const si = scores[item];
  let ahead = 0;
  for (let j = 0; j < scores.length; j++) {
    if (j === item) continue;
    const sj = scores[j];
    if (
      sj > si ||
      (sj === si && (tieBreak[j] > tieBreak[item] || (tieBreak[j] === tieBreak[item] && j < item)))
    )
      ahead++;
  }
  return ahead + 1;
}
