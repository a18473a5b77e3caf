import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyCsvToParquet } from '../../src/engine/duckdb-copy.js';

test('copyCsvToParquet writes typed columns in order and removes its temp file on a parse error', async () => {
  const d = mkdtempSync(join(tmpdir(), 'segscope-copy-'));
  try {
    writeFileSync(join(d, 'a.csv'), "1,x\n20,it's\n");
    await copyCsvToParquet(join(d, 'a.csv'), join(d, 'a.parquet'), [
      { name: 'n', type: 'int64' },
      { name: 's', type: 'string' },
    ]);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const rows = (
      await con.runAndReadAll(`SELECT n, s FROM read_parquet('${join(d, 'a.parquet')}') ORDER BY n`)
    ).getRows();
    con.closeSync();
    db.closeSync();
    assert.deepEqual(rows, [
      [1n, 'x'],
      [20n, "it's"],
    ]);
    writeFileSync(join(d, 'bad.csv'), 'not-a-number,x\n');
    await assert.rejects(
      copyCsvToParquet(join(d, 'bad.csv'), join(d, 'bad.parquet'), [
        { name: 'n', type: 'int64' },
        { name: 's', type: 'string' },
      ]),
    );
    assert.deepEqual(readdirSync(d).sort(), ['a.csv', 'a.parquet', 'bad.csv']);
    await assert.rejects(copyCsvToParquet(join(d, 'a.csv'), join(d, 'c.parquet'), []), RangeError);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
