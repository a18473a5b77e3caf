import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { atomicWriteFileSync, atomicWriteStream } from '../../src/io/atomic-write.js';
import { exitCodeOf, InputError } from '../../src/util/errors.js';

const root = mkdtempSync(join(tmpdir(), 'segscope-atomic-'));

test('atomicWriteFileSync and atomicWriteStream replace a file whole, leaving no temp file', async () => {
  const path = join(root, 'sub', 'out.txt');
  atomicWriteFileSync(path, 'one');
  atomicWriteFileSync(path, 'two');
  assert.equal(readFileSync(path, 'utf8'), 'two');
  await atomicWriteStream(path, async (write) => {
    await write('th');
    await write(new TextEncoder().encode('ree'));
  });
  assert.equal(readFileSync(path, 'utf8'), 'three');
  assert.deepEqual(readdirSync(join(root, 'sub')), ['out.txt']);
});

test('a write that the file system refuses is an InputError naming the target (exit 2); the old file stays', async () => {
  const file = join(root, 'a-file');
  writeFileSync(file, 'keep');
  const under = join(file, 'x', 'out.txt');
  const named = (e: unknown) =>
    e instanceof InputError &&
    e.file === under &&
    /cannot write: E[A-Z]+/.test(e.message) &&
    exitCodeOf(e) === 2;
  assert.throws(() => atomicWriteFileSync(under, 'x'), named);
  await assert.rejects(
    atomicWriteStream(under, async (write) => write('x')),
    named,
  );
  // An error of the producer itself passes through unchanged, and nothing is left behind.
  const target = join(root, 'streamed.txt');
  await assert.rejects(
    atomicWriteStream(target, async () => {
      throw new RangeError('bad row');
    }),
    /^RangeError: bad row$/,
  );
  assert.equal(readFileSync(file, 'utf8'), 'keep');
  assert.deepEqual(readdirSync(root).sort(), ['a-file', 'sub']);
});

test('exitCodeOf: 2 for input, usage, parameter (RangeError) and file-system errors, 1 for the rest', () => {
  assert.equal(exitCodeOf(new InputError('x')), 2);
  assert.equal(exitCodeOf(new RangeError('x')), 2);
  assert.equal(
    exitCodeOf(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })),
    2,
  );
  assert.equal(exitCodeOf(Object.assign(new Error('boom'), { code: 'ERR_SOMETHING' })), 1);
  assert.equal(exitCodeOf(new TypeError('x')), 1);
  assert.equal(exitCodeOf('text'), 1);
});
