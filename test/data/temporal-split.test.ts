import assert from 'node:assert/strict';
import { test } from 'node:test';
import { temporalSplit } from '../../src/data/temporal-split.js';
import { fixtureSequences } from './sequence-fixture.js';

const seqs = fixtureSequences({
  a: [
    [1, 10],
    [2, 20],
    [3, 30],
  ],
  b: [
    [4, 5],
    [5, 40],
  ],
  c: [[6, 50]],
});

test('temporalSplit(seqs, { cutoff }) puts ts < cutoff in history, aligned by user, dropping empty sides', () => {
  const { history, future } = temporalSplit(seqs, { cutoff: 25 });
  assert.deepEqual(history.users, ['a', 'b']);
  assert.deepEqual(future.users, ['a', 'b']);
  assert.deepEqual([...history.items], [1, 2, 4]);
  assert.deepEqual([...history.offsets], [0, 2, 3]);
  assert.deepEqual([...future.items], [3, 5]);
  assert.deepEqual([...(future.categories ?? [])], [1, 1]);
  const kept = temporalSplit(seqs, { cutoff: 25, keepEmpty: true });
  assert.deepEqual(kept.history.users, ['a', 'b', 'c']);
  assert.deepEqual([...kept.history.offsets], [0, 2, 3, 3]);
  assert.deepEqual([...kept.future.offsets], [0, 1, 2, 3]);
});

test("temporalSplit(seqs, { leaveLastK }) holds out each sequence's last k events", () => {
  const { history, future } = temporalSplit(seqs, { leaveLastK: 1 });
  assert.deepEqual(history.users, ['a', 'b']);
  assert.deepEqual([...history.items], [1, 2, 4]);
  assert.deepEqual([...future.items], [3, 5]);
  const two = temporalSplit(seqs, { leaveLastK: 2 });
  assert.deepEqual(two.history.users, ['a']);
  assert.deepEqual([...two.future.items], [2, 3]);
});

test('temporalSplit rejects a bad cutoff or k, and splits an empty set into empty sets', () => {
  assert.throws(() => temporalSplit(seqs, { cutoff: Number.NaN }), RangeError);
  assert.throws(() => temporalSplit(seqs, { leaveLastK: 0 }), RangeError);
  assert.throws(() => temporalSplit(seqs, { leaveLastK: 1.5 }), RangeError);
  const empty = temporalSplit(fixtureSequences({}), { cutoff: 0 });
  assert.equal(empty.history.users.length, 0);
  assert.deepEqual([...empty.future.offsets], [0]);
});
