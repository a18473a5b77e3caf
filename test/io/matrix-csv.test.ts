import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readMatrixCsv } from '../../src/io/matrix-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-csv-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

test('readMatrixCsv reads numbers with or without a header, CRLF and a missing final newline', () => {
  const a = readMatrixCsv(file('a.csv', 'x,y\r\n1,2.5\r\n-3,4e1'));
  assert.deepEqual([a.rows, a.cols, ...a.data], [2, 2, 1, 2.5, -3, 40]);
  const b = readMatrixCsv(file('b.csv', '1;2\n3;4\n\n'), { delimiter: ';' });
  assert.deepEqual([b.rows, b.cols, ...b.data], [2, 2, 1, 2, 3, 4]);
});

test('readMatrixCsv throws InputError naming file, line and field', () => {
  assert.throws(() => readMatrixCsv(file('c.csv', 'x,y\n1,2\n3\n')), /c\.csv:3: expected 2 fields, found 1/);
  assert.throws(() => readMatrixCsv(file('d.csv', 'x,y\n1,\n')), /d\.csv:2: field "y": empty value/);
  assert.throws(
    () => readMatrixCsv(file('e.csv', '1,2\n3,Infinity\n')),
    /e\.csv:2: field "column 2": "Infinity" is not a finite number/,
  );
  assert.throws(() => readMatrixCsv(file('f.csv', 'x,y\n')), /f\.csv: no data rows/);
  assert.throws(() => readMatrixCsv(join(dir, 'missing.csv')), /missing\.csv: cannot read: ENOENT/);
});
