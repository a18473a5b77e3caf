import * as tf from '@tensorflow/tfjs-core';
import type { Random } from '../util/random.js';
import { linear } from './transformer-dense.js';
import { gatherRows } from './transformer-kernels.js';
import type { TokenBatch } from './transformer-masking.js';
import type { NegativeSampler } from './transformer-negatives.js';
import type { TransformerParams } from './transformer-params.js';
import { FIRST_ITEM_TOKEN } from './transformer-vocab.js';

/** Full softmax over every item, or sampled softmax over shared negatives. */
export type SoftmaxKind = 'full' | 'sampled';

/** How the item-prediction loss is computed. */
export interface ItemLossSetup {
  kind: SoftmaxKind;
  negatives: number;
  sampler: NegativeSampler;
  /**
   * Weight of the auxiliary category loss (0 = none): cross-entropy of the target event's category,
   * so the model learns category order even where items are too sparse to predict.
   */
  categoryWeight: number;
}

const NEG = -1e9;

/**
 * Mean cross-entropy of predicting `batch.targetItems` from the hidden states at
 * `batch.targetRows`, with the output layer tied to the item embeddings (as BERT4Rec and SASRec).
 * `full`: softmax over all item tokens. `sampled`: softmax over the target and `negatives` items
 * shared by the batch, each logit corrected by -log(S q(item)) and accidental hits masked
 * (sampled softmax, Jean et al. 2015). Call inside an optimizer's minimize.
 */
export function itemPredictionLoss(
  params: TransformerParams,
  hidden: tf.Tensor2D,
  batch: TokenBatch,
  setup: ItemLossSetup,
  random: Random,
): tf.Scalar {
  const h = gatherRows(hidden, tf.tensor1d(batch.targetRows, 'int32'));
  const itemLoss = itemTerm(params, h, batch, setup, random);
  if (setup.categoryWeight === 0 || params.shape.categories < 2) return itemLoss;
  return tf.add(itemLoss, tf.mul(categoryTerm(params, h, batch), setup.categoryWeight)) as tf.Scalar;
}

/**
 * Mean cross-entropy of the targets' categories over the category tokens, the output layer tied
 * to the category embeddings; targets without a category (token 0) carry no weight.
 */
function categoryTerm(params: TransformerParams, h: tf.Tensor2D, batch: TokenBatch): tf.Scalar {
  const C = params.shape.categories;
  const weights = new Float32Array(batch.targetCategories.length);
  let known = 0;
  for (let t = 0; t < weights.length; t++) {
    if (batch.targetCategories[t] === 0) continue;
    weights[t] = 1;
    known++;
  }
  if (known === 0) return tf.scalar(0);
  const padding = new Float32Array(C);
  padding[0] = NEG;
  const logits = linear(
    h,
    tf.transpose(params.get('category')) as tf.Tensor2D,
    tf.add(params.get('output/categoryBias'), tf.tensor1d(padding)) as tf.Tensor1D,
  );
  return tf.losses.softmaxCrossEntropy(
    tf.oneHot(tf.tensor1d(batch.targetCategories, 'int32'), C),
    logits,
    tf.tensor1d(weights),
  ) as tf.Scalar;
}

function itemTerm(
  params: TransformerParams,
  h: tf.Tensor2D,
  batch: TokenBatch,
  setup: ItemLossSetup,
  random: Random,
): tf.Scalar {
  const T = batch.targetRows.length;
  const items = params.get('item') as tf.Tensor2D;
  const outBias = params.get('output/bias') as tf.Tensor1D;
  if (setup.kind === 'full') {
    const V = items.shape[0];
    // The reserved-token mask joins the [V] bias, not the [T, V] logits: one full-size pass fewer.
    const logits = linear(
      h,
      tf.transpose(items) as tf.Tensor2D,
      tf.add(outBias, reservedColumnsBias(V)) as tf.Tensor1D,
    );
    return tf.losses.softmaxCrossEntropy(
      tf.oneHot(tf.tensor1d(batch.targetItems, 'int32'), V),
      logits,
    ) as tf.Scalar;
  }
  const S = setup.negatives;
  const negatives = setup.sampler.sample(S, random);
  const negCorrection = new Float32Array(S);
  for (let s = 0; s < S; s++) negCorrection[s] = setup.sampler.logExpectedCount(negatives[s], S);
  const posCorrection = new Float32Array(T);
  const hits = new Float32Array(T * S);
  for (let t = 0; t < T; t++) {
    const target = batch.targetItems[t];
    posCorrection[t] = setup.sampler.logExpectedCount(target, S);
    for (let s = 0; s < S; s++) if (negatives[s] === target) hits[t * S + s] = NEG;
  }
  const targets = tf.tensor1d(batch.targetItems, 'int32');
  const negIds = tf.tensor1d(negatives, 'int32');
  const pos = tf.sub(
    tf.add(tf.sum(tf.mul(h, gatherRows(items, targets)), 1), tf.gather(outBias, targets)),
    tf.tensor1d(posCorrection),
  );
  const negBias = tf.sub(tf.gather(outBias, negIds), tf.tensor1d(negCorrection)) as tf.Tensor1D;
  const neg = tf.add(
    linear(h, tf.transpose(gatherRows(items, negIds)) as tf.Tensor2D, negBias),
    tf.tensor2d(hits, [T, S]),
  );
  const logits = tf.concat([tf.reshape(pos, [T, 1]), neg], 1);
  return tf.losses.softmaxCrossEntropy(
    tf.oneHot(tf.zeros([T], 'int32') as tf.Tensor1D, S + 1),
    logits,
  ) as tf.Scalar;
}

/** [V] bias that removes the reserved tokens (padding, [MASK], [UNK]) from every softmax. */
export function reservedColumnsBias(tokens: number): tf.Tensor1D {
  const values = new Float32Array(tokens);
  for (let t = 0; t < Math.min(FIRST_ITEM_TOKEN, tokens); t++) values[t] = NEG;
  return tf.tensor1d(values);
}
