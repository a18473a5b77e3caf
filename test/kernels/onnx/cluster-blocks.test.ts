import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterBlocks, labelOrder } from '../../../src/kernels/onnx/cluster-blocks.js';

test('labelOrder(labels, k) orders points by label, noise last, stable within a label', () => {
  assert.deepEqual(Array.from(labelOrder(Int32Array.of(2, -1, 0, 2, 0, -1, 1), 3)), [2, 4, 6, 0, 3, 1, 5]);
});

test('clusterBlocks(sorted, side 4, minPure 3) splits long runs evenly, pools short runs, keeps noise apart', () => {
  // Runs: 0 x7 (pure, split 3 + 4), 1 x1, 2 x2, 3 x2 (mixed: 1+2 then 2, as 1+2+2 > 4), noise x5 (split 2 + 3).
  const sorted = Int32Array.of(0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 3, 3, -1, -1, -1, -1, -1);
  const blocks = clusterBlocks(sorted, 4, 3).map((b) => [b.start, b.size, b.kind, b.label, b.labelCount]);
  assert.deepEqual(blocks, [
    [0, 3, 'pure', 0, 1],
    [3, 4, 'pure', 0, 1],
    [7, 3, 'mixed', 1, 2],
    [10, 2, 'mixed', 3, 1],
    [12, 2, 'noise', -1, 0],
    [14, 3, 'noise', -1, 0],
  ]);
});

test('clusterBlocks covers every position exactly once, in order (random run lengths)', () => {
  const sorted: number[] = [];
  const lengths = [1, 9, 2, 2, 30, 1, 1, 1, 5, 17];
  lengths.forEach((len, c) => {
    for (let i = 0; i < len; i++) sorted.push(c);
  });
  for (let i = 0; i < 6; i++) sorted.push(-1);
  const blocks = clusterBlocks(Int32Array.from(sorted), 8, 4);
  let at = 0;
  for (const b of blocks) {
    assert.equal(b.start, at);
    assert.ok(b.size >= 1 && b.size <= 8);
    for (let i = 0; i < b.size; i++) {
      const label = sorted[b.start + i];
      if (b.kind === 'pure') assert.equal(label, b.label);
      if (b.kind === 'mixed') assert.ok(label >= b.label && label < b.label + b.labelCount);
    }
    at += b.size;
  }
  assert.equal(at, sorted.length);
});
