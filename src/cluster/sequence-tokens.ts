/**
 * The token alphabet a sequence distance compares: the item, its category, the behavior alone, or
 * behavior-typed category ("cart:shoes" differs from "pv:shoes") — TraMineR's state alphabet.
 */
import { BEHAVIORS, type SequenceSet } from '../data/sequence-set.js';

export type SequenceToken = 'item' | 'category' | 'behavior' | 'behavior-category';
export const SEQUENCE_TOKENS: readonly SequenceToken[] = [
  'item',
  'category',
  'behavior',
  'behavior-category',
];

/**
 * One token per event (CSR, same offsets as `seqs`). For 'behavior-category' the token is
 * (category + 1) * BEHAVIORS.length + behavior, so `behaviorOfToken` / `categoryOfToken` invert it;
 * unknown categories (-1) map to category token 0.
 * @throws RangeError if the token needs categories and `seqs` has none, or the token is unknown.
 */
export function sequenceTokens(
  seqs: SequenceSet,
  token: SequenceToken,
  caller = 'sequenceTokens',
): Int32Array {
  const e = seqs.items.length;
  const out = new Int32Array(e);
  switch (token) {
    case 'item':
      out.set(seqs.items);
      return out;
    case 'behavior':
      for (let i = 0; i < e; i++) out[i] = seqs.behaviors[i];
      return out;
    case 'category':
    case 'behavior-category': {
      const cats = seqs.categories;
      if (cats === undefined)
        throw new RangeError(`${caller}: tokens '${token}' need categories, and this SequenceSet has none`);
      for (let i = 0; i < e; i++)
        out[i] = token === 'category' ? cats[i] : (cats[i] + 1) * BEHAVIORS.length + seqs.behaviors[i];
      return out;
    }
    default: {
      const never: never = token;
      throw new RangeError(`${caller}: token (${never}) must be one of ${SEQUENCE_TOKENS.join(', ')}`);
    }
  }
}

/** Behavior code of a 'behavior-category' token. */
export const behaviorOfToken = (t: number): number => t % BEHAVIORS.length;
/** Category of a 'behavior-category' token (-1 = unknown). */
export const categoryOfToken = (t: number): number => Math.floor(t / BEHAVIORS.length) - 1;
