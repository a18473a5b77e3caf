import assert from 'node:assert/strict';
import { test } from 'node:test';
import { behaviorScore, compositeScore, FLOOR } from '../../src/evaluate/composite.js';
import { DEFAULT_WEIGHTS } from '../../src/evaluate/protocol-config.js';

const weights = { geometry: 0, behavior: 0.6, stability: 0.2, null: 0.05, downstream: 0.15 };

test('compositeScore is the weighted geometric mean of the floored facet scores (hand computation)', () => {
  const scores = { geometry: 0.9, behavior: 0.4, stability: 0.8, null: 0.01, downstream: 0.2 };
  const expected = Math.exp(
    (0.6 * Math.log(0.4) + 0.2 * Math.log(0.8) + 0.05 * Math.log(FLOOR) + 0.15 * Math.log(0.2)) / 1,
  );
  assert.ok(Math.abs(compositeScore(scores, weights) - expected) < 1e-12);
  // A NaN facet is left out and the weights renormalized over the rest.
  const partial = { ...scores, downstream: Number.NaN };
  const renormalized = Math.exp((0.6 * Math.log(0.4) + 0.2 * Math.log(0.8) + 0.05 * Math.log(FLOOR)) / 0.85);
  assert.ok(Math.abs(compositeScore(partial, weights) - renormalized) < 1e-12);
});

test('compositeScore: behavior below FLOOR is a gate — the composite is exactly FLOOR whatever the other facets', () => {
  const stable = { geometry: 1, behavior: 0.049, stability: 1, null: 1, downstream: 1 };
  const unstable = { geometry: 0, behavior: 0.01, stability: 0.1, null: 0, downstream: 0 };
  assert.equal(compositeScore(stable, weights), FLOOR);
  assert.equal(compositeScore(unstable, weights), FLOOR);
  // Just above the gate the facets count again, and nothing scores below FLOOR.
  assert.ok(compositeScore({ ...stable, behavior: 0.051 }, weights) > FLOOR);
  assert.ok(compositeScore({ ...unstable, behavior: 0.051 }, weights) >= FLOOR);
  // With behavior weighted 0 there is no gate.
  assert.ok(compositeScore(stable, { ...weights, behavior: 0 }) > 0.99);
  assert.equal(DEFAULT_WEIGHTS.behavior > 0, true);
});

test('behaviorScore takes the largest clipped part and ignores NaN parts', () => {
  assert.equal(behaviorScore([0.1, -0.3, 0.25]), 0.25);
  assert.equal(behaviorScore([Number.NaN, 1.7]), 1);
  assert.ok(Number.isNaN(behaviorScore([Number.NaN, Number.NaN])));
});
