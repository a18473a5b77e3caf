/**
 * NumPy `.npy` files (format 1.0/2.0/3.0, little-endian, C order) for float32, float64 and int32.
 * Spec: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../util/errors.js';
import { atomicWriteFileSync } from './atomic-write.js';

export type NpyArray =
  | { dtype: 'float32'; shape: number[]; data: Float32Array }
  | { dtype: 'float64'; shape: number[]; data: Float64Array }
  | { dtype: 'int32'; shape: number[]; data: Int32Array };

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
const DESCR: Record<string, NpyArray['dtype']> = { '<f4': 'float32', '<f8': 'float64', '<i4': 'int32' };

/**
 * Parse a `.npy` buffer. `file` names the source in errors.
 * @throws InputError for a bad magic, unsupported dtype, Fortran order or truncated data.
 */
export function parseNpy(buf: Uint8Array, file = '<npy>'): NpyArray {
  for (let i = 0; i < MAGIC.length; i++) {
    if (buf[i] !== MAGIC[i]) throw new InputError('not a .npy file (bad magic)', { file });
  }
  const major = buf[6];
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = new TextDecoder('latin1').decode(buf.subarray(headerStart, headerStart + headerLen));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new InputError(`malformed .npy header: ${header.trim()}`, { file });
  }
  const dtype = DESCR[descr];
  if (dtype === undefined)
    throw new InputError(`unsupported dtype ${descr} (need <f4, <f8 or <i4)`, { file, field: 'descr' });
  if (fortran === 'True')
    throw new InputError('Fortran-order arrays are not supported; save with C order', { file });
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const dataStart = headerStart + headerLen;
  const width = dtype === 'float64' ? 8 : 4;
  if (buf.byteLength - dataStart < count * width) {
    throw new InputError(
      `truncated: header says ${count} values, file holds ${Math.floor((buf.byteLength - dataStart) / width)}`,
      { file },
    );
  }
  // Copy: a Node Buffer's slice() is a view into a shared pool, and typed arrays need aligned offsets.
  const bytes = new Uint8Array(buf.subarray(dataStart, dataStart + count * width));
  if (dtype === 'float32') return { dtype, shape, data: new Float32Array(bytes.buffer, 0, count) };
  if (dtype === 'float64') return { dtype, shape, data: new Float64Array(bytes.buffer, 0, count) };
  return { dtype, shape, data: new Int32Array(bytes.buffer, 0, count) };
}

/** Serialize to `.npy` version 1.0. */
export function formatNpy(array: NpyArray): Uint8Array {
  const descr = Object.keys(DESCR).find((k) => DESCR[k] === array.dtype)!;
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + array.data.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(
    new Uint8Array(array.data.buffer, array.data.byteOffset, array.data.byteLength),
    10 + header.length,
  );
  return out;
}

/** Read a `.npy` file. @throws InputError naming the file when missing or malformed. */
export function readNpy(path: string): NpyArray {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (error) {
    throw new InputError(`cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      file: path,
    });
  }
  return parseNpy(buf, path);
}

/** Write a `.npy` file atomically. */
export function writeNpy(path: string, array: NpyArray): void {
  atomicWriteFileSync(path, formatNpy(array));
}
