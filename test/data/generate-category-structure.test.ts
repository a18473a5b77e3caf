import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cyclesWithin,
  favouriteSets,
  mixPreferences,
  popularityTiers,
  tieredWeights,
} from '../../src/data/generate-category-structure.js';
import { zipfWeights } from '../../src/data/generate-sampling.js';
import { randomSource } from '../../src/util/random.js';

test('cyclesWithin(groups, seed 1) is one cycle through each group, so a walk never leaves its group', () => {
  const groups = [[0, 3, 5, 7], [1, 2], [4], [6, 8, 9]];
  const next = cyclesWithin(groups, 10, randomSource(1));
  for (const g of groups) {
    let c = g[0];
    const seen = new Set<number>();
    for (let i = 0; i < g.length; i++) {
      seen.add(c);
      c = next[c];
      assert.ok(g.includes(c));
    }
    assert.equal(c, g[0], 'back to the start after |group| steps');
    assert.equal(seen.size, g.length);
  }
});

test('tieredWeights over popularityTiers is stationary under any cyclesWithin of the tiers (seed 2)', () => {
  const pop = zipfWeights(40, 1);
  const sum = pop.reduce((a, b) => a + b, 0);
  for (let i = 0; i < 40; i++) pop[i] /= sum;
  const tiers = popularityTiers(pop);
  assert.deepEqual(
    tiers.map((t) => t.length),
    [8, 16, 16],
  );
  const w = tieredWeights(pop, tiers);
  const next = cyclesWithin(tiers, 40, randomSource(2));
  const moved = new Float64Array(40);
  for (let c = 0; c < 40; c++) moved[next[c]] += w[c];
  for (let c = 0; c < 40; c++) assert.ok(Math.abs(moved[c] - w[c]) < 1e-15);
  assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-12);
});

test('favouriteSets(disjoint) gives K disjoint sets of floor(C/K) (max 8); mixPreferences sums to 1 (seed 3)', () => {
  const sets = favouriteSets(20, 4, true, randomSource(3));
  assert.deepEqual(
    sets.map((s) => s.length),
    [5, 5, 5, 5],
  );
  assert.equal(new Set(sets.flat()).size, 20);
  const pop = new Float64Array(20).fill(1 / 20);
  const w = mixPreferences(pop, sets[0], 0.9, randomSource(3));
  assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  const onFavourites = sets[0].reduce((a, c) => a + w[c], 0);
  assert.ok(Math.abs(onFavourites - (0.9 + (0.1 * 5) / 20)) < 1e-12);
});
