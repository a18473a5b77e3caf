import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { readMatrixParquet } from '../../src/io/matrix-parquet.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-parquet-'));

async function writeParquet(name: string, select: string): Promise<string> {
  const path = join(dir, name);
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
  con.closeSync();
  db.closeSync();
  return path;
}

test('readMatrixParquet reads numeric columns and a single list column', async () => {
  const cols = await readMatrixParquet(
    await writeParquet('a.parquet', 'SELECT 1::INTEGER AS a, 2.5::DOUBLE AS b UNION ALL SELECT 3, -4'),
  );
  assert.deepEqual([cols.rows, cols.cols, ...cols.data].sort(), [2, 2, 1, 2.5, 3, -4].sort());
  const list = await readMatrixParquet(
    await writeParquet(
      'b.parquet',
      'SELECT [1.0, 2.0]::FLOAT[] AS v UNION ALL SELECT [3.0, 4.0]::FLOAT[] ORDER BY v',
    ),
  );
  assert.deepEqual([list.rows, list.cols, ...list.data], [2, 2, 1, 2, 3, 4]);
});

test('readMatrixParquet throws InputError naming the column for text, nulls and ragged lists', async () => {
  await assert.rejects(
    readMatrixParquet(await writeParquet('c.parquet', "SELECT 1 AS a, 'x' AS name")),
    /field "name": column type VARCHAR is not numeric/,
  );
  await assert.rejects(
    readMatrixParquet(await writeParquet('d.parquet', 'SELECT NULL::DOUBLE AS a')),
    /field "a": row 0 is null/,
  );
  await assert.rejects(
    readMatrixParquet(
      await writeParquet(
        'e.parquet',
        'SELECT * FROM (SELECT [1.0]::DOUBLE[] AS v UNION ALL SELECT [1.0, 2.0]::DOUBLE[]) ORDER BY len(v)',
      ),
    ),
    /field "v": row 1 has 2 values, expected 1/,
  );
  await assert.rejects(
    readMatrixParquet(join(dir, 'missing.parquet')),
    /missing\.parquet: cannot read as parquet/,
  );
});
