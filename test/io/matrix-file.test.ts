import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseMatrixCsv } from '../../src/io/matrix-csv.js';
import { readMatrix, writeMatrix } from '../../src/io/matrix-file.js';
import { InputError, UsageError } from '../../src/util/errors.js';
import { matrixFromRows } from '../../src/util/matrix.js';
import { eventDir } from '../data/event-files.js';

const M = matrixFromRows([
  [1, -2.5, 0.1],
  [3e-8, 4, Math.fround(1 / 3)],
]);

for (const ext of ['npy', 'csv', 'parquet']) {
  test(`writeMatrix / readMatrix round-trip float32 exactly through .${ext}`, async () => {
    const path = join(eventDir(), `m.${ext}`);
    await writeMatrix(path, M);
    const back = await readMatrix(path);
    assert.equal(back.rows, 2);
    assert.equal(back.cols, 3);
    assert.deepEqual([...back.data], [...M.data]);
    assert.ok(!readdirSync(eventDir()).some((f) => f.endsWith('.tmp')), 'no temp file left behind');
  });
}

test('readMatrix(.csv) skips a header and names line and column of a bad value', () => {
  assert.deepEqual([...parseMatrixCsv('x,y\n1,2\n3,4\n').data], [1, 2, 3, 4]);
  assert.throws(
    () => parseMatrixCsv('1,2\n3,abc\n', 'f.csv'),
    (e: unknown) => e instanceof InputError && e.line === 2 && e.field === 'column 2',
  );
  assert.throws(
    () => parseMatrixCsv('1,2\n3\n', 'f.csv'),
    (e: unknown) => e instanceof InputError && e.line === 2,
  );
});

test('readMatrix rejects unknown extensions, missing files and non-numeric Parquet columns', async () => {
  await assert.rejects(readMatrix('x.txt'), UsageError);
  await assert.rejects(readMatrix(join(eventDir(), 'none.csv')), InputError);
  await assert.rejects(readMatrix(join(eventDir(), 'none.parquet')), InputError);
  const { openDuckDB } = await import('../../src/engine/duckdb-engine.js');
  const engine = await openDuckDB({ threads: 1 });
  const path = join(eventDir(), 'text.parquet');
  await engine.run(`COPY (SELECT 1.0 AS a, 'x' AS b) TO '${path}' (FORMAT parquet)`);
  await engine.close();
  await assert.rejects(readMatrix(path), (e: unknown) => e instanceof InputError && e.field === 'b');
  // The .npy written by writeMatrix is float32 C-order (numpy's own layout).
  const npy = readFileSync(join(eventDir(), 'm.npy'));
  assert.match(
    npy.subarray(10, 80).toString('latin1'),
    /'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3\)/,
  );
});
