/**
 * Read user vectors a team brings: `.npy` (float32/float64, 2-D) with a users file (one id per line,
 * row order; default `<name>.users.txt` beside it, as `segscope encode` writes), `.csv` with a
 * header and a user-id column, or `.parquet` with a user-id column (read through DuckDB). Every
 * other column is a vector component.
 */
import { existsSync, readFileSync } from 'node:fs';
import { atomicWriteFileSync } from '../io/atomic-write.js';
import { csvFields } from '../io/csv-fields.js';
import { readNpy, writeNpy } from '../io/npy.js';
import { InputError } from '../util/errors.js';
import type { Matrix } from '../util/matrix.js';
import { readParquetVectors } from './vector-file-parquet.js';

export interface VectorFile {
  users: string[];
  vectors: Matrix;
}

export interface VectorFileOptions {
  /** Users file for `.npy`; default `<path without .npy>.users.txt`. */
  usersPath?: string;
  /** User-id column of `.csv` / `.parquet`. */
  idColumn: string;
}

/**
 * Read a vector file by extension.
 * @throws InputError naming the file (and line, field) when missing, malformed or inconsistent.
 */
export async function readVectorFile(path: string, options: VectorFileOptions): Promise<VectorFile> {
  if (!existsSync(path)) throw new InputError('vector file not found', { file: path });
  const lower = path.toLowerCase();
  if (lower.endsWith('.npy')) return readNpyVectors(path, options.usersPath ?? usersPathFor(path));
  if (lower.endsWith('.csv')) return readCsvVectors(path, options.idColumn);
  if (lower.endsWith('.parquet')) return readParquetVectors(path, options.idColumn);
  throw new InputError('unsupported vector file type (need .npy, .csv or .parquet)', { file: path });
}

function readNpyVectors(path: string, usersPath: string): VectorFile {
  const a = readNpy(path);
  if (a.shape.length !== 2)
    throw new InputError(`expected a 2-D array (users x dim), got shape (${a.shape.join(', ')})`, {
      file: path,
    });
  if (a.dtype === 'int32')
    throw new InputError('vectors must be float32 or float64, not int32', { file: path, field: 'descr' });
  if (!existsSync(usersPath))
    throw new InputError(`users file not found (one user id per line, in row order of ${path})`, {
      file: usersPath,
    });
  const users = readFileSync(usersPath, 'utf8').split(/\r?\n/);
  if (users.length > 0 && users[users.length - 1] === '') users.pop();
  if (users.length !== a.shape[0]) {
    throw new InputError(`${users.length} user ids for ${a.shape[0]} vector rows in ${path}`, {
      file: usersPath,
    });
  }
  return { users, vectors: { rows: a.shape[0], cols: a.shape[1], data: Float32Array.from(a.data) } };
}

function readCsvVectors(path: string, idColumn: string): VectorFile {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const header = csvFields(lines[0] ?? '');
  const id = header.indexOf(idColumn);
  if (id < 0)
    throw new InputError(`no "${idColumn}" column (header: ${header.join(', ')})`, {
      file: path,
      line: 1,
      field: idColumn,
    });
  const cols = header.length - 1;
  if (cols === 0) throw new InputError('no vector columns besides the user id', { file: path, line: 1 });
  const users: string[] = [];
  const data: number[] = [];
  for (let l = 1; l < lines.length; l++) {
    if (lines[l].trim() === '') continue;
    const fields = csvFields(lines[l]);
    if (fields.length !== header.length) {
      throw new InputError(`${fields.length} fields, header has ${header.length} (wrong dimension)`, {
        file: path,
        line: l + 1,
      });
    }
    fields.forEach((f, j) => {
      if (j === id) return;
      const v = Number(f);
      if (f.trim() === '' || !Number.isFinite(v))
        throw new InputError(`"${f}" is not a finite number`, { file: path, line: l + 1, field: header[j] });
      data.push(v);
    });
    users.push(fields[id]);
  }
  return { users, vectors: { rows: users.length, cols, data: Float32Array.from(data) } };
}

/** The users file that goes with a `.npy` vectors file: `vectors.npy` -> `vectors.users.txt`. */
export function usersPathFor(vectorsPath: string): string {
  return `${vectorsPath.replace(/\.npy$/i, '')}.users.txt`;
}

/**
 * Write user vectors as `.npy` (float32, users x dim) and the users file beside it (one id per
 * line, row order), both atomically.
 * @throws RangeError if users and rows differ, or a user id contains a line break.
 */
export function writeVectorFile(
  path: string,
  users: readonly string[],
  X: Matrix,
): { vectorsPath: string; usersPath: string } {
  if (users.length !== X.rows)
    throw new RangeError(`writeVectorFile: ${users.length} users for ${X.rows} rows`);
  const bad = users.findIndex((u) => /[\r\n]/.test(u));
  if (bad >= 0)
    throw new RangeError(`writeVectorFile: user id ${JSON.stringify(users[bad])} contains a line break`);
  const usersPath = usersPathFor(path);
  writeNpy(path, { dtype: 'float32', shape: [X.rows, X.cols], data: X.data });
  atomicWriteFileSync(usersPath, users.length === 0 ? '' : `${users.join('\n')}\n`);
  return { vectorsPath: path, usersPath };
}
