import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readLabels, writeLabels } from '../../src/io/labels-file.js';
import { InputError } from '../../src/util/errors.js';
import { eventDir } from '../data/event-files.js';

test('writeLabels / readLabels round-trip one-per-line and user_id,label forms', async () => {
  const plain = join(eventDir(), 'plain.txt');
  await writeLabels(plain, Int32Array.of(0, 2, -1, 1));
  assert.deepEqual(readLabels(plain), { labels: Int32Array.of(0, 2, -1, 1) });
  const paired = join(eventDir(), 'paired.csv');
  await writeLabels(paired, Int32Array.of(3, -1), ['u1', 'u2']);
  assert.deepEqual(readLabels(paired), { labels: Int32Array.of(3, -1), ids: ['u1', 'u2'] });
  await assert.rejects(writeLabels(paired, Int32Array.of(1), []), RangeError);
});

test('readLabels names file and line of a bad label or a line of the other form', () => {
  const bad = join(eventDir(), 'bad-labels.txt');
  writeFileSync(bad, '1\n2\nx\n');
  assert.throws(
    () => readLabels(bad),
    (e: unknown) => e instanceof InputError && e.line === 3 && e.field === 'label',
  );
  writeFileSync(bad, 'user_id,label\na,1\nb\n');
  assert.throws(
    () => readLabels(bad),
    (e: unknown) => e instanceof InputError && e.line === 3,
  );
  writeFileSync(bad, '1\n-2\n');
  assert.throws(
    () => readLabels(bad),
    (e: unknown) => e instanceof InputError && e.line === 2,
  );
  assert.throws(() => readLabels(join(eventDir(), 'absent.txt')), InputError);
import { describe, it } from 'node:test';
import { parseLabels } from '../../src/io/labels-file.js';
import { npyToMatrix } from '../../src/io/npy-matrix.js';

describe('labels files and npy matrices', () => {
  it('parseLabels reads one integer per line, with CRLF and a trailing newline', () => {
    assert.deepEqual(Array.from(parseLabels('0\r\n1\n-1\n')), [0, 1, -1]);
    assert.deepEqual(Array.from(parseLabels('')), []);
  it('parseLabels rejects a non-integer and a label below -1 naming file and line', () => {
    assert.throws(() => parseLabels('0\n1.5\n', 'L.txt'), /L\.txt:2: "1\.5" is not an integer label/);
    assert.throws(() => parseLabels('-2\n', 'L.txt'), /L\.txt:1: label -2 is out of range/);
  it('npyToMatrix converts float64 to a float32 Matrix and rejects 1-D arrays', () => {
    const m = npyToMatrix({ dtype: 'float64', shape: [1, 2], data: Float64Array.of(1.5, 2) });
    assert.deepEqual([m.rows, m.cols, Array.from(m.data)], [1, 2, [1.5, 2]]);
      () => npyToMatrix({ dtype: 'float32', shape: [3], data: new Float32Array(3) }, 'v.npy'),
      /v\.npy: expected a 2-D array/,
});
