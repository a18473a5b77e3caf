import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs-core';
import { useTensorBackend } from '../../src/encode/transformer-backend.js';
import { itemPredictionLoss } from '../../src/encode/transformer-loss.js';
import type { TokenBatch } from '../../src/encode/transformer-masking.js';
import { negativeSampler } from '../../src/encode/transformer-negatives.js';
import { initTransformerParams } from '../../src/encode/transformer-params.js';
import { randomSource } from '../../src/util/random.js';

// Three target positions; the third has no category (token 0) and carries no category weight.
const batch: TokenBatch = {
  size: 1,
  maxLen: 3,
  items: Int32Array.from([3, 4, 5]),
  behaviors: Int32Array.from([1, 1, 1]),
  categories: Int32Array.from([1, 2, 0]),
  gaps: Int32Array.from([0, 1, 1]),
  lengths: Int32Array.from([3]),
  targetRows: Int32Array.from([0, 1, 2]),
  targetItems: Int32Array.from([4, 5, 3]),
  targetCategories: Int32Array.from([2, 1, 0]),
};

/** Cross-entropy of `target` under softmax(logits), by hand. */
function crossEntropy(logits: number[], target: number): number {
  const max = Math.max(...logits);
  const logSum = max + Math.log(logits.reduce((a, z) => a + Math.exp(z - max), 0));
  return logSum - logits[target];
}

test('itemPredictionLoss adds categoryWeight x the mean category cross-entropy (tied to category embeddings, padding column and category-less targets excluded), by hand, seed 3', async () => {
  await useTensorBackend('cpu');
  const params = initTransformerParams(
    { tokens: 6, categories: 3, maxLen: 3, dim: 4, heads: 1, layers: 1, ffnDim: 4 },
    randomSource(3),
  );
  params.get('output/categoryBias').assign(tf.tensor1d([0.5, -0.2, 0.3]));
  const r = randomSource(4);
  const hiddenValues = Float32Array.from({ length: 12 }, () => r.normal());
  const hidden = tf.tensor2d(hiddenValues, [3, 4]);
  const setup = {
    kind: 'full' as const,
    negatives: 1,
    sampler: negativeSampler(new Float64Array(6).fill(1), 'uniform'),
  };
  const plain = (
    await itemPredictionLoss(params, hidden, batch, { ...setup, categoryWeight: 0 }, r).data()
  )[0];
  const withCat = (
    await itemPredictionLoss(params, hidden, batch, { ...setup, categoryWeight: 2 }, r).data()
  )[0];
  const E = (await params.get('category').data()) as Float32Array;
  const bias = [0.5, -0.2, 0.3];
  let sum = 0;
  for (let t = 0; t < 2; t++) {
    // Category tokens 1 and 2 only: the padding column 0 is masked out of the softmax.
    const logits = [1, 2].map((c) => {
      let z = bias[c];
      for (let d = 0; d < 4; d++) z += hiddenValues[t * 4 + d] * E[c * 4 + d];
      return z;
    });
    sum += crossEntropy(logits, batch.targetCategories[t] - 1);
  }
  const want = 2 * (sum / 2);
  assert.ok(Math.abs(withCat - plain - want) < 1e-4, `${withCat - plain} vs ${want}`);
  for (const v of params.list) v.dispose();
});
