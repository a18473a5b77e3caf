import * as tf from '@tensorflow/tfjs-core';
import { useTensorBackend } from '../dist/src/encode/transformer-backend.js';
import { denseMatMul } from '../dist/src/encode/transformer-dense.js';
import { gatherRows } from '../dist/src/encode/transformer-kernels.js';
await useTensorBackend(process.argv[2] || 'wasm');
const x = tf.randomNormal([5, 4], 0, 1, 'float32', 1), w = tf.randomNormal([4, 3], 0, 1, 'float32', 2);
const f1 = (a, b) => tf.sum(tf.square(denseMatMul(a, b)));
const f2 = (a, b) => tf.sum(tf.square(tf.matMul(a, b)));
const g1 = tf.grads(f1)([x, w]), g2 = tf.grads(f2)([x, w]);
console.log('dx diff', tf.max(tf.abs(tf.sub(g1[0], g2[0]))).dataSync()[0], 'dw diff', tf.max(tf.abs(tf.sub(g1[1], g2[1]))).dataSync()[0]);
const t = tf.randomNormal([6, 3], 0, 1, 'float32', 3), idx = tf.tensor1d([0, 2, 2, 5], 'int32');
const h1 = tf.grad((a) => tf.sum(tf.square(gatherRows(a, idx))))(t), h2 = tf.grad((a) => tf.sum(tf.square(tf.gather(a, idx))))(t);
console.log('gather grad diff', tf.max(tf.abs(tf.sub(h1, h2))).dataSync()[0]);
// attention path
const q = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 4);
const a1 = tf.grad((a) => tf.sum(tf.softmax(tf.matMul(a, a, false, true))))(q);
console.log('attn grad', a1.dataSync().slice(0, 4));
