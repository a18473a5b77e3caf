import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cyclesWithin,
  favouriteSets,
  interleavedSets,
  mixPreferences,
  modeCount,
  phaseCount,
  popularityTiers,
  restrictedWeights,
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

test('modeCount(k) is the smallest M >= 2 with M! >= k; phaseCount(k) is max(2, k)', () => {
  assert.deepEqual(
    [1, 2, 3, 6, 7, 24, 25].map((k) => modeCount(k)),
    [2, 2, 3, 3, 4, 4, 5],
  );
  assert.deepEqual(
    [1, 2, 3, 7].map((k) => phaseCount(k)),
    [2, 2, 3, 7],
  );
});

test('interleavedSets(10 categories, 3, seed 4) partitions by popularity blocks: each block of 3 ranks spread over the 3 sets', () => {
  const pop = zipfWeights(10, 1);
  const sets = interleavedSets(pop, 3, randomSource(4));
  assert.deepEqual(sets.map((set) => set.length).sort(), [3, 3, 4]);
  assert.deepEqual(
    sets.flat().sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  // zipfWeights ranks category i at i, so block b is {3b, 3b+1, 3b+2}: one of each per set.
  for (let b = 0; b < 3; b++)
    for (const set of sets) assert.equal(set.filter((c) => Math.floor(c / 3) === b).length, 1, `block ${b}`);
});

test('restrictedWeights([1,2,3,4], {1,3}) is [0, 1/3, 0, 2/3] by hand', () => {
  const w = restrictedWeights(Float64Array.from([1, 2, 3, 4]), [1, 3]);
  assert.deepEqual(Array.from(w), [0, 2 / 6, 0, 4 / 6]);
});
