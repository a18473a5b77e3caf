/** CenterWorkspace: regions, growth, zeroed slack, and the one memory kept for reuse. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CenterWorkspace, KEEP_MAX_BYTES } from '../../../src/kernels/wasm/center-kernels.js';

test('CenterWorkspace.region grows the memory, aligns to 16 bytes and zeroes the 16-byte slack', () => {
  const ws = CenterWorkspace.acquire(0, Number.POSITIVE_INFINITY)!;
  const a = ws.region('a', 10);
  const before = ws.buffer;
  const b = ws.region('b', 200_000);
  assert.equal(a % 16, 0);
  assert.equal(b % 16, 0);
  assert.ok(b >= a + 16 + 16, 'after a and its slack');
  assert.notEqual(ws.buffer, before, 'grown: a new buffer');
  assert.ok(ws.buffer.byteLength >= b + 200_016);
  assert.deepEqual([...new Uint8Array(ws.buffer, b + 200_000, 16)], new Array(16).fill(0));
  assert.equal(ws.region('a', 8), a, 'a shorter request reuses the region');
  assert.notEqual(ws.region('a', 64), a, 'a longer one gets a new region');
  ws.release();
});

test('CenterWorkspace.acquire reuses the released memory, refuses what exceeds the limit', () => {
  const ws = CenterWorkspace.acquire(0, Number.POSITIVE_INFINITY)!;
  ws.region('x', 1 << 20);
  const memory = ws.memory;
  ws.release();
  const again = CenterWorkspace.acquire(0, Number.POSITIVE_INFINITY)!;
  assert.equal(again.memory, memory, 'the kept memory');
  const other = CenterWorkspace.acquire(0, Number.POSITIVE_INFINITY)!;
  assert.notEqual(other.memory, memory, 'in use: a new one');
  again.release();
  other.release();
  assert.equal(CenterWorkspace.acquire(1000, 999), undefined);
  assert.ok(KEEP_MAX_BYTES >= 1 << 28);
});
