/**
 * Behavior types, in funnel order. The numeric code is what `SequenceSet.behaviors` stores.
 * `search` is a query event (the query text sits in `queries`), `other` anything a preset maps there.
 */
export const BEHAVIORS = ['pv', 'cart', 'fav', 'buy', 'search', 'other'] as const;
export type Behavior = (typeof BEHAVIORS)[number];
export const BEHAVIOR_CODE: Readonly<Record<Behavior, number>> = {
  pv: 0,
  cart: 1,
  fav: 2,
  buy: 3,
  search: 4,
  other: 5,
};

/**
 * Columnar CSR layout of many behavior sequences (DESIGN.md): sequence s owns events
 * `offsets[s] .. offsets[s+1]-1`, sorted by time. Never an array of objects per event.
 *
 * `items[e]` indexes `itemVocab`, `categories[e]` indexes `categoryVocab` (-1 = unknown),
 * `queries[e]` indexes `queryVocab` (-1 = none), `prices[e]` is NaN when unknown.
 * `ts` is seconds since the Unix epoch.
 */
export interface SequenceSet {
  /** Sequence keys (user ids, or session ids when keyed by session), one per sequence. */
  readonly users: string[];
  /** Length n+1; offsets[0] = 0, offsets[n] = number of events. */
  readonly offsets: Int32Array;
  readonly items: Int32Array;
  readonly behaviors: Uint8Array;
  readonly ts: Float64Array;
  readonly categories?: Int32Array;
  readonly queries?: Int32Array;
  readonly prices?: Float32Array;
  readonly itemVocab: string[];
  readonly categoryVocab?: string[];
  readonly queryVocab?: string[];
  /** What a sequence is keyed by. */
  readonly keyedBy: 'user' | 'session';
}

/** Number of sequences. */
export function sequenceCount(seqs: SequenceSet): number {
  return seqs.offsets.length - 1;
}

/** Number of events. */
export function eventCount(seqs: SequenceSet): number {
  return seqs.offsets[seqs.offsets.length - 1] ?? 0;
}
