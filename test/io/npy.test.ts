import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatNpy, parseNpy, readNpy, writeNpy } from '../../src/io/npy.js';
import { InputError } from '../../src/util/errors.js';

// Bytes of `np.save(f, np.array([[1.5, -2], [0, 3]], dtype=np.float32))` from NumPy 1.24 (hand-checked header).
const NUMPY_BYTES = (() => {
  const header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }";
  const padded = header + ' '.repeat(128 - 10 - header.length - 1) + '\n';
  const out = new Uint8Array(128 + 16);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, padded.length, true);
  for (let i = 0; i < padded.length; i++) out[10 + i] = padded.charCodeAt(i);
  out.set(new Uint8Array(new Float32Array([1.5, -2, 0, 3]).buffer), 128);
  return out;
})();

test('parseNpy reads a NumPy-written float32 (2, 2) array', () => {
  const a = parseNpy(NUMPY_BYTES);
  assert.equal(a.dtype, 'float32');
  assert.deepEqual(a.shape, [2, 2]);
  assert.deepEqual([...a.data], [1.5, -2, 0, 3]);
});

test('formatNpy output is byte-identical to NumPy for the same array', () => {
  assert.deepEqual(
    formatNpy({ dtype: 'float32', shape: [2, 2], data: new Float32Array([1.5, -2, 0, 3]) }),
    NUMPY_BYTES,
  );
});

test('writeNpy/readNpy round-trip float64, int32 and 1-d shapes atomically', () => {
  const dir = mkdtempSync(join(tmpdir(), 'npy-'));
  writeNpy(join(dir, 'a.npy'), {
    dtype: 'float64',
    shape: [3],
    data: new Float64Array([1e-300, 2, Math.PI]),
  });
  writeNpy(join(dir, 'b.npy'), { dtype: 'int32', shape: [2, 1], data: new Int32Array([-1, 7]) });
  assert.deepEqual([...readNpy(join(dir, 'a.npy')).data], [1e-300, 2, Math.PI]);
  const b = readNpy(join(dir, 'b.npy'));
  assert.deepEqual(b.shape, [2, 1]);
  assert.deepEqual([...b.data], [-1, 7]);
  assert.deepEqual(readdirSync(dir).sort(), ['a.npy', 'b.npy']);
});

test('readNpy names the file for missing, non-npy and truncated input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'npy-'));
  assert.throws(
    () => readNpy(join(dir, 'missing.npy')),
    (e: unknown) => e instanceof InputError && /missing\.npy/.test(e.message),
  );
  writeFileSync(join(dir, 'bad.npy'), 'hello');
  assert.throws(() => readNpy(join(dir, 'bad.npy')), /bad\.npy.*magic/);
  writeFileSync(join(dir, 'short.npy'), NUMPY_BYTES.subarray(0, 130));
  assert.throws(() => readNpy(join(dir, 'short.npy')), /short\.npy.*truncated/);
});
