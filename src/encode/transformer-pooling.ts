import * as tf from '@tensorflow/tfjs-core';
import { gatherRows } from './transformer-kernels.js';

/**
 * How a user vector is read off the final hidden states:
 * - `mean`: their average over the real positions;
 * - `last`: the last real position (the natural choice for the causal model);
 * - `contextual`: the average of h_p - m[g_p], where m[g] is the mean hidden state of all training
 *   events of group g (the event's category, or its item when the log has no categories). It
 *   removes what the event's own identity explains and keeps what its context adds, so segments
 *   that share composition but differ in order stand out; it also removes composition signal, so
 *   prefer `mean` when segments differ in what users look at;
 * - `transition`: as `contextual`, with groups the (previous category, category) pairs, so what
 *   adjacent pairs explain is removed too and the longer-range order remains (categories needed;
 *   without them it falls back to `contextual` by item).
 */
export type TransformerPooling = 'mean' | 'last' | 'contextual' | 'transition';

/** Per-group mean hidden states for `contextual` pooling, and each position's group. */
export interface PoolingCenters {
  readonly centers: tf.Tensor2D;
  readonly groups: Int32Array;
}

/**
 * One vector per window from hidden states [size * maxLen, dim]; an empty window gives zeros
 * under `mean`/`contextual` and position 0 under `last`. Differentiable, so deep clustering trains
 * through it.
 * @throws RangeError for `contextual` without centers.
 */
export function poolHidden(
  hidden: tf.Tensor2D,
  lengths: Int32Array,
  maxLen: number,
  pooling: TransformerPooling,
  centering?: PoolingCenters,
): tf.Tensor2D {
  const B = lengths.length;
  const dim = hidden.shape[1];
  if (pooling === 'last') {
    const rows = new Int32Array(B);
    for (let b = 0; b < B; b++) rows[b] = b * maxLen + Math.max(0, lengths[b] - 1);
    return gatherRows(hidden, tf.tensor1d(rows, 'int32'));
  }
  let states: tf.Tensor = hidden;
  if (pooling === 'contextual' || pooling === 'transition') {
    if (centering === undefined) throw new RangeError(`poolHidden: ${pooling} pooling needs centers`);
    states = tf.sub(hidden, gatherRows(centering.centers, tf.tensor1d(centering.groups, 'int32')));
  }
  const weights = new Float32Array(B * maxLen);
  for (let b = 0; b < B; b++) {
    const len = lengths[b];
    for (let p = 0; p < len; p++) weights[b * maxLen + p] = 1 / len;
  }
  const weighted = tf.mul(tf.reshape(states, [B, maxLen, dim]), tf.tensor3d(weights, [B, maxLen, 1]));
  return tf.sum(weighted, 1) as tf.Tensor2D;
}

/**
 * Mean hidden state per group over the real positions of `hidden` batches, accumulated by the
 * caller through `add` and read with `value` (mergeable: init / add / value). Groups never seen
 * keep a zero center.
 */
export function centerAccumulator(groups: number, dim: number) {
  const sums = new Float64Array(groups * dim);
  const counts = new Float64Array(groups);
  return {
    add(hidden: Float32Array, groupOf: Int32Array, lengths: Int32Array, maxLen: number): void {
      for (let b = 0; b < lengths.length; b++) {
        for (let p = 0; p < lengths[b]; p++) {
          const at = b * maxLen + p;
          const g = groupOf[at];
          counts[g]++;
          for (let d = 0; d < dim; d++) sums[g * dim + d] += hidden[at * dim + d];
        }
      }
    },
    value(): Float32Array {
      const out = new Float32Array(groups * dim);
      for (let g = 0; g < groups; g++)
        if (counts[g] > 0) for (let d = 0; d < dim; d++) out[g * dim + d] = sums[g * dim + d] / counts[g];
      return out;
    },
  };
}
