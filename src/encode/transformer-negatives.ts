import type { Random } from '../util/random.js';
import { FIRST_ITEM_TOKEN } from './transformer-vocab.js';

/** How sampled-softmax negatives are drawn: uniformly over items, or in proportion to counts. */
export type NegativeSampling = 'uniform' | 'popularity';

/** Draws item tokens with replacement and knows each token's sampling probability. */
export interface NegativeSampler {
  /** `count` tokens, each in [FIRST_ITEM_TOKEN, tokens). */
  sample(count: number, random: Random): Int32Array;
  /** log(count * q(token)): the correction subtracted from sampled logits (Jean et al. 2015). */
  logExpectedCount(token: number, count: number): number;
}

/**
 * A sampler over item tokens: `uniform`, or `popularity` (q proportional to the training count of
 * each token, the "pop" negatives of Rendle et al.). O(items) to build, O(log items) per draw.
 * @throws RangeError if there are no item tokens.
 */
export function negativeSampler(counts: Float64Array, method: NegativeSampling): NegativeSampler {
  const items = counts.length - FIRST_ITEM_TOKEN;
  if (items < 1) throw new RangeError('negativeSampler: the vocabulary has no items');
  const cumulative = new Float64Array(items);
  let total = 0;
  for (let i = 0; i < items; i++) {
    total += method === 'uniform' ? 1 : Math.max(counts[FIRST_ITEM_TOKEN + i], 0);
    cumulative[i] = total;
  }
  if (total <= 0) return negativeSampler(counts, 'uniform');
  return {
    sample(count: number, random: Random): Int32Array {
      const out = new Int32Array(count);
      for (let s = 0; s < count; s++) {
        const u = random.uniform() * total;
        let lo = 0;
        let hi = items - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cumulative[mid] > u) hi = mid;
          else lo = mid + 1;
        }
        out[s] = FIRST_ITEM_TOKEN + lo;
      }
      return out;
    },
    logExpectedCount(token: number, count: number): number {
      const i = token - FIRST_ITEM_TOKEN;
      const mass = i < 0 || i >= items ? 0 : cumulative[i] - (i === 0 ? 0 : cumulative[i - 1]);
      return Math.log((count * Math.max(mass, 1e-12)) / total);
    },
  };
}
