/** Matrix files by extension: `.npy` (float32/float64/int32, read as float32), `.csv`, `.parquet`. */
import { extname } from 'node:path';
import { InputError, UsageError } from '../util/errors.js';
import type { Matrix } from '../util/matrix.js';
import { readMatrixCsv, writeMatrixCsv } from './matrix-csv.js';
import { readMatrixParquet, writeMatrixParquet } from './matrix-parquet.js';
import { readNpy, writeNpy } from './npy.js';

type MatrixFormat = 'npy' | 'csv' | 'parquet';

function formatOf(path: string): MatrixFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.npy') return 'npy';
  if (ext === '.csv') return 'csv';
  if (ext === '.parquet') return 'parquet';
  throw new UsageError(`unknown matrix file type "${ext || path}"`, [
    { path, message: 'use .npy, .csv or .parquet' },
  ]);
}

/**
 * Read a matrix from `.npy`, `.csv` or `.parquet`.
 * @throws UsageError for another extension, InputError for a missing or malformed file.
 * @example const X = await readMatrix('vectors.npy');
 */
export async function readMatrix(path: string): Promise<Matrix> {
  switch (formatOf(path)) {
    case 'npy': {
      const a = readNpy(path);
      if (a.shape.length > 2)
        throw new InputError(`a matrix needs 1 or 2 dimensions, got shape (${a.shape.join(', ')})`, {
          file: path,
        });
      const rows = a.shape[0] ?? 1;
      const cols = a.shape.length === 2 ? a.shape[1] : 1;
      return { rows, cols, data: a.data instanceof Float32Array ? a.data : Float32Array.from(a.data) };
    }
    case 'csv':
      return readMatrixCsv(path);
    case 'parquet':
      return readMatrixParquet(path);
  }
}

/**
 * Write a matrix to `.npy` (float32), `.csv` or `.parquet`, atomically (temp file + rename).
 * @throws UsageError for another extension.
 */
export async function writeMatrix(path: string, M: Matrix): Promise<void> {
  switch (formatOf(path)) {
    case 'npy':
      writeNpy(path, { dtype: 'float32', shape: [M.rows, M.cols], data: M.data });
      return;
    case 'csv':
      return writeMatrixCsv(path, M);
    case 'parquet':
      return writeMatrixParquet(path, M);
  }
}
