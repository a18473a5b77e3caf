import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupMeanDistributions, jensenShannonToDense } from '../../src/evaluate/jensen-shannon.js';
import { fixture } from './helpers.js';

test('jensenShannonToDense matches scipy jensenshannon(p, q, base=2)^2 on a sparse p', () => {
  const ref = fixture<{ jsd: { p: number[]; q: number[]; value: number } }>('evaluate/reference.json').jsd;
  const support = ref.p.map((v, j) => [v, j]).filter(([v]) => v > 0);
  const rows = {
    offsets: Int32Array.from([0, support.length]),
    index: Int32Array.from(support.map(([, j]) => j)),
    weight: Float64Array.from(support.map(([v]) => v)),
    dims: ref.p.length,
  };
  assert.ok(Math.abs(jensenShannonToDense(rows, 0, Float64Array.from(ref.q)) - ref.value) < 1e-12);
  assert.equal(jensenShannonToDense(rows, 0, Float64Array.from([0.2, 0, 0.5, 0.3, 0, 0])), 0);
});

test('groupMeanDistributions averages rows per group and skips noise', () => {
  const rows = {
    offsets: Int32Array.from([0, 1, 2, 3]),
    index: Int32Array.from([0, 1, 1]),
    weight: Float64Array.from([1, 1, 1]),
    dims: 2,
  };
  const means = groupMeanDistributions(rows, Int32Array.from([0, 0, -1]), 1);
  assert.deepEqual([...means[0]], [0.5, 0.5]);
});
