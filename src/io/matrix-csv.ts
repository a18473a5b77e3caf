/**
 * Dense numeric matrices from delimited text: one row per line, the same number of fields on every
 * line, an optional header line (detected: a first line with any non-numeric field). Read in chunks,
 * so memory is the float32 result plus one chunk, not the whole text.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../util/errors.js';
import type { Matrix } from '../util/matrix.js';
import { atomicWriteStream } from './atomic-write.js';

export interface MatrixCsvOptions {
  /** Field separator; default `,`. */
  delimiter?: string;
}

/**
 * Read a CSV of numbers as a float32 matrix.
 * @throws InputError naming file, line and field for an unreadable file, a ragged line, an empty
 *   value, or a value that is not a finite number (NaN and Inf included).
 * @example readMatrixCsv('vectors.csv') // { rows, cols, data }
 */
export function readMatrixCsv(path: string, options: MatrixCsvOptions = {}): Matrix {
  const delimiter = options.delimiter ?? ',';
  const parser = csvMatrixParser(path, delimiter);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new InputError(`cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      file: path,
    });
  }
  try {
    const chunk = Buffer.alloc(1 << 24);
    const decoder = new TextDecoder('utf-8');
    let carry = '';
    for (;;) {
      const got = readSync(fd, chunk, 0, chunk.length, null);
      const text = carry + decoder.decode(chunk.subarray(0, got), { stream: got > 0 });
      const lines = text.split('\n');
      carry = got > 0 ? lines.pop()! : '';
      for (const line of lines) parser.line(line);
      if (got === 0) break;
    }
  } finally {
    closeSync(fd);
  }
  return parser.finish();
}

/**
 * Parse CSV text (already in memory) into a float32 matrix, with the same rules as readMatrixCsv.
 * @example parseMatrixCsv('1,2\n3,4\n').cols // 2
 */
export function parseMatrixCsv(text: string, file = '<csv>', options: MatrixCsvOptions = {}): Matrix {
  const parser = csvMatrixParser(file, options.delimiter ?? ',');
  for (const line of text.split('\n')) parser.line(line);
  return parser.finish();
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

function csvMatrixParser(file: string, delimiter: string) {
  let header: string[] | undefined;
  let cols = -1;
  let rows = 0;
  let lineNo = 0;
  let data = new Float32Array(1024);
  return {
    line(raw: string): void {
      lineNo++;
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (text.trim() === '') return;
      const fields = text.split(delimiter);
      if (cols < 0) {
        cols = fields.length;
        if (fields.some((f) => f.trim() === '' || !Number.isFinite(Number(f)))) {
          header = fields.map((f) => f.trim());
          return;
        }
      }
      if (fields.length !== cols)
        throw new InputError(`expected ${cols} fields, found ${fields.length}`, { file, line: lineNo });
      if ((rows + 1) * cols > data.length) {
        const grown = new Float32Array(Math.max(data.length * 2, (rows + 1) * cols));
        grown.set(data);
        data = grown;
      }
      for (let j = 0; j < cols; j++) {
        const f = fields[j].trim();
        const v = Number(f);
        if (f === '' || !Number.isFinite(v)) {
          const field = header?.[j] ?? `column ${j + 1}`;
          throw new InputError(f === '' ? 'empty value' : `"${f}" is not a finite number`, {
            file,
            line: lineNo,
            field,
          });
        }
        data[rows * cols + j] = v;
      }
      rows++;
    },
    finish(): Matrix {
      if (rows === 0) throw new InputError('no data rows', { file });
      return { rows, cols, data: data.slice(0, rows * cols) };
    },
  };
}
