import * as tf from '@tensorflow/tfjs-core';
import { useTensorBackend } from '../dist/src/encode/transformer-backend.js';
import { transformerHidden } from '../dist/src/encode/transformer-model.js';
import { initTransformerParams } from '../dist/src/encode/transformer-params.js';
import { itemPredictionLoss } from '../dist/src/encode/transformer-loss.js';
import { negativeSampler } from '../dist/src/encode/transformer-negatives.js';
import { randomSource } from '../dist/src/util/random.js';
await useTensorBackend('cpu');
const params = initTransformerParams({ tokens: 6, categories: 3, maxLen: 3, dim: 4, heads: 2, layers: 1, ffnDim: 8 }, randomSource(1));
const batch = { size: 2, maxLen: 3, items: Int32Array.from([3, 1, 4, 5, 1, 0]), behaviors: Int32Array.from([1, 2, 4, 1, 0, 0]), categories: Int32Array.from([1, 0, 2, 2, 0, 0]), gaps: Int32Array.from([0, 5, 9, 0, 0, 0]), lengths: Int32Array.from([3, 2]), targetRows: Int32Array.from([1, 4]), targetItems: Int32Array.from([5, 3]) };
const setup = { kind: process.argv[2] || 'full', negatives: 3, sampler: negativeSampler(Float64Array.from([0, 0, 0, 1, 2, 3]), 'uniform') };
const f = () => itemPredictionLoss(params, transformerHidden(params, batch, 'bidirectional'), batch, setup, randomSource(9));
for (const name of ['l0/qkv/w', 'position', 'item', 'l0/ffn1/w']) {
  const v = params.get(name);
  const { grads } = tf.variableGrads(f, [v]);
  const g = grads[v.name].dataSync();
  const base = v.dataSync().slice();
  let maxErr = 0, maxG = 0;
  for (let i = 0; i < Math.min(base.length, 24); i++) {
    const h = 1e-2; const p = base.slice(); p[i] += h; v.assign(tf.tensor(p, v.shape)); const lp = f().dataSync()[0];
    p[i] -= 2 * h; v.assign(tf.tensor(p, v.shape)); const lm = f().dataSync()[0]; v.assign(tf.tensor(base, v.shape));
    const num = (lp - lm) / (2 * h); maxErr = Math.max(maxErr, Math.abs(num - g[i])); maxG = Math.max(maxG, Math.abs(g[i]));
  }
  console.log(name, 'max |num-auto|', maxErr.toExponential(2), 'max |g|', maxG.toExponential(2));
}
