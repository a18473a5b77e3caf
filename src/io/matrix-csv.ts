/**
 * Matrices as CSV: one row per line, comma-separated numbers; an optional header line (any first
 * line that is not all numbers) is skipped on read.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../util/errors.js';
import type { Matrix } from '../util/matrix.js';
import { atomicWriteStream } from './atomic-write.js';

/**
 * Parse CSV text into a float32 matrix.
 * @throws InputError naming file, line and column for a ragged row or a value that is not a number.
 * @example parseMatrixCsv('1,2\n3,4\n').cols // 2
 */
export function parseMatrixCsv(text: string, file = '<csv>'): Matrix {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const isNumber = (cell: string) => cell.trim() !== '' && Number.isFinite(Number(cell));
  let first = 0;
  if (lines.length > 0 && !lines[0].split(',').every(isNumber)) first = 1;
  const rows = lines.length - first;
  const cols = rows > 0 ? lines[first].split(',').length : 0;
  const data = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const cells = lines[first + r].split(',');
    if (cells.length !== cols)
      throw new InputError(`expected ${cols} values, found ${cells.length}`, { file, line: first + r + 1 });
    for (let c = 0; c < cols; c++) {
      const v = Number(cells[c]);
      if (cells[c].trim() === '' || Number.isNaN(v))
        throw new InputError(`${JSON.stringify(cells[c])} is not a number`, {
          file,
          line: first + r + 1,
          field: `column ${c + 1}`,
        });
      data[r * cols + c] = v;
    }
  }
  return { rows, cols, data };
}

/** Read a matrix CSV file. @throws InputError as parseMatrixCsv, or for a missing file. */
export function readMatrixCsv(path: string): Matrix {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError('no such file (or not readable)', { file: path });
  }
  return parseMatrixCsv(text, path);
}

/** Write a matrix as CSV (no header), atomically; values print in shortest round-trip form. */
export async function writeMatrixCsv(path: string, M: Matrix): Promise<void> {
  await atomicWriteStream(path, async (write) => {
    let chunk = '';
    for (let r = 0; r < M.rows; r++) {
      let line = '';
      for (let c = 0; c < M.cols; c++) line += (c ? ',' : '') + String(M.data[r * M.cols + c]);
      chunk += `${line}\n`;
      if (chunk.length > 1 << 20) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(chunk);
  });
}
