import assert from 'node:assert/strict';
import { test } from 'node:test';
import { populationStability } from '../../src/serve/population-stability.js';

test('populationStability([50,50],[25,75]) = -0.25 ln 0.5 + 0.25 ln 1.5 (hand computation)', () => {
  assert.ok(
    Math.abs(populationStability([50, 50], [25, 75]) - (0.25 * Math.log(2) + 0.25 * Math.log(1.5))) < 1e-12,
  );
});

test('populationStability of identical shares is 0; an empty bin is floored, finite', () => {
  assert.equal(populationStability([1, 3], [10, 30]), 0);
  const v = populationStability([10, 0], [5, 5], 1e-4);
  const expected = (0.5 - 1) * Math.log(0.5 / 1) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4);
  assert.ok(Math.abs(v - expected) < 1e-12);
});

test('populationStability throws on length mismatch and zero totals', () => {
  assert.throws(() => populationStability([1], [1, 2]), /length/);
  assert.throws(() => populationStability([0, 0], [1, 2]), /positive total/);
});
