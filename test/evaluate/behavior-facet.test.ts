import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adjust, behaviorFacet, etaSquared, sizeBalance } from '../../src/evaluate/behavior-facet.js';
import { behaviorSpace } from '../../src/evaluate/behavior-space.js';
import { randomSource } from '../../src/util/random.js';
import { sequencesOf } from './helpers.js';

// u1, u2 only category 0 (alternating items); u3, u4 only category 1.
const seqs = sequencesOf(
  {
    u1: [
      [0, 0, 0, 0],
      [1, 0, 0, 60],
      [0, 0, 3, 120],
    ],
    u2: [
      [1, 0, 0, 0],
      [0, 0, 0, 60],
    ],
    u3: [
      [2, 1, 0, 0],
      [3, 1, 0, 60],
      [2, 1, 1, 120],
      [3, 1, 0, 180],
    ],
    u4: [
      [3, 1, 0, 0],
      [2, 1, 0, 60],
    ],
  },
  4,
  2,
);

test('behaviorFacet: a segmentation by category has coherence 1, a crossing one coherence 0', () => {
  const space = behaviorSpace(seqs);
  const options = { permutations: 3, random: randomSource(2) };
  const good = behaviorFacet(space, Int32Array.from([0, 0, 1, 1]), 2, options).facet;
  const bad = behaviorFacet(space, Int32Array.from([0, 1, 0, 1]), 2, options).facet;
  assert.ok(Math.abs(good.category_coherence - 1) < 1e-12);
  assert.ok(Math.abs(bad.category_coherence) < 1e-12);
  assert.equal(good.size_balance, 1);
  assert.equal(good.noise_fraction, 0);
  assert.throws(() => behaviorFacet(space, Int32Array.from([0]), 1, options), /labels.length/);
});

test('etaSquared matches the hand ANOVA: groups {1,3} and {5,7} give 16/20', () => {
  const X = Float64Array.from([1, 3, 5, 7]);
  assert.ok(Math.abs(etaSquared(X, 1, 0, Int32Array.from([0, 0, 1, 1]), 2) - 16 / 20) < 1e-12);
  // noise excluded: only {1} vs {5,7}: mean 13/3; total = (1-13/3)^2+(5-13/3)^2+(7-13/3)^2 = 56/3; between = 56/3 - 2
  assert.ok(
    Math.abs(etaSquared(X, 1, 0, Int32Array.from([0, -1, 1, 1]), 2) - (56 / 3 - 2) / (56 / 3)) < 1e-12,
  );
});

test('sizeBalance and adjust: hand values', () => {
  assert.equal(sizeBalance(Int32Array.from([0, 0, 1, 1]), 2), 1);
  const p = 0.75;
  assert.ok(
    Math.abs(
      sizeBalance(Int32Array.from([0, 0, 0, 1]), 2) -
        -(p * Math.log(p) + 0.25 * Math.log(0.25)) / Math.log(2),
    ) < 1e-12,
  );
  assert.equal(adjust(0.5, 0), 0.5);
  assert.equal(adjust(0.2, 0.2), 0);
  assert.ok(Number.isNaN(adjust(1, 1)));
});
