import * as tf from '@tensorflow/tfjs-core';

/** How a user vector is read off the final hidden states: their mean, or the last real position. */
export type TransformerPooling = 'mean' | 'last';

/**
 * One vector per window from hidden states [size * maxLen, dim]: `mean` averages the first
 * `lengths[b]` positions (an empty window gives zeros), `last` takes position `lengths[b] - 1`
 * (position 0 for an empty window). Differentiable, so deep clustering trains through it.
 */
export function poolHidden(hidden: tf.Tensor2D, lengths: Int32Array, maxLen: number, pooling: TransformerPooling): tf.Tensor2D {
  const B = lengths.length;
  const dim = hidden.shape[1];
  if (pooling === 'last') {
    const rows = new Int32Array(B);
    for (let b = 0; b < B; b++) rows[b] = b * maxLen + Math.max(0, lengths[b] - 1);
    return tf.gather(hidden, tf.tensor1d(rows, 'int32')) as tf.Tensor2D;
  }
  const weights = new Float32Array(B * maxLen);
  for (let b = 0; b < B; b++) {
    const len = lengths[b];
    for (let p = 0; p < len; p++) weights[b * maxLen + p] = 1 / len;
  }
  const weighted = tf.mul(tf.reshape(hidden, [B, maxLen, dim]), tf.tensor3d(weights, [B, maxLen, 1]));
  return tf.sum(weighted, 1) as tf.Tensor2D;
}
