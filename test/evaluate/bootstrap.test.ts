import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrapWeights, percentileInterval } from '../../src/evaluate/bootstrap.js';
import { randomSource } from '../../src/util/random.js';
import { fixture } from './helpers.js';

test('percentileInterval matches numpy.percentile (linear) at 2.5% and 97.5%', () => {
  const ref = fixture<{ percentile: { values: number[]; lo: number; hi: number } }>(
    'evaluate/reference.json',
  ).percentile;
  const [lo, hi] = percentileInterval(ref.values);
  assert.ok(Math.abs(lo - ref.lo) < 1e-12);
  assert.ok(Math.abs(hi - ref.hi) < 1e-12);
  assert.deepEqual(percentileInterval([Number.NaN]), [Number.NaN, Number.NaN]);
});

test('bootstrapWeights(n, B, seed 4) draws n per replicate and is reproducible', () => {
  const a = bootstrapWeights(50, 3, randomSource(4));
  const b = bootstrapWeights(50, 3, randomSource(4));
  assert.deepEqual(a, b);
  for (const w of a)
    assert.equal(
      w.reduce((s, x) => s + x, 0),
      50,
    );
  assert.throws(() => bootstrapWeights(5, 0, randomSource(1)), RangeError);
});
