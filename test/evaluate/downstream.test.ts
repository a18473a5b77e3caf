import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downstreamFacet } from '../../src/evaluate/downstream.js';
import { randomSource } from '../../src/util/random.js';
import { sequencesOf } from './helpers.js';

// History counts: global i2:4, i0:3, i1:1; segment 0 (u1, u2): i0:3, i1:1; segment 1 (u3): i2:4.
const history = sequencesOf(
  {
    u1: [
      [0, 0, 0, 1],
      [0, 0, 0, 2],
    ],
    u2: [
      [0, 0, 0, 1],
      [1, 0, 0, 2],
    ],
    u3: [
      [2, 1, 0, 1],
      [2, 1, 0, 2],
      [2, 1, 0, 3],
      [2, 1, 0, 4],
    ],
  },
  3,
  2,
);
const future = sequencesOf({ u1: [[1, 0, 3, 10]], u3: [[0, 0, 0, 10]] }, 3, 2);
const labels = Int32Array.from([0, 0, 1]);

test('downstreamFacet(K=2) full-ranking HR/NDCG/MRR match the hand computation', () => {
  const { facet, terms } = downstreamFacet(history, future, labels, 2, {
    k: 2,
    prior: 10,
    random: randomSource(1),
  });
  // u1 target i1: segment rank 2, popularity rank 3; u3 target i0: segment rank 2, popularity rank 2.
  assert.equal(facet.hit_rate, 1);
  assert.equal(facet.popularity_hit_rate, 0.5);
  assert.ok(Math.abs(facet.ndcg - 1 / Math.log2(3)) < 1e-12);
  assert.ok(Math.abs(facet.popularity_ndcg - 0.5 / Math.log2(3)) < 1e-12);
  assert.equal(facet.mrr, 0.5);
  assert.ok(Math.abs(facet.popularity_mrr - 5 / 12) < 1e-12);
  assert.ok(Math.abs(facet.mrr_lift - 0.5 / (5 / 12)) < 1e-12);
  assert.equal(facet.n_users_evaluated, 2);
  assert.deepEqual([...terms.churnOutcome], [0, 1, 0]);
  assert.deepEqual(
    [...terms.buyOutcome].map((x) => (Number.isNaN(x) ? -1 : x)),
    [1, -1, 0],
  );
});

test('downstreamFacet(K=1): no hits; lengths and vocabularies are checked', () => {
  const { facet } = downstreamFacet(history, future, labels, 2, { k: 1, prior: 10, random: randomSource(1) });
  assert.equal(facet.hit_rate, 0);
  assert.equal(facet.popularity_hit_rate, 0);
  assert.throws(
    () =>
      downstreamFacet(history, future, Int32Array.from([0]), 1, { k: 1, prior: 1, random: randomSource(1) }),
    /labels.length/,
  );
});
