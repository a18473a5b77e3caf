import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cutoffTime, protocolHoldout } from '../../src/evaluate/holdout.js';
import { InputError } from '../../src/util/errors.js';
import { sequencesOf } from './helpers.js';

const users: Record<string, [number, number, number, number][]> = {};
for (let u = 0; u < 12; u++)
  users[`u${u}`] = [
    [0, 0, 0, 0],
    [1, 0, 0, 50],
    ...(u % 2 === 0 ? ([[1, 0, 3, 90]] as [number, number, number, number][]) : []),
  ];
users.late = [[0, 0, 0, 95]];
const seqs = sequencesOf(users, 2, 1);

test('cutoffTime({ quantile: 0.2 }) is at 80% of the time span', () => {
  assert.equal(cutoffTime(seqs, { quantile: 0.2 }), 76);
  assert.equal(cutoffTime(seqs, { time: 10 }), 10);
});

test('protocolHoldout keeps users with history; users without future stay (churned)', () => {
  const h = protocolHoldout(seqs, { quantile: 0.2 });
  assert.equal(h.history.users.length, 12); // "late" has no history
  assert.deepEqual(h.history.users, h.future.users);
  let futureUsers = 0;
  for (let s = 0; s < 12; s++) if (h.future.offsets[s + 1] > h.future.offsets[s]) futureUsers++;
  assert.equal(futureUsers, 6);
});

test('protocolHoldout: a cutoff after the last event is an InputError naming the cutoff', () => {
  assert.throws(
    () => protocolHoldout(seqs, { time: 1000 }, 'log.csv'),
    (e: unknown) => e instanceof InputError && /log\.csv.*cutoff.*no future events/.test(e.message),
  );
  assert.throws(() => protocolHoldout(seqs, { time: 0 }), /leaves 0 users with history; at least 10/);
});

test("protocolHoldout 'auto' leaves the last 2 events of each session out on session-keyed logs", () => {
  const per: Record<string, [number, number, number, number][]> = {};
  for (let u = 0; u < 12; u++)
    per[`s${u}`] = [
      [0, 0, 0, 0],
      [1, 0, 0, 10],
      [1, 0, 3, 20],
    ];
  per.short = [
    [0, 0, 0, 5],
    [1, 0, 0, 6],
  ];
  const sessions = { ...sequencesOf(per, 2, 1), keyedBy: 'session' as const };
  const h = protocolHoldout(sessions, 'auto');
  assert.deepEqual(h.rule, { leaveLastK: 2 });
  assert.ok(Number.isNaN(h.cutoff));
  // Each 3-event session keeps 1 event in history and 2 in the future; the 2-event one has no history.
  assert.equal(h.history.users.length, 12);
  assert.equal(h.future.offsets[1] - h.future.offsets[0], 2);
  assert.deepEqual(protocolHoldout(seqs, 'auto').rule, { quantile: 0.2 });
});
