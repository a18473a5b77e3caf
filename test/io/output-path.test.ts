import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkOutputFile, checkOutputFolder } from '../../src/io/output-path.js';
import { UsageError } from '../../src/util/errors.js';

const root = mkdtempSync(join(tmpdir(), 'segscope-output-path-'));
mkdirSync(join(root, 'folder'));
writeFileSync(join(root, 'file'), 'x');

const usage = (message: RegExp) => (e: unknown) => e instanceof UsageError && message.test(e.message);

test('checkOutputFile accepts new and existing files (missing folders included) and names the flag otherwise', () => {
  checkOutputFile(join(root, 'file'), 'out');
  checkOutputFile(join(root, 'new.txt'), 'out');
  checkOutputFile(join(root, 'new', 'deeper', 'x.txt'), 'out');
  assert.throws(
    () => checkOutputFile(join(root, 'folder'), 'out'),
    usage(/^--out .*folder: is a folder, not a file$/),
  );
  assert.throws(
    () => checkOutputFile(join(root, 'file', 'x', 'y.txt'), 'labels'),
    usage(/^--labels .*y\.txt: cannot be created, .*file is not a folder$/),
  );
  assert.throws(
    () => checkOutputFile('/dev/null', 'out'),
    usage(/^--out \/dev\/null: is not a regular file$/),
  );
  // Nothing was created by the checks.
  assert.deepEqual(readdirSync(root).sort(), ['file', 'folder']);
});

test('checkOutputFolder accepts new and existing folders and rejects a file or a path under one', () => {
  checkOutputFolder(join(root, 'folder'), 'out');
  checkOutputFolder(join(root, 'new', 'run'), 'out');
  assert.throws(
    () => checkOutputFolder(join(root, 'file'), 'out'),
    usage(/^--out .*file: is a file, not a folder$/),
  );
  assert.throws(
    () => checkOutputFolder(join(root, 'file', 'run'), 'out'),
    usage(/^--out .*run: cannot be created, .*file is not a folder$/),
  );
  assert.deepEqual(readdirSync(root).sort(), ['file', 'folder']);
});
