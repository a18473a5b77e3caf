import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SequenceSet } from '../../src/data/sequence-set.js';
import { segmentDrift } from '../../src/serve/drift.js';
import { openEventJournal } from '../../src/serve/event-journal.js';
import { ServedModel } from '../../src/serve/served-model.js';
import { timeWindows } from '../../src/serve/time-windows.js';
import { smallModel } from './fixture-model.js';

/** Every user's events squeezed into day 0; users of planted segment 0 repeat them on day 1. */
function plantedShift(seqs: SequenceSet, segment: Int32Array): SequenceSet {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const t of seqs.ts) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  const offsets = [0];
  const items: number[] = [];
  const behaviors: number[] = [];
  const ts: number[] = [];
  const categories: number[] = [];
  for (let s = 0; s < seqs.users.length; s++) {
    for (const shift of segment[s] === 0 ? [0, 86400] : [0]) {
      for (let e = seqs.offsets[s]; e < seqs.offsets[s + 1]; e++) {
        items.push(seqs.items[e]);
        behaviors.push(seqs.behaviors[e]);
        categories.push(seqs.categories![e]);
        ts.push(shift + ((seqs.ts[e] - lo) / (hi - lo)) * 86000);
      }
    }
    offsets.push(items.length);
  }
  return {
    ...seqs,
    offsets: Int32Array.from(offsets),
    items: Int32Array.from(items),
    behaviors: Uint8Array.from(behaviors),
    ts: Float64Array.from(ts),
    categories: Int32Array.from(categories),
  };
}

test('segmentDrift: a day on which only one planted segment is active alerts on PSI, and its users mostly stay in their segment (seed 11)', async () => {
  // tfidf: the encoding depends on what users did, not when, so squeezing time changes nothing but the windows.
  const { log, model } = await smallModel('tfidf');
  const served = await ServedModel.create(model);
  const shifted = plantedShift(log.sequences, log.truth.segment);
  const windows = await segmentDrift(served, shifted, { window: 86400 });
  assert.equal(windows.length, 2);
  const [first, second] = windows;
  assert.equal(first.users, log.sequences.users.length);
  assert.equal(second.users, log.truth.segment.filter((l) => l === 0).length);
  assert.ok(second.psi > 0.25, `psi ${second.psi}`);
  assert.ok(second.alert);
  assert.match(second.reasons[0], /PSI/);
  const moved = second.migration.flat().reduce((a, b) => a + b, 0);
  assert.equal(moved, second.users);
  // The same events in both windows: the same encoding, so no user moves.
  assert.equal(second.migrated_share, 0);
  assert.equal(
    second.sizes.reduce((a, b) => a + b, 0),
    second.users,
  );
});

test('timeWindows: users and events land in the window of their timestamps', async () => {
  const { log } = await smallModel('stats');
  const windows = timeWindows(log.sequences, 3 * 86400);
  const total = windows.reduce((a, w) => a + w.sequences.items.length, 0);
  assert.equal(total, log.sequences.items.length);
  for (const w of windows) for (const t of w.sequences.ts) assert.ok(t >= w.start && t < w.end);
  assert.throws(() => timeWindows(log.sequences, 0), /length/);
});

test('openEventJournal cuts a torn final line, keeps whole lines, and appends after them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segscope-journal-'));
  try {
    const path = join(dir, 'events.jsonl');
    const line = JSON.stringify({ user_id: 'a', events: [{ item: '1', behavior: 'pv', ts: 1 }] });
    writeFileSync(path, `${line}\n{"user_id":"b","ev`);
    const j = openEventJournal(path);
    assert.equal(j.replayed.length, 1);
    assert.equal(j.tornBytes, 18);
    j.append({ user_id: 'c', events: [] });
    j.close();
    assert.equal(readFileSync(path, 'utf8'), `${line}\n{"user_id":"c","events":[]}\n`);
    writeFileSync(path, `not json\n${line}\n`);
    assert.throws(() => openEventJournal(path), /events.jsonl:1: event journal line is not JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
