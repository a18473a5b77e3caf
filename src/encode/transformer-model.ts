import * as tf from '@tensorflow/tfjs-core';
import { linear } from './transformer-dense.js';
import { gatherRows } from './transformer-kernels.js';
import type { TokenBatch } from './transformer-masking.js';
import type { TransformerParams } from './transformer-params.js';

/** Attention pattern: `bidirectional` for the masked-item model, `causal` for next-item. */
export type AttentionMask = 'bidirectional' | 'causal';

const NEG = -1e9;

/**
 * Final hidden states [size * maxLen, dim] of a pre-LayerNorm transformer encoder (Vaswani et al.
 * 2017; pre-LN as Xiong et al. 2020) over summed item, behavior, category, position and time-gap
 * embeddings. Q, K and V come from one fused [dim, 3*dim] product; every dense product runs as a
 * 2-D MatMul. Keys at padding positions (and, when causal, later positions) are masked out.
 * Call inside tf.tidy or an optimizer's minimize.
 */
export function transformerHidden(
  params: TransformerParams,
  batch: TokenBatch,
  mask: AttentionMask,
): tf.Tensor2D {
  const { dim, heads, layers, maxLen: L } = params.shape;
  const B = batch.size;
  const N = B * L;
  const lookup = (table: string, ids: Int32Array): tf.Tensor2D =>
    gatherRows(params.get(table) as tf.Tensor2D, tf.tensor1d(ids, 'int32'));
  const tokens = tf.addN([
    lookup('item', batch.items),
    lookup('behavior', batch.behaviors),
    lookup('category', batch.categories),
    lookup('gap', batch.gaps),
  ]);
  // Every window has the same positions, so the position table is broadcast, not gathered.
  let x: tf.Tensor = tf.reshape(tf.add(tf.reshape(tokens, [B, L, dim]), params.get('position')), [N, dim]);
  const bias = attentionBias(batch, mask);
  const dh = dim / heads;
  for (let l = 0; l < layers; l++) {
    const w = (name: string): tf.Variable => params.get(`l${l}/${name}`);
    const h = layerNorm(x, w('ln1/gain'), w('ln1/bias'));
    const qkv = linear(h, w('qkv/w') as tf.Tensor2D, w('qkv/b') as tf.Tensor1D);
    const split = (t: tf.Tensor): tf.Tensor3D =>
      tf.reshape(tf.transpose(tf.reshape(t, [B, L, heads, dh]), [0, 2, 1, 3]), [B * heads, L, dh]);
    const [q, k, v] = tf.split(qkv, 3, 1).map(split);
    const scores = tf.add(
      tf.reshape(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh)), [B, heads, L, L]),
      bias,
    );
    const attention = tf.reshape(tf.softmax(scores), [B * heads, L, L]);
    const context = tf.reshape(
      tf.transpose(tf.reshape(tf.matMul(attention, v), [B, heads, L, dh]), [0, 2, 1, 3]),
      [N, dim],
    );
    x = tf.add(x, linear(context, w('out/w') as tf.Tensor2D, w('out/b') as tf.Tensor1D));
    const h2 = layerNorm(x, w('ln2/gain'), w('ln2/bias'));
    const ffn = tf.relu(linear(h2, w('ffn1/w') as tf.Tensor2D, w('ffn1/b') as tf.Tensor1D));
    x = tf.add(x, linear(ffn, w('ffn2/w') as tf.Tensor2D, w('ffn2/b') as tf.Tensor1D));
  }
  return layerNorm(x, params.get('final/gain'), params.get('final/bias')) as tf.Tensor2D;
}

/** Additive attention bias [B, 1, L, L]: 0 where query i may attend key j, -1e9 elsewhere. */
function attentionBias(batch: TokenBatch, mask: AttentionMask): tf.Tensor {
  const L = batch.maxLen;
  const values = new Float32Array(batch.size * L * L);
  for (let b = 0; b < batch.size; b++) {
    const len = Math.max(1, batch.lengths[b]);
    for (let i = 0; i < L; i++) {
      const row = (b * L + i) * L;
      for (let j = 0; j < L; j++)
        if (j >= len || (mask === 'causal' && j > i && i < len)) values[row + j] = NEG;
    }
  }
  return tf.tensor4d(values, [batch.size, 1, L, L]);
}

/** LayerNorm over the last axis (Ba et al. 2016), epsilon 1e-5. */
export function layerNorm(x: tf.Tensor, gain: tf.Tensor, bias: tf.Tensor): tf.Tensor {
  const mean = tf.mean(x, -1, true);
  const centered = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centered), -1, true);
  return tf.add(tf.mul(tf.mul(centered, tf.rsqrt(tf.add(variance, 1e-5))), gain), bias);
}
