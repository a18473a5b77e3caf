import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs-core';
import { useTensorBackend } from '../../src/encode/transformer-backend.js';
import { gatherRows, scatterAddRows } from '../../src/encode/transformer-kernels.js';
import { positionGroups } from '../../src/encode/transformer-infer.js';
import { centerAccumulator, poolHidden } from '../../src/encode/transformer-pooling.js';

// Two windows of maxLen 3, dim 2: window 0 has 2 real positions, window 1 is empty.
const hidden = [1, 2, 3, 4, 9, 9, 5, 5, 7, 7, 8, 8];
const lengths = Int32Array.from([2, 0]);

for (const backend of ['wasm', 'cpu'] as const) {
  test(`poolHidden (${backend}) mean / last / contextual match hand computation`, async () => {
    await useTensorBackend(backend);
    const h = tf.tensor2d(hidden, [6, 2]);
    assert.deepEqual(Array.from(poolHidden(h, lengths, 3, 'mean').dataSync()), [2, 3, 0, 0]);
    assert.deepEqual(Array.from(poolHidden(h, lengths, 3, 'last').dataSync()), [3, 4, 5, 5]);
    // Centers: group 1 = [1, 1], group 2 = [0, 2]; positions 0, 1 of window 0 are groups 1, 2.
    const centers = {
      centers: tf.tensor2d([0, 0, 1, 1, 0, 2], [3, 2]),
      groups: Int32Array.from([1, 2, 0, 0, 0, 0]),
    };
    // ((1-1) + (3-0)) / 2 = 1.5, ((2-1) + (4-2)) / 2 = 1.5
    assert.deepEqual(
      Array.from(poolHidden(h, lengths, 3, 'contextual', centers).dataSync()),
      [1.5, 1.5, 0, 0],
    );
    assert.deepEqual(
      Array.from(poolHidden(h, lengths, 3, 'transition', centers).dataSync()),
      [1.5, 1.5, 0, 0],
    );
    assert.throws(() => poolHidden(h, lengths, 3, 'contextual'), /needs centers/);
    assert.throws(() => poolHidden(h, lengths, 3, 'transition'), /transition pooling needs centers/);
  });

  test(`gatherRows / scatterAddRows (${backend}) match tf.gather and its gradient`, async () => {
    await useTensorBackend(backend);
    const table = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]);
    const idx = tf.tensor1d([3, 0, 3, 1], 'int32');
    assert.deepEqual(Array.from(gatherRows(table, idx).dataSync()), [7, 8, 1, 2, 7, 8, 3, 4]);
    assert.deepEqual(
      Array.from(scatterAddRows(tf.tensor2d([1, 1, 2, 2, 3, 3, 4, 4], [4, 2]), idx, 4).dataSync()),
      [2, 2, 4, 4, 0, 0, 4, 4],
    );
    const weights = tf.tensor2d([1, -1, 2, 0.5, 3, 1, -2, 4], [4, 2]);
    const mine = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(gatherRows(t as tf.Tensor2D, idx), weights)))(table);
    assert.deepEqual(Array.from(mine.dataSync()), [2, 0.5, -2, 4, 0, 0, 4, 0]);
  });
}

test('centerAccumulator averages hidden states per group over real positions only', () => {
  const acc = centerAccumulator(3, 2);
  acc.add(Float32Array.from(hidden), Int32Array.from([1, 1, 2, 2, 2, 2]), lengths, 3);
  assert.deepEqual(Array.from(acc.value()), [0, 0, 2, 3, 0, 0]);
});

test('positionGroups: category, item, and (previous category, category) pairs restarting at each window', () => {
  const batch = {
    maxLen: 3,
    categories: Int32Array.from([1, 2, 2, 3, 1, 0]),
    items: Int32Array.from([5, 6, 7, 8, 9, 0]),
  };
  assert.deepEqual(positionGroups(batch, { by: 'category', categories: 4 }), batch.categories);
  assert.deepEqual(positionGroups(batch, { by: 'item', categories: 4 }), batch.items);
  // prev * 4 + cat; the first position of each window has prev 0.
  assert.deepEqual(
    Array.from(positionGroups(batch, { by: 'transition', categories: 4 })),
    [1, 6, 10, 3, 13, 4],
  );
});
