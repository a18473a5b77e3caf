import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sequencesFromEvents } from '../../src/serve/event-sequences.js';
import { fullRank, topItems, userItemScores } from '../../src/serve/recommend.js';
import { segmentItemScores } from '../../src/serve/segment-items.js';

// Two users, two segments; all events at one time (no decay). Items a=0, b=1, c=2.
const seqs = sequencesFromEvents([
  {
    user: 'u0',
    events: [
      { item: 'a', behavior: 'pv', ts: 100 },
      { item: 'a', behavior: 'buy', ts: 100 },
      { item: 'b', behavior: 'pv', ts: 100 },
    ],
  },
  { user: 'u1', events: [{ item: 'c', behavior: 'pv', ts: 100 }] },
]);

test('segmentItemScores: share x lift^beta with shrunk lift (hand computation, no decay)', () => {
  const s = segmentItemScores(seqs, Int32Array.of(0, 1), 2, { liftExponent: 1, liftPrior: 4 });
  // population p = (2/4, 1/4, 1/4); segment 0: c = (2, 1, 0), W = 3.
  // lift_a = (2 + 4*0.5) / ((3+4)*0.5) = 4/3.5; score_a = 2/3 * 4/3.5
  assert.ok(Math.abs(s[0] - (2 / 3) * (4 / 3.5)) < 1e-12);
  // lift_b = (1 + 1) / (7 * 0.25) = 2/1.75; score_b = 1/3 * 2/1.75
  assert.ok(Math.abs(s[1] - (1 / 3) * (2 / 1.75)) < 1e-12);
  assert.equal(s[2], 0);
  assert.deepEqual([...s.subarray(6)], [0.5, 0.25, 0.25]);
});

test('segmentItemScores halves an event weight per half-life', () => {
  const two = sequencesFromEvents([
    {
      user: 'u',
      events: [
        { item: 'x', behavior: 'pv', ts: 0 },
        { item: 'y', behavior: 'pv', ts: 10 },
      ],
    },
  ]);
  const s = segmentItemScores(two, Int32Array.of(0), 1, { halfLife: 10 });
  // weights 0.5 (x) and 1 (y): population shares 1/3, 2/3
  assert.ok(Math.abs(s[2] - 1 / 3) < 1e-12 && Math.abs(s[3] - 2 / 3) < 1e-12);
});

test('userItemScores blends segment and own history and excludes bought items (hand computation)', () => {
  const seg = Float64Array.of(0.5, 0.3, 0.2);
  const r = userItemScores(seg, seqs, 0, { historyWeight: 0.5, halfLife: 1e9 });
  // own: a twice, b once (no decay): h = (2/3, 1/3, 0); a is bought -> -Inf
  assert.equal(r[0], Number.NEGATIVE_INFINITY);
  assert.ok(Math.abs(r[1] - (0.5 * 0.3 + 0.5 / 3)) < 1e-12);
  assert.ok(Math.abs(r[2] - 0.5 * 0.2) < 1e-12);
  assert.deepEqual([...topItems(r, seg, 5)], [1, 2]);
});

test('fullRank agrees with the order of topItems, ties broken by popularity then index', () => {
  const scores = Float64Array.of(1, 2, 2, 0, Number.NEGATIVE_INFINITY);
  const pop = Float64Array.of(0, 1, 3, 0, 9);
  const order = [...topItems(scores, pop, 10)];
  assert.deepEqual(order, [2, 1, 0, 3]);
  order.forEach((item, r) => {
    assert.equal(fullRank(scores, pop, item), r + 1);
  });
  assert.equal(fullRank(scores, pop, 4), 5);
});
