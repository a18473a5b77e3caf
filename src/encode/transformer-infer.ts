import * as tf from '@tensorflow/tfjs-core';
import { linear } from './transformer-dense.js';
import { reservedColumnsBias } from './transformer-loss.js';
import { type TokenBatch, gatherWindows, nextItemQueryBatch } from './transformer-masking.js';
import { type AttentionMask, transformerHidden } from './transformer-model.js';
import type { TransformerParams } from './transformer-params.js';
import { type TransformerPooling, centerAccumulator, poolHidden } from './transformer-pooling.js';
import type { TransformerObjective } from './transformer-train.js';
import type { TokenWindows } from './transformer-windows.js';

const INFERENCE_BATCH = 256;

function batchRows(start: number, end: number): Int32Array {
  const rows = new Int32Array(end - start);
  for (let i = 0; i < rows.length; i++) rows[i] = start + i;
  return rows;
}

/**
 * Mean final hidden state per event group, for `contextual` pooling (group = the event's category,
 * or its item token) and `transition` pooling (group = previous category x category).
 */
export interface Centering {
  readonly by: 'category' | 'item' | 'transition';
  /** Category tokens (padding included); groups = categories^2 under `transition`. */
  readonly categories: number;
  readonly groups: number;
  readonly values: Float32Array;
}

/**
 * The group of every position of a batch: its category or item token, or under `transition`
 * prev * categories + cat (prev = 0 at a window's first position).
 */
export function positionGroups(
  batch: Pick<TokenBatch, 'categories' | 'items' | 'maxLen'>,
  centering: Pick<Centering, 'by' | 'categories'>,
): Int32Array {
  if (centering.by === 'category') return batch.categories;
  if (centering.by === 'item') return batch.items;
  const { categories: cats, maxLen: L } = batch;
  const out = new Int32Array(cats.length);
  for (let at = 0; at < cats.length; at++)
    out[at] = (at % L === 0 ? 0 : cats[at - 1]) * centering.categories + cats[at];
  return out;
}

/** Centers of the training windows: one forward pass, O(count * maxLen * dim) extra work. */
export async function fitCentering(
  params: TransformerParams,
  windows: TokenWindows,
  mask: AttentionMask,
  by: Centering['by'],
): Promise<Centering> {
  const dim = params.shape.dim;
  const categories = params.shape.categories;
  const groups =
    by === 'category' ? categories : by === 'transition' ? categories * categories : params.shape.tokens;
  const acc = centerAccumulator(groups, dim);
  for (let start = 0; start < windows.count; start += INFERENCE_BATCH) {
    const batch = gatherWindows(windows, batchRows(start, Math.min(windows.count, start + INFERENCE_BATCH)));
    const hidden = tf.tidy(() => transformerHidden(params, batch, mask));
    const groupOf = positionGroups(batch, { by, categories });
    acc.add((await hidden.data()) as Float32Array, groupOf, batch.lengths, batch.maxLen);
    hidden.dispose();
  }
  return { by, categories, groups, values: acc.value() };
}

/**
 * Pooled user vectors [windows.count * dim], in window order; empty windows get zero rows.
 * Runs forward only, in batches of 256. `centering` is required for `contextual` pooling.
 */
export async function embedWindows(
  params: TransformerParams,
  windows: TokenWindows,
  mask: AttentionMask,
  pooling: TransformerPooling,
  centering?: Centering,
): Promise<Float32Array> {
  const dim = params.shape.dim;
  const out = new Float32Array(windows.count * dim);
  const centers =
    centering === undefined ? undefined : tf.tensor2d(centering.values, [centering.groups, dim]);
  for (let start = 0; start < windows.count; start += INFERENCE_BATCH) {
    const end = Math.min(windows.count, start + INFERENCE_BATCH);
    const batch = gatherWindows(windows, batchRows(start, end));
    const c =
      centers === undefined || centering === undefined
        ? undefined
        : { centers, groups: positionGroups(batch, centering) };
    const pooled = tf.tidy(() =>
      poolHidden(transformerHidden(params, batch, mask), batch.lengths, batch.maxLen, pooling, c),
    );
    out.set(await pooled.data(), start * dim);
    pooled.dispose();
    for (let b = 0; b < batch.size; b++)
      if (batch.lengths[b] === 0) out.fill(0, (start + b) * dim, (start + b + 1) * dim);
  }
  centers?.dispose();
  return out;
}

/** Top-k next items per window: item tokens [count * k] best first, and their logits. */
export interface NextItemTopK {
  readonly k: number;
  readonly tokens: Int32Array;
  readonly scores: Float32Array;
}

/**
 * Scores every item as the next event of each window (tied output layer plus bias, reserved tokens
 * excluded) and keeps the k best. O(count * items * dim).
 */
export async function topNextItems(
  params: TransformerParams,
  windows: TokenWindows,
  objective: TransformerObjective,
  k: number,
): Promise<NextItemTopK> {
  const mask: AttentionMask = objective === 'masked' ? 'bidirectional' : 'causal';
  const tokens = new Int32Array(windows.count * k);
  const scores = new Float32Array(windows.count * k);
  for (let start = 0; start < windows.count; start += INFERENCE_BATCH) {
    const end = Math.min(windows.count, start + INFERENCE_BATCH);
    const batch: TokenBatch = nextItemQueryBatch(windows, batchRows(start, end), objective);
    const { values, indices } = tf.tidy(() => {
      const hidden = transformerHidden(params, batch, mask);
      const h = tf.gather(hidden, tf.tensor1d(batch.targetRows, 'int32')) as tf.Tensor2D;
      const items = params.get('item') as tf.Tensor2D;
      const bias = tf.add(params.get('output/bias'), reservedColumnsBias(items.shape[0])) as tf.Tensor1D;
      const logits = linear(h, tf.transpose(items) as tf.Tensor2D, bias);
      return tf.topk(logits as tf.Tensor2D, k);
    });
    tokens.set(await indices.data(), start * k);
    scores.set(await values.data(), start * k);
    values.dispose();
    indices.dispose();
  }
  return { k, tokens, scores };
}
