import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs-core';
import { useTensorBackend } from '../../src/encode/transformer-backend.js';
import { denseMatMul } from '../../src/encode/transformer-dense.js';
import type { TokenBatch } from '../../src/encode/transformer-masking.js';
import { transformerHidden } from '../../src/encode/transformer-model.js';
import { initTransformerParams } from '../../src/encode/transformer-params.js';
import { randomSource } from '../../src/util/random.js';
import { type ReferenceWeights, referenceHidden } from './transformer-reference.js';

const dims = { dim: 4, heads: 2, layers: 2 };
const batch: TokenBatch = {
  size: 2,
  maxLen: 3,
  items: Int32Array.from([3, 1, 4, 5, 0, 0]),
  behaviors: Int32Array.from([1, 2, 4, 1, 0, 0]),
  categories: Int32Array.from([1, 0, 2, 2, 0, 0]),
  gaps: Int32Array.from([0, 5, 9, 0, 0, 0]),
  lengths: Int32Array.from([3, 1]),
  targetRows: new Int32Array(0),
  targetItems: new Int32Array(0),
  targetCategories: new Int32Array(0),
};

async function weightsOf(seed: number) {
  const params = initTransformerParams(
    { tokens: 6, categories: 3, maxLen: 3, dim: 4, heads: 2, layers: 2, ffnDim: 8 },
    randomSource(seed),
  );
  // Nonzero biases and gains, so the reference checks where they enter.
  const r = randomSource(seed + 1);
  for (const v of params.list)
    v.assign(
      tf.add(
        v,
        tf.tensor(
          Float32Array.from({ length: v.size }, () => 0.1 * r.normal()),
          v.shape,
        ),
      ),
    );
  const w: ReferenceWeights = {};
  for (let i = 0; i < params.list.length; i++)
    w[params.names[i]] = {
      shape: params.list[i].shape,
      values: (await params.list[i].data()) as Float32Array,
    };
  return { params, w };
}

for (const backend of ['wasm', 'cpu'] as const) {
  for (const causal of [false, true]) {
    test(`transformerHidden (${backend}, ${causal ? 'causal' : 'bidirectional'}) matches a plain-JS forward pass, seed 5`, async () => {
      await useTensorBackend(backend);
      const { params, w } = await weightsOf(5);
      const got = tf
        .tidy(() => transformerHidden(params, batch, causal ? 'causal' : 'bidirectional'))
        .dataSync();
      const want = referenceHidden(w, batch, dims, causal);
      for (let r = 0; r < 6; r++)
        for (let d = 0; d < 4; d++)
          assert.ok(
            Math.abs(got[r * 4 + d] - want[r][d]) < 1e-4,
            `row ${r} col ${d}: ${got[r * 4 + d]} vs ${want[r][d]}`,
          );
      for (const v of params.list) v.dispose();
    });
  }
  test(`denseMatMul (${backend}) has the gradients of tf.matMul`, async () => {
    await useTensorBackend(backend);
    const x = tf.tensor2d([1, -2, 0.5, 3, 4, -1], [3, 2]);
    const w = tf.tensor2d([0.2, -0.3, 1.5, 0.7, -1.1, 0.4], [2, 3]);
    const [dx1, dw1] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.square(denseMatMul(a as tf.Tensor2D, b as tf.Tensor2D))),
    )([x, w]);
    const [dx2, dw2] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.matMul(a, b))))([x, w]);
    assert.deepEqual(Array.from(dx1.dataSync()), Array.from(dx2.dataSync()));
    assert.deepEqual(Array.from(dw1.dataSync()), Array.from(dw2.dataSync()));
  });
}
