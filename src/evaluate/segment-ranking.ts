/**
 * Item rankings by segment popularity: for each segment, every item ordered by its event count among
 * the segment's users, ties broken by global count, then by item id. Full rankings (no sampled
 * negatives: Krichene & Rendle 2020 show sampled metrics can reverse rankings).
 */
import type { SequenceSet } from '../data/sequence-set.js';

export interface SegmentRankings {
  readonly nItems: number;
  /** rank[(segment) * nItems + item] in 1..nItems; segment index k is the global popularity ranking. */
  readonly rank: Int32Array;
  /** Top items of each ranking (k + 1 rows of `top` columns), best first. */
  readonly topItems: Int32Array;
  readonly top: number;
}

/** Rankings for segments 0..k-1 plus the global popularity ranking at index k. Noise users count only globally. */
export function segmentRankings(
  history: SequenceSet,
  labels: Int32Array,
  k: number,
  top: number,
): SegmentRankings {
  const nItems = history.itemVocab.length;
  const counts = new Float64Array((k + 1) * nItems);
  for (let s = 0; s < labels.length; s++) {
    const l = labels[s];
    for (let e = history.offsets[s]; e < history.offsets[s + 1]; e++) {
      const item = history.items[e];
      counts[k * nItems + item] += 1;
      if (l >= 0) counts[l * nItems + item] += 1;
    }
  }
  const rank = new Int32Array((k + 1) * nItems);
  const width = Math.min(top, nItems);
  const topItems = new Int32Array((k + 1) * width);
  const global = counts.subarray(k * nItems, (k + 1) * nItems);
  const order = new Int32Array(nItems);
  for (let g = 0; g <= k; g++) {
    const c = counts.subarray(g * nItems, (g + 1) * nItems);
    for (let i = 0; i < nItems; i++) order[i] = i;
    order.sort((a, b) => c[b] - c[a] || global[b] - global[a] || a - b);
    for (let r = 0; r < nItems; r++) rank[g * nItems + order[r]] = r + 1;
    topItems.set(order.subarray(0, width), g * width);
  }
  return { nItems, rank, topItems, top: width };
}
