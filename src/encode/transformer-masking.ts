import type { Random } from '../util/random.js';
import type { TokenWindows } from './transformer-windows.js';
import { MASK_TOKEN } from './transformer-vocab.js';

/**
 * One padded batch of windows as flat [size * maxLen] token arrays, plus the positions whose item
 * the model must predict: `targetRows[t]` is a flat index into the batch, `targetItems[t]` the token.
 */
export interface TokenBatch {
  readonly size: number;
  readonly maxLen: number;
  readonly items: Int32Array;
  readonly behaviors: Int32Array;
  readonly categories: Int32Array;
  readonly gaps: Int32Array;
  readonly lengths: Int32Array;
  readonly targetRows: Int32Array;
  readonly targetItems: Int32Array;
  /** Category token of each target event (0 = none), for the auxiliary category loss. */
  readonly targetCategories: Int32Array;
}

/** Copy windows `rows` into a fresh batch (no targets yet). O(rows * maxLen). */
export function gatherWindows(windows: TokenWindows, rows: ArrayLike<number>): TokenBatch {
  const L = windows.maxLen;
  const size = rows.length;
  const pick = (src: Int32Array): Int32Array => {
    const out = new Int32Array(size * L);
    for (let b = 0; b < size; b++) out.set(src.subarray(rows[b] * L, rows[b] * L + L), b * L);
    return out;
  };
  const lengths = new Int32Array(size);
  for (let b = 0; b < size; b++) lengths[b] = windows.lengths[rows[b]];
  return {
    size,
    maxLen: L,
    items: pick(windows.items),
    behaviors: pick(windows.behaviors),
    categories: pick(windows.categories),
    gaps: pick(windows.gaps),
    lengths,
    targetRows: new Int32Array(0),
    targetItems: new Int32Array(0),
    targetCategories: new Int32Array(0),
  };
}

/**
 * Masked-item (cloze) batch in the manner of BERT4Rec (Sun et al. 2019): each event is masked with
 * probability `maskRate` (at least one per non-empty window); a masked event's item becomes [MASK]
 * and its category is hidden too, so the model must infer it from the surrounding order.
 */
export function maskedItemBatch(
  windows: TokenWindows,
  rows: ArrayLike<number>,
  maskRate: number,
  random: Random,
): TokenBatch {
  const batch = gatherWindows(windows, rows);
  const L = batch.maxLen;
  const targets: Targets = { rows: [], items: [], categories: [] };
  for (let b = 0; b < batch.size; b++) {
    const len = batch.lengths[b];
    if (len === 0) continue;
    let masked = 0;
    for (let p = 0; p < len; p++) {
      if (random.uniform() < maskRate) {
        maskAt(batch, b * L + p, targets);
        masked++;
      }
    }
    if (masked === 0) maskAt(batch, b * L + random.int(len), targets);
  }
  return withTargets(batch, targets);
}

interface Targets {
  rows: number[];
  items: number[];
  categories: number[];
}

function withTargets(batch: TokenBatch, t: Targets): TokenBatch {
  return {
    ...batch,
    targetRows: Int32Array.from(t.rows),
    targetItems: Int32Array.from(t.items),
    targetCategories: Int32Array.from(t.categories),
  };
}

function maskAt(batch: TokenBatch, at: number, t: Targets): void {
  t.rows.push(at);
  t.items.push(batch.items[at]);
  t.categories.push(batch.categories[at]);
  batch.items[at] = MASK_TOKEN;
  batch.categories[at] = 0;
}

/**
 * Next-item batch in the manner of SASRec (Kang & McAuley 2018): position p predicts the item at
 * p + 1, under a causal attention mask.
 */
export function causalBatch(windows: TokenWindows, rows: ArrayLike<number>): TokenBatch {
  const batch = gatherWindows(windows, rows);
  const L = batch.maxLen;
  const targets: Targets = { rows: [], items: [], categories: [] };
  for (let b = 0; b < batch.size; b++) {
    for (let p = 0; p + 1 < batch.lengths[b]; p++) {
      targets.rows.push(b * L + p);
      targets.items.push(batch.items[b * L + p + 1]);
      targets.categories.push(batch.categories[b * L + p + 1]);
    }
  }
  return withTargets(batch, targets);
}

/**
 * The batch a next-item query reads: for the causal model the last real position of each window;
 * for the masked model a [MASK] appended after the last event (the oldest event drops out when the
 * window is full), as BERT4Rec predicts at inference. Empty windows query position 0.
 */
export function nextItemQueryBatch(
  windows: TokenWindows,
  rows: ArrayLike<number>,
  objective: 'masked' | 'causal',
): TokenBatch {
  const batch = gatherWindows(windows, rows);
  const L = batch.maxLen;
  const targetRows = new Int32Array(batch.size);
  for (let b = 0; b < batch.size; b++) {
    let len = batch.lengths[b];
    if (objective === 'causal') {
      targetRows[b] = b * L + Math.max(0, len - 1);
      continue;
    }
    if (len === L) {
      for (const a of [batch.items, batch.behaviors, batch.categories, batch.gaps])
        a.copyWithin(b * L, b * L + 1, b * L + L);
      len--;
    }
    const at = b * L + len;
    batch.items[at] = MASK_TOKEN;
    batch.behaviors[at] = 0;
    batch.categories[at] = 0;
    batch.gaps[at] = 0;
    batch.lengths[b] = len + 1;
    targetRows[b] = at;
  }
  return {
    ...batch,
    targetRows,
    targetItems: new Int32Array(batch.size),
    targetCategories: new Int32Array(batch.size),
  };
}
