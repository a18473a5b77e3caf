import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeGeneratedLog } from '../../src/data/generate-writer.js';
import { loadSequences } from '../../src/data/load.js';
import { eventDir } from './event-files.js';

test('loadSequences on a `segscope generate` log (seed 1) drops exactly the planted bots', async () => {
  const eventsPath = join(eventDir(), 'generated.csv');
  const summary = await writeGeneratedLog({ users: 600, segments: 4, seed: 1 }, { eventsPath });
  const truth = readFileSync(summary.truthPath, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const bots = new Set(truth.filter((t) => t[2] === '1').map((t) => t[0]));
  assert.ok(bots.size > 0, 'the generator plants bots');
  const botEvents = readFileSync(eventsPath, 'utf8')
    .split('\n')
    .filter((l) => bots.has(l.split(',')[0])).length;
  const { sequences, report } = await loadSequences({ path: eventsPath, preset: 'taobao' });
  assert.equal(report.rowsRead, summary.events);
  assert.equal(report.bots.sequences, bots.size);
  assert.equal(report.bots.events, botEvents);
  assert.equal(sequences.users.length, summary.users - bots.size);
  assert.ok(sequences.users.every((u) => !bots.has(u)));
  assert.equal(report.eventsKept, summary.events - botEvents);
});
