import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateSequences } from '../../src/data/generate.js';
import { defaultTruthPath, formatTruthCsv, writeGeneratedLog } from '../../src/data/generate-writer.js';
import { BEHAVIORS, type SequenceSet } from '../../src/data/sequence-set.js';

/** The log as Taobao CSV text, built from the in-memory SequenceSet. */
function expectedCsv(s: SequenceSet): string {
  const lines: string[] = [];
  for (let u = 0; u < s.users.length; u++) {
    for (let e = s.offsets[u]; e < s.offsets[u + 1]; e++) {
      lines.push(
        `${s.users[u]},${s.itemVocab[s.items[e]]},${s.categoryVocab?.[s.categories?.[e] ?? -1]},${BEHAVIORS[s.behaviors[e]]},${s.ts[e]}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const dir = () => mkdtempSync(join(tmpdir(), 'segscope-gen-'));

test('writeGeneratedLog(csv, seed 31) writes exactly the events and truth of generateSequences with the same options', async () => {
  const d = dir();
  try {
    const opts = { users: 400, segments: 3, difficulty: 'noisy' as const, seed: 31 };
    const summary = await writeGeneratedLog(opts, { eventsPath: join(d, 'events.csv') });
    const { sequences, truth } = generateSequences(opts);
    const text = readFileSync(join(d, 'events.csv'), 'utf8');
    assert.equal(text, expectedCsv(sequences));
    assert.equal(readFileSync(join(d, 'events.truth.csv'), 'utf8'), formatTruthCsv(truth));
    assert.equal(summary.events, sequences.offsets[400]);
    assert.equal(summary.truthPath, join(d, 'events.truth.csv'));
    assert.deepEqual(readdirSync(d).sort(), ['events.csv', 'events.truth.csv'], 'no temp files left');
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('writeGeneratedLog CSV parses with the Taobao schema: 5 integer/behavior fields, no header', async () => {
  const d = dir();
  try {
    await writeGeneratedLog(
      { users: 100, segments: 2, seed: 32 },
      { eventsPath: join(d, 'e.csv'), truthPath: join(d, 't.csv') },
    );
    const lines = readFileSync(join(d, 'e.csv'), 'utf8').trimEnd().split('\n');
    for (const line of lines) {
      const f = line.split(',');
      assert.equal(f.length, 5, line);
      for (const i of [0, 1, 2, 4]) assert.match(f[i], /^[0-9]+$/, line);
      assert.ok(['pv', 'cart', 'fav', 'buy'].includes(f[3]), line);
    }
    const truth = readFileSync(join(d, 't.csv'), 'utf8').trimEnd().split('\n');
    assert.equal(truth[0], 'user_id,segment,is_bot');
    assert.equal(truth.length, 101);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('writeGeneratedLog(parquet, seed 33) holds the same rows as the CSV (read back through DuckDB)', async () => {
  const d = dir();
  try {
    const opts = { users: 300, segments: 3, difficulty: 'order-only' as const, seed: 33 };
    await writeGeneratedLog(opts, { eventsPath: join(d, 'e.parquet'), format: 'parquet' });
    assert.deepEqual(readdirSync(d).sort(), ['e.parquet', 'e.truth.csv']);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const back = join(d, 'back.csv');
    await con.run(`COPY (SELECT * FROM read_parquet('${join(d, 'e.parquet')}')) TO '${back}' (HEADER false)`);
    const cols = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(d, 'e.parquet')}')`);
    con.closeSync();
    db.closeSync();
    assert.deepEqual(
      cols.getRowObjects().map((r) => `${r.column_name}:${r.column_type}`),
      ['user_id:BIGINT', 'item_id:BIGINT', 'category_id:BIGINT', 'behavior_type:VARCHAR', 'timestamp:BIGINT'],
    );
    assert.equal(readFileSync(back, 'utf8'), expectedCsv(generateSequences(opts).sequences));
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('writeGeneratedLog leaves no file behind on bad options or when the truth file cannot be written', async () => {
  const d = dir();
  try {
    await assert.rejects(
      writeGeneratedLog({ users: 0, segments: 2, seed: 1 }, { eventsPath: join(d, 'e.csv') }),
      RangeError,
    );
    await assert.rejects(
      writeGeneratedLog(
        { users: 5, segments: 2, seed: 1 },
        { eventsPath: join(d, 'e.csv'), format: 'json' as never },
      ),
      /format/,
    );
    writeFileSync(join(d, 'blocker'), 'a file, not a directory');
    await assert.rejects(
      writeGeneratedLog(
        { users: 50, segments: 2, seed: 1 },
        { eventsPath: join(d, 'e.csv'), truthPath: join(d, 'blocker', 't.csv') },
      ),
    );
    assert.deepEqual(readdirSync(d), ['blocker']);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('defaultTruthPath puts <name>.truth.csv beside the events', () => {
  assert.equal(defaultTruthPath('out/events.csv'), join('out', 'events.truth.csv'));
  assert.equal(defaultTruthPath('a.b/log.parquet'), join('a.b', 'log.truth.csv'));
  assert.equal(defaultTruthPath('log'), 'log.truth.csv');
});

test('formatTruthCsv(truth, from, to) chunks concatenate to the whole file, header once', () => {
  const truth = {
    users: ['7', '8', '9'],
    segment: Int32Array.from([1, -1, 0]),
    isBot: Uint8Array.from([0, 1, 0]),
  };
  const whole = formatTruthCsv(truth);
  assert.equal(whole, 'user_id,segment,is_bot\n7,1,0\n8,-1,1\n9,0,0\n');
  assert.equal(formatTruthCsv(truth, 0, 2) + formatTruthCsv(truth, 2, 3), whole);
});
