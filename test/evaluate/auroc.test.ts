import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auroc } from '../../src/evaluate/auroc.js';
import { fixture } from './helpers.js';

const ref = fixture<{
  auroc: { scores: number[]; outcomes: number[]; value: number; weights: number[]; weighted_value: number };
}>('evaluate/reference.json').auroc;

test('auroc(scores, outcomes) matches sklearn roc_auc_score with many ties', () => {
  assert.ok(Math.abs(auroc(ref.scores, ref.outcomes) - ref.value) < 1e-12);
});

test('auroc with integer weights matches sklearn sample_weight', () => {
  assert.ok(Math.abs(auroc(ref.scores, ref.outcomes, ref.weights) - ref.weighted_value) < 1e-12);
});

test('auroc hand cases: perfect, reversed, all tied, one class', () => {
  assert.equal(auroc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
  assert.equal(auroc([1, 2, 3], [0, 1, 1]), 1);
  assert.equal(auroc([3, 2, 1], [0, 1, 1]), 0);
  assert.equal(auroc([1, 1, 1, 1], [0, 1, 0, 1]), 0.5);
  assert.ok(Number.isNaN(auroc([1, 2], [1, 1])));
  assert.throws(() => auroc([1], [1, 0]), /auroc: scores.length/);
});
