import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KMedoids } from '../../src/cluster/kmedoids.js';
import {
  behaviorCategorySubstitution,
  sequenceDistanceMatrix,
} from '../../src/cluster/sequence-distance-matrix.js';
import { sequenceTokens } from '../../src/cluster/sequence-tokens.js';
import type { SequenceSet } from '../../src/data/sequence-set.js';
import { silhouette } from '../../src/metrics/silhouette.js';
import type { ProgressEvent } from '../../src/util/progress.js';

// Four users; behaviors pv=0 cart=1 fav=2 buy=3. Items 0..3 in categories [0, 0, 1, 1].
function sequences(): SequenceSet {
  const events = [
    [
      [0, 0],
      [1, 0],
      [1, 1],
    ], // u0: pv i0, pv i1, cart i1
    [
      [0, 0],
      [1, 0],
      [1, 3],
    ], // u1: pv i0, pv i1, buy i1
    [
      [2, 0],
      [3, 0],
      [3, 0],
      [3, 1],
    ], // u2: pv i2, pv i3, pv i3, cart i3
    [
      [2, 0],
      [3, 0],
      [3, 1],
    ], // u3: pv i2, pv i3, cart i3
  ];
  const offsets = [0];
  const items: number[] = [];
  const behaviors: number[] = [];
  for (const u of events) {
    for (const [item, b] of u) {
      items.push(item);
      behaviors.push(b);
    }
    offsets.push(items.length);
  }
  const categoryOf = [0, 0, 1, 1];
  return {
    users: ['u0', 'u1', 'u2', 'u3'],
    offsets: Int32Array.from(offsets),
    items: Int32Array.from(items),
    behaviors: Uint8Array.from(behaviors),
    ts: Float64Array.from(items, (_, i) => 1_700_000_000 + i),
    categories: Int32Array.from(items, (i) => categoryOf[i]),
    itemVocab: ['i0', 'i1', 'i2', 'i3'],
    categoryVocab: ['c0', 'c1'],
    keyedBy: 'user',
  };
}

test('sequenceDistanceMatrix(optimal-matching, behavior-category) by hand, with progress per row', () => {
  const events: ProgressEvent[] = [];
  const D = sequenceDistanceMatrix(sequences(), { onProgress: (e) => events.push(e) });
  assert.equal(D.n, 4);
  const at = (i: number, j: number) => D.data[i * 4 + j];
  // Tokens: u0 = [c0pv, c0pv, c0cart], u1 = [c0pv, c0pv, c0buy]: one substitution (2) or two indels (2).
  assert.equal(at(0, 1), 2);
  // u2 and u3 differ by one inserted c1pv.
  assert.equal(at(2, 3), 1);
  // u0 vs u3: every token differs (c0 vs c1): 3 substitutions at 2.
  assert.equal(at(0, 3), 6);
  // u0 vs u2 (one token longer): 3 substitutions and an indel, or 7 indels.
  assert.equal(at(0, 2), 7);
  assert.equal(at(1, 2), 7);
  assert.equal(at(1, 3), 6);
  for (let i = 0; i < 4; i++) {
    assert.equal(at(i, i), 0);
    for (let j = 0; j < 4; j++) assert.equal(at(i, j), at(j, i));
  }
  assert.deepEqual(
    events.map((e) => e.done),
    [1, 2, 3, 4],
  );
  assert.ok(events.every((e) => e.total === 4));
});

test('sequenceDistanceMatrix with behaviorCategorySubstitution: same category is cheap, same behavior in another category dearer', () => {
  const sub = behaviorCategorySubstitution({ sameCategory: 0.5, sameBehavior: 1.5, other: 2 });
  const D = sequenceDistanceMatrix(sequences(), { substitution: sub, indel: 1 });
  assert.equal(D.data[0 * 4 + 1], 0.5); // cart -> buy in c0
  // u0 -> u3: c0pv->c1pv (1.5), c0pv->c1pv (1.5), c0cart->c1cart (1.5)
  assert.equal(D.data[0 * 4 + 3], 4.5);
});

test('sequenceDistanceMatrix(lcs, item) and (hamming, behavior) by hand; maxLength keeps the last events', () => {
  const seqs = sequences();
  const lcs = sequenceDistanceMatrix(seqs, { method: 'lcs', tokens: 'item' });
  assert.equal(lcs.data[0 * 4 + 1], 0); // same items i0, i1, i1
  assert.equal(lcs.data[2 * 4 + 3], 1);
  const ham = sequenceDistanceMatrix(seqs, { method: 'hamming', tokens: 'behavior', substitution: 1 });
  assert.equal(ham.data[0 * 4 + 1], 1); // cart vs buy at position 2
  assert.equal(ham.data[2 * 4 + 3], 2); // pv pv pv cart vs pv pv cart: one mismatch + one tail
  const last2 = sequenceDistanceMatrix(seqs, {
    method: 'hamming',
    tokens: 'behavior',
    substitution: 1,
    maxLength: 2,
  });
  assert.equal(last2.data[2 * 4 + 3], 0); // last two: pv cart vs pv cart
});

test('sequenceTokens(behavior-category) and errors: no categories, unknown method, negative cost', () => {
  const seqs = sequences();
  assert.deepEqual(Array.from(sequenceTokens(seqs, 'behavior-category').subarray(0, 3)), [6, 6, 7]);
  const { categories: _, ...noCats } = seqs;
  assert.throws(() => sequenceDistanceMatrix(noCats as SequenceSet), /need categories/);
  assert.throws(() => sequenceDistanceMatrix(seqs, { method: 'dtw' as 'lcs' }), /method/);
  assert.throws(() => sequenceDistanceMatrix(seqs, { indel: -1 }), /indel/);
  assert.throws(() => sequenceDistanceMatrix(seqs, { maxLength: 1.5 }), /maxLength/);
});

test('KMedoids on optimal-matching distances groups the two category-0 users and the two category-1 users', async () => {
  const D = sequenceDistanceMatrix(sequences());
  const m = await new KMedoids({ k: 2 }).fitDissimilarity(D);
  const l = Array.from(m.labels);
  assert.equal(l[0], l[1]);
  assert.equal(l[2], l[3]);
  assert.notEqual(l[0], l[2]);
  assert.equal(m.cost, 2 + 1);
});

test('sequenceDistanceMatrix goes straight into silhouette, by hand on D = [[0,2,7,6],[2,0,7,6],[7,7,0,1],[6,6,1,0]]', async () => {
  const s = await silhouette(sequenceDistanceMatrix(sequences()), Int32Array.of(0, 0, 1, 1));
  // s(i) = 1 - a/b: a the mean distance within i's cluster, b to the other cluster.
  const expected = [1 - 2 / 6.5, 1 - 2 / 6.5, 1 - 1 / 7, 1 - 1 / 6];
  for (let i = 0; i < 4; i++)
    assert.ok(Math.abs(s.samples[i] - expected[i]) < 1e-12, `s${i} ${s.samples[i]}`);
  const mean = expected.reduce((a, b) => a + b, 0) / 4;
  assert.ok(Math.abs(s.score.value - mean) < 1e-12);
});
