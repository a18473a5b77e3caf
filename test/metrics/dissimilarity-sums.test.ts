import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dissimilarity } from '../../src/util/dissimilarity.js';
import { DISSIMILARITY_BLOCK, dissimilaritySums } from '../../src/metrics/dissimilarity-sums.js';
import { randomSource } from '../../src/util/random.js';

test('dissimilaritySums(D, labels, k) by hand: noise columns excluded, noise rows filled', () => {
  // Points 0, 1 in cluster 0, point 2 in cluster 1, point 3 noise.
  const D = dissimilarity(4, Float64Array.of(0, 1, 2, 3, 1, 0, 4, 5, 2, 4, 0, 6, 3, 5, 6, 0));
  assert.deepEqual(Array.from(dissimilaritySums(D, Int32Array.of(0, 0, 1, -1), 2)), [1, 2, 1, 4, 6, 0, 8, 6]);
});

test('dissimilaritySums over several blocks equals the full row-by-row sums (seed 70, noise)', () => {
  const n = 2 * DISSIMILARITY_BLOCK + 37;
  const r = randomSource(70);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) data[i * n + j] = data[j * n + i] = r.uniform() * 10;
  const labels = Int32Array.from({ length: n }, (_, i) => (i % 11 === 0 ? -1 : r.int(5)));
  const sums = dissimilaritySums(dissimilarity(n, data), labels, 5);
  for (let i = 0; i < n; i++) {
    const expected = new Float64Array(5);
    for (let j = 0; j < n; j++) if (labels[j] >= 0) expected[labels[j]] += data[i * n + j];
    for (let c = 0; c < 5; c++) {
      const got = sums[i * 5 + c];
      assert.ok(
        Math.abs(got - expected[c]) <= 1e-12 * expected[c],
        `row ${i} cluster ${c}: ${got} vs ${expected[c]}`,
      );
    }
  }
});

test('dissimilaritySums throws when labels do not match n', () => {
  assert.throws(
    () => dissimilaritySums(dissimilarity(2, Float64Array.of(0, 1, 1, 0)), Int32Array.of(0), 1),
    /dissimilaritySums: labels.length \(1\) != n \(2\)/,
  );
});
