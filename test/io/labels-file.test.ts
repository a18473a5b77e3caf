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
});
