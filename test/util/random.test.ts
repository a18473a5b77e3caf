import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomSource, shuffleInPlace } from '../../src/util/random.js';

test('randomSource(seed) gives the same stream for the same seed (seed 42)', () => {
  const a = randomSource(42);
  const b = randomSource(42);
  for (let i = 0; i < 100; i++) assert.equal(a.uniform(), b.uniform());
  assert.notEqual(randomSource(43).uniform(), randomSource(42).uniform());
});

test('randomSource(7).uniform() is uniform on [0,1): mean and variance within 4 sigma over 1e5 draws', () => {
  const r = randomSource(7);
  const n = 100_000;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const u = r.uniform();
    assert.ok(u >= 0 && u < 1);
    s += u;
    s2 += u * u;
  }
  const mean = s / n;
  assert.ok(Math.abs(mean - 0.5) < 4 * Math.sqrt(1 / 12 / n));
  assert.ok(Math.abs(s2 / n - mean * mean - 1 / 12) < 0.002);
});

test('randomSource(3).normal() has mean 0 and variance 1 over 1e5 draws', () => {
  const r = randomSource(3);
  const n = 100_000;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const z = r.normal();
    s += z;
    s2 += z * z;
  }
  assert.ok(Math.abs(s / n) < 0.02);
  assert.ok(Math.abs(s2 / n - 1) < 0.02);
});

test('Random.int rejects non-positive n and covers [0, n)', () => {
  const r = randomSource(1);
  assert.throws(() => r.int(0), RangeError);
  assert.throws(() => r.int(2.5), RangeError);
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) seen.add(r.int(5));
  assert.deepEqual([...seen].sort(), [0, 1, 2, 3, 4]);
  assert.throws(() => randomSource(Number.NaN), /seed/);
});

test('shuffleInPlace is a permutation and reproducible from seed 9', () => {
  const a = shuffleInPlace(
    Int32Array.from({ length: 50 }, (_, i) => i),
    randomSource(9),
  );
  const b = shuffleInPlace(
    Int32Array.from({ length: 50 }, (_, i) => i),
    randomSource(9),
  );
  assert.deepEqual(a, b);
  assert.deepEqual(
    [...a].sort((x, y) => x - y),
    Array.from({ length: 50 }, (_, i) => i),
  );
});
