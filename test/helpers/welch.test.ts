import assert from 'node:assert/strict';
import { test } from 'node:test';
import { welchT } from './welch.js';

// Hand computation: a = [1,2,3,4] (mean 2.5, var 5/3), b = [2,4,6] (mean 4, var 4):
// se = sqrt(5/12 + 4/3) = sqrt(1.75); t = -1.5 / sqrt(1.75). scipy.stats.ttest_ind(a, b, equal_var=False) gives -1.1338934190276817.
test('welchT([1,2,3,4], [2,4,6]) matches the hand value -1.5/sqrt(1.75)', () => {
  assert.ok(Math.abs(welchT([1, 2, 3, 4], [2, 4, 6]) - -1.5 / Math.sqrt(1.75)) < 1e-12);
  assert.ok(Math.abs(welchT([1, 2, 3, 4], [2, 4, 6]) - -1.1338934190276817) < 1e-12);
  assert.equal(welchT([1, 1], [1, 1]), 0);
});
