import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paretoFront } from '../../src/evaluate/pareto.js';

test('paretoFront keeps exactly the non-dominated points (hand case)', () => {
  const pts = [
    [1, 5],
    [2, 4],
    [2, 3], // dominated by [2, 4]
    [0, 0], // dominated
    [3, 1],
    [3, 1], // a tie is not domination
    [Number.NaN, 9], // NaN counts as worst on that objective, still best on the other
  ];
  assert.deepEqual(paretoFront(pts), [true, true, false, false, true, true, true]);
});
