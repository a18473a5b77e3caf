import assert from 'node:assert/strict';
import { test } from 'node:test';
import { botMask } from '../../src/data/bot-filter.js';
import { lengthMask } from '../../src/data/length-filter.js';
import { fromEventRanges, selectSequences } from '../../src/data/sequence-ranges.js';
import { sequenceSetBytes } from '../../src/data/sequence-memory.js';
import { summarizeSequences } from '../../src/data/sequence-summary.js';
import { sessionize } from '../../src/data/sessionize.js';
import { truncateSequences } from '../../src/data/truncate-sequences.js';
import { fixtureSequences } from './sequence-fixture.js';

test('sessionize(seqs) splits at gaps strictly longer than 30 minutes', () => {
  const s = sessionize(
    fixtureSequences({
      u: [
        [0, 0],
        [1, 1800],
        [2, 3601],
        [3, 3602],
      ],
      v: [[4, 99]],
    }),
  );
  assert.deepEqual(s.users, ['u#1', 'u#2', 'v#1']);
  assert.deepEqual([...s.offsets], [0, 2, 4, 5]);
  assert.equal(s.keyedBy, 'session');
  assert.deepEqual(
    [
      ...sessionize(
        fixtureSequences({
          u: [
            [0, 0],
            [1, 11],
          ],
        }),
        { gapSeconds: 10 },
      ).offsets,
    ],
    [0, 1, 2],
  );
  assert.throws(() => sessionize(fixtureSequences({}), { gapSeconds: 0 }), RangeError);
});

test('truncateSequences(seqs, n) keeps the last n events; lengthMask marks lengths in range', () => {
  const seqs = fixtureSequences({
    a: [
      [1, 1],
      [2, 2],
      [3, 3],
    ],
    b: [[4, 4]],
  });
  const t = truncateSequences(seqs, 2);
  assert.deepEqual([...t.items], [2, 3, 4]);
  assert.deepEqual([...t.offsets], [0, 2, 3]);
  assert.throws(() => truncateSequences(seqs, 0), RangeError);
  assert.deepEqual([...lengthMask(seqs, 2)], [1, 0]);
  assert.deepEqual([...lengthMask(seqs, 1, 2)], [0, 1]);
  assert.throws(() => lengthMask(seqs, 3, 2), RangeError);
});

test('botMask(seqs) flags more than maxEventsPerMinute in a 60 s window or maxEventsPerDay in a UTC day', () => {
  const burst: [number, number][] = Array.from({ length: 61 }, (_, i) => [i, 1000 + i * 0.9]);
  const paced: [number, number][] = Array.from({ length: 61 }, (_, i) => [i, 1000 + i]); // 60 s apart end to end: at most 60 in [t, t+60)
  const seqs = fixtureSequences({ burst, paced });
  assert.deepEqual([...botMask(seqs)], [1, 0]);
  assert.deepEqual([...botMask(seqs, { maxEventsPerMinute: null, maxEventsPerDay: 60 })], [1, 1]);
  assert.deepEqual([...botMask(seqs, { maxEventsPerMinute: null, maxEventsPerDay: null })], [0, 0]);
  assert.throws(() => botMask(seqs, { maxEventsPerMinute: 0, maxEventsPerDay: null }), RangeError);
});

test('fromEventRanges / selectSequences copy the chosen ranges and share vocabularies', () => {
  const seqs = fixtureSequences({
    a: [
      [1, 1],
      [2, 2],
    ],
    b: [[3, 3]],
  });
  const r = fromEventRanges(seqs, ['x', 'y'], [1, 0], [3, 1]);
  assert.deepEqual([...r.items], [2, 3, 1]);
  assert.equal(r.itemVocab, seqs.itemVocab);
  assert.throws(() => fromEventRanges(seqs, ['x'], [2], [4]), RangeError);
  assert.deepEqual(selectSequences(seqs, [0, 1]).users, ['b']);
});

test('summarizeSequences counts items, behaviors, span and nearest-rank length quantiles', () => {
  const seqs = fixtureSequences({
    a: [
      [1, 10],
      [2, 20],
      [1, 30],
    ],
    b: [[3, 5]],
    c: [
      [1, 7],
      [1, 8],
    ],
  });
  const s = summarizeSequences(seqs);
  assert.equal(s.n_events, 6);
  assert.equal(s.n_sequences, 3);
  assert.equal(s.n_items, 3);
  assert.equal(s.n_categories, 2);
  assert.equal(s.behaviors.pv, 6);
  assert.deepEqual(s.time_span, [5, 30]);
  assert.deepEqual(s.length, { min: 1, p10: 1, p25: 1, median: 2, p75: 3, p90: 3, max: 3, mean: 2 });
  assert.deepEqual(summarizeSequences(fixtureSequences({})).length, null);
  // offsets 4*4 + items 6*4 + behaviors 6 + ts 6*8 + categories 6*4 bytes
  assert.equal(sequenceSetBytes(seqs), 16 + 24 + 6 + 48 + 24);
});
