import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cumulateInPlace,
  drawFromCdf,
  geometricAtLeastOne,
  logNormal,
  streamSeed,
  zipfWeights,
} from '../../src/data/generate-sampling.js';
import { randomSource } from '../../src/util/random.js';

test('cumulateInPlace([1,1,2]) is [0.25, 0.5, 1] and drawFromCdf finds the interval of u', () => {
  const cdf = cumulateInPlace(Float64Array.from([1, 1, 2]));
  assert.deepEqual(Array.from(cdf), [0.25, 0.5, 1]);
  assert.equal(drawFromCdf(cdf, 0), 0);
  assert.equal(drawFromCdf(cdf, 0.2499), 0);
  assert.equal(drawFromCdf(cdf, 0.25), 1);
  assert.equal(drawFromCdf(cdf, 0.5), 2);
  assert.equal(drawFromCdf(cdf, 0.9999), 2);
});

test('cumulateInPlace on a sub-range leaves the rest untouched and ends at exactly 1', () => {
  const w = Float64Array.from([9, 1, 3, 9]);
  cumulateInPlace(w, 1, 3);
  assert.deepEqual(Array.from(w), [9, 0.25, 1, 9]);
  assert.equal(drawFromCdf(w, 0.3, 1, 3), 2);
});

test('zipfWeights(4, 1) is 1, 1/2, 1/3, 1/4', () => {
  assert.deepEqual(Array.from(zipfWeights(4, 1)), [1, 1 / 2, 1 / 3, 1 / 4]);
});

test('geometricAtLeastOne(random seed 5, mean 8) averages 8 over 1e5 draws (4 sigma)', () => {
  const r = randomSource(5);
  let s = 0;
  const n = 100_000;
  for (let i = 0; i < n; i++) s += geometricAtLeastOne(r, 8);
  // Variance of a geometric on {1,2,..} with p = 1/8 is (1-p)/p^2 = 56.
  assert.ok(Math.abs(s / n - 8) < 4 * Math.sqrt(56 / n));
  assert.equal(geometricAtLeastOne(r, 0.5), 1);
});

test('logNormal(random seed 9, median 40, sigma 0.9) has median 40 (within 2%) over 1e5 draws', () => {
  const r = randomSource(9);
  const xs = Float64Array.from({ length: 100_001 }, () => logNormal(r, 40, 0.9)).sort();
  assert.ok(Math.abs(xs[50_000] / 40 - 1) < 0.02);
});

test('streamSeed(seed, u) differs across users and seeds and is a uint32', () => {
  const seen = new Set<number>();
  for (let u = 0; u < 10_000; u++) seen.add(streamSeed(1, u));
  assert.equal(seen.size, 10_000);
  assert.notEqual(streamSeed(1, 0), streamSeed(2, 0));
  assert.equal(streamSeed(7, 3), streamSeed(7, 3));
  assert.ok(Number.isInteger(streamSeed(7, 3)) && streamSeed(7, 3) >= 0 && streamSeed(7, 3) < 2 ** 32);
});
