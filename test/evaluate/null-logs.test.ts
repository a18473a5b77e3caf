import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nullLog } from '../../src/evaluate/null-logs.js';
import { randomSource } from '../../src/util/random.js';
import { sequencesOf } from './helpers.js';

const seqs = sequencesOf(
  {
    a: [
      [0, 0, 0, 1],
      [1, 0, 1, 2],
      [2, 1, 3, 3],
      [3, 1, 0, 4],
    ],
    b: [
      [4, 2, 0, 1],
      [4, 2, 0, 2],
    ],
    c: [
      [5, 2, 0, 1],
      [0, 0, 0, 2],
      [1, 0, 0, 3],
    ],
  },
  6,
  3,
);
const multiset = (xs: ArrayLike<number>, from: number, to: number) =>
  Array.from(xs)
    .slice(from, to)
    .sort((x, y) => x - y);

test("nullLog('order') keeps each user's events (item, behavior, category together) and timestamps", () => {
  const n = nullLog(seqs, 'order', randomSource(3));
  assert.deepEqual(n.offsets, seqs.offsets);
  assert.deepEqual(n.ts, seqs.ts);
  for (let s = 0; s < 3; s++) {
    const [from, to] = [seqs.offsets[s], seqs.offsets[s + 1]];
    assert.deepEqual(multiset(n.items, from, to), multiset(seqs.items, from, to));
    for (let e = from; e < to; e++) {
      const orig = Array.from(seqs.items).indexOf(n.items[e], from);
      assert.equal(n.categories![e], seqs.categories![orig]);
      assert.equal(n.behaviors[e], seqs.behaviors[orig]);
    }
  }
});

test("nullLog('items') keeps behaviors and lengths and gives every item its own category", () => {
  const n = nullLog(seqs, 'items', randomSource(4));
  assert.deepEqual(n.behaviors, seqs.behaviors);
  const catOf = new Map<number, number>();
  seqs.items.forEach((it, e) => {
    catOf.set(it, seqs.categories![e]);
  });
  n.items.forEach((it, e) => {
    assert.equal(n.categories![e], catOf.get(it));
  });
});

test("nullLog('content') keeps every user's length and timestamps; seed 5 is reproducible", () => {
  const a = nullLog(seqs, 'content', randomSource(5));
  const b = nullLog(seqs, 'content', randomSource(5));
  assert.deepEqual(a.items, b.items);
  assert.deepEqual(a.offsets, seqs.offsets);
  assert.deepEqual(a.ts, seqs.ts);
});
