import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateSequences } from '../../src/data/generate.js';
import { writeGeneratedLog } from '../../src/data/generate-writer.js';
import { loadSequences } from '../../src/data/load.js';
import type { SequenceSet } from '../../src/data/sequence-set.js';

/** user id -> its events as `item,category,behavior,ts` strings, in order. */
function byUser(s: SequenceSet): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (let u = 0; u < s.users.length; u++) {
    const rows: string[] = [];
    for (let e = s.offsets[u]; e < s.offsets[u + 1]; e++) {
      rows.push(
        `${s.itemVocab[s.items[e]]},${s.categoryVocab?.[s.categories?.[e] ?? -1]},${s.behaviors[e]},${s.ts[e]}`,
      );
    }
    m.set(s.users[u], rows);
  }
  return m;
}

for (const format of ['csv', 'parquet'] as const) {
  test(`loadSequences(taobao preset) reads a generated ${format} log back as the in-memory log, nothing cleaned away (seed 51)`, async () => {
    const d = mkdtempSync(join(tmpdir(), 'segscope-genload-'));
    try {
      const opts = { users: 500, segments: 3, difficulty: 'noisy' as const, seed: 51 };
      const path = join(d, `events.${format}`);
      await writeGeneratedLog(opts, { eventsPath: path, format });
      // A round trip: the bot rule (on by default) would drop the planted bots, so it is off here.
      const { sequences, report } = await loadSequences({ path, preset: 'taobao', bots: null });
      const expected = byUser(generateSequences(opts).sequences);
      assert.equal(report.eventsKept, report.rowsRead);
      assert.equal(report.sequencesKept, 500);
      assert.deepEqual(byUser(sequences), expected);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
}
