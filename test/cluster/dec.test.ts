import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs-core';
import { DeepClusterer } from '../../src/cluster/dec.js';
import { clusteringLoss } from '../../src/cluster/dec-loss.js';
import { hardAssignment, sharpenedTarget, studentTAssignment } from '../../src/cluster/dec-target.js';
import { TransformerEncoder } from '../../src/encode/transformer.js';
import { useTensorBackend } from '../../src/encode/transformer-backend.js';
import { contingency } from '../../src/metrics/contingency.js';
import { adjustedRand } from '../../src/metrics/rand.js';
import { matrixFromRows } from '../../src/util/matrix.js';
import { orderOnlySequences } from '../encode/order-only-fixture.js';

function close(a: ArrayLike<number>, b: number[], eps = 1e-5): void {
  for (let i = 0; i < b.length; i++) assert.ok(Math.abs(a[i] - b[i]) < eps, `[${i}] ${a[i]} vs ${b[i]}`);
}

test('studentTAssignment and sharpenedTarget match hand computation (Xie et al. 2016 eq. 1, 3)', () => {
  const Z = matrixFromRows([[0], [2]]);
  const C = matrixFromRows([[0], [2]]);
  // alpha 1: kernel (1 + d^2)^-1 -> rows [1, 1/5] -> [5/6, 1/6].
  const Q = studentTAssignment(Z, C, 1);
  close(Q.data, [5 / 6, 1 / 6, 1 / 6, 5 / 6]);
  // alpha 2: (1 + d^2/2)^-1.5 -> [1, 3^-1.5].
  const q2 = 1 / (1 + 3 ** -1.5);
  close(studentTAssignment(Z, C, 2).data, [q2, 1 - q2, 1 - q2, q2]);
  // f = [1, 1]; p ~ q^2: [25/36, 1/36] / (26/36) = [25/26, 1/26].
  close(sharpenedTarget(Q).data, [25 / 26, 1 / 26, 1 / 26, 25 / 26]);
  assert.deepEqual(Array.from(hardAssignment(Q)), [0, 1]);
  assert.throws(
    () => studentTAssignment(Z, matrixFromRows([[0, 1]]), 1),
    /Z.cols \(1\) != centroids.cols \(2\)/,
  );
  assert.throws(() => studentTAssignment(Z, C, 0), /alpha \(0\)/);
});

test('clusteringLoss(z, mu, P) is the batch mean of KL(P || Q), by hand', async () => {
  await useTensorBackend('cpu');
  const z = [
    [0, 1],
    [2, 0],
    [1, 1],
  ];
  const mu = [
    [0, 0],
    [2, 1],
  ];
  const P = [
    [0.9, 0.1],
    [0.2, 0.8],
    [0.5, 0.5],
  ];
  const Q = studentTAssignment(matrixFromRows(z), matrixFromRows(mu), 1).data;
  let want = 0;
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 2; j++) want += (P[i][j] * Math.log(P[i][j] / Q[i * 2 + j])) / 3;
  const got = clusteringLoss(tf.tensor2d(z), tf.tensor2d(mu), tf.tensor2d(P), 1).dataSync()[0];
  assert.ok(Math.abs(got - want) < 1e-5, `${got} vs ${want}`);
});

test('DeepClusterer.fitSequences sharpens the soft assignments of its pretrained embedding and labels every sequence (fixture seed 5, seed 2)', async () => {
  const { seqs, truth } = orderOnlySequences({
    users: 120,
    segments: 2,
    length: 20,
    categories: 6,
    itemsPerCategory: 6,
    seed: 5,
  });
  const dec = new DeepClusterer({
    k: 2,
    gamma: 1,
    jointEpochs: 3,
    updateInterval: 4,
    seed: 2,
    encoder: {
      objective: 'causal',
      pooling: 'contextual',
      dim: 16,
      heads: 2,
      maxLen: 20,
      epochs: 10,
      batchSize: 16,
      learningRate: 0.01,
    },
  });
  await dec.fitSequences(seqs);
  assert.equal(dec.labels.length, 120);
  assert.ok(dec.labels.every((l) => l === 0 || l === 1));
  assert.equal(dec.centroids.rows, 2);
  assert.equal(dec.embedding.rows, 120);
  assert.ok(dec.iterations >= 1);
  const ari = adjustedRand(contingency(truth, dec.labels));
  const confidence = (Q: Float32Array) => {
    let s = 0;
    for (let i = 0; i < Q.length; i += 2) s += Math.max(Q[i], Q[i + 1]);
    return s / (Q.length / 2);
  };
  const finalConfidence = confidence(studentTAssignment(dec.embedding, dec.centroids, 1).data);
  const startConfidence = confidence(
    studentTAssignment(dec.pretrained.embedding, dec.pretrained.centroids, 1).data,
  );
  const startAri = adjustedRand(contingency(truth, dec.pretrained.labels));
  console.log(
    `dec ARI ${ari.toFixed(3)} (pretrained + k-means ${startAri.toFixed(3)}), mean max q ${finalConfidence.toFixed(3)} (pretrained ${startConfidence.toFixed(3)})`,
  );
  assert.ok(
    finalConfidence > startConfidence,
    `mean max q ${finalConfidence} <= pretrained ${startConfidence}`,
  );
  assert.deepEqual(Array.from(await dec.predictSequences(seqs)), Array.from(dec.labels));
  await assert.rejects(dec.fit(dec.embedding), /fitSequences/);
  dec.encoder.dispose();
});

test('DeepClusterer rejects bad options all at once', () => {
  assert.throws(
    () => new DeepClusterer({ k: 0, gamma: -1, updateInterval: 0 }),
    (e: Error) =>
      e instanceof RangeError &&
      /k \(0\)/.test(e.message) &&
      /gamma \(-1\)/.test(e.message) &&
      /updateInterval \(0\)/.test(e.message),
  );
});

test('DeepClusterer({ pretrained }) starting from an encoder already fit with the same options and seed gives the same result as its own pretraining (fixture seed 4, seed 3)', async () => {
  const { seqs } = orderOnlySequences({
    users: 60,
    segments: 2,
    length: 12,
    categories: 4,
    itemsPerCategory: 4,
    seed: 4,
  });
  const encoder = {
    objective: 'causal' as const,
    dim: 8,
    heads: 2,
    maxLen: 12,
    epochs: 2,
    batchSize: 16,
    seed: 3,
  };
  const own = await new DeepClusterer({
    k: 2,
    jointEpochs: 1,
    updateInterval: 2,
    seed: 3,
    encoder,
  }).fitSequences(seqs);
  const fitted = await new TransformerEncoder(encoder).fit(seqs);
  const shared = await new DeepClusterer({
    k: 2,
    jointEpochs: 1,
    updateInterval: 2,
    seed: 3,
    pretrained: fitted,
  }).fitSequences(seqs);
  assert.equal(shared.encoder, fitted, 'the given encoder is the one trained further');
  assert.deepEqual(Array.from(shared.pretrained.embedding.data), Array.from(own.pretrained.embedding.data));
  assert.deepEqual(Array.from(shared.labels), Array.from(own.labels));
  assert.deepEqual(Array.from(shared.embedding.data), Array.from(own.embedding.data));
  own.encoder.dispose();
  fitted.dispose();
});
