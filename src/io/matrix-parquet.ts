/**
 * Dense numeric matrices from Parquet through embedded DuckDB: either every column numeric (one
 * matrix column each), or a single list/array column of numbers (one embedding per row).
 *
 * DuckDB is only the Parquet codec here, a private in-memory session per file, so io/ stays free of
 * engine/: a matrix file is local whichever engine runs the event SQL, and every stage can read one.
 */
import { rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '../util/errors.js';
import type { Matrix } from '../util/matrix.js';
import { sqlIdent, sqlString } from '../util/sql.js';
import { tempPathFor } from './atomic-write.js';
import { writeMatrixCsv } from './matrix-csv.js';

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/;
const NUMERIC_LIST = /^(TINYINT|SMALLINT|INTEGER|BIGINT|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))\[\d*\]$/;

/**
 * Read a Parquet file as a float32 matrix.
 * @throws InputError naming the file, and the column where known, for an unreadable file, a
 *   non-numeric column, a null, ragged lists, or a non-finite value.
 */
export async function readMatrixParquet(path: string): Promise<Matrix> {
  return withDuckDB({}, async (connection) => {
    const source = `read_parquet(${sqlString(path)})`;
    let described: { name: string; type: string }[];
    try {
      const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
      described = reader
        .getRowObjectsJS()
        .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    } catch (error) {
      throw new InputError(`cannot read as parquet: ${(error as Error).message}`, { file: path });
    }
    if (described.length === 1 && NUMERIC_LIST.test(described[0].type)) {
      const name = described[0].name;
      const reader = await connection.runAndReadAll(
        `SELECT CAST(${sqlIdent(name)} AS DOUBLE[]) FROM ${source}`,
      );
      return fromLists(reader.getColumnsJS()[0] as (number[] | null)[], path, name);
    }
    for (const c of described) {
      if (!NUMERIC.test(c.type))
        throw new InputError(`column type ${c.type} is not numeric`, { file: path, field: c.name });
    }
    const select = described.map((c) => `CAST(${sqlIdent(c.name)} AS DOUBLE)`).join(', ');
    const columns = (await connection.runAndReadAll(`SELECT ${select} FROM ${source}`)).getColumnsJS() as (
      | number
      | null
    )[][];
    const rows = columns.length === 0 ? 0 : columns[0].length;
    const cols = columns.length;
    const data = new Float32Array(rows * cols);
    for (let j = 0; j < cols; j++) {
      for (let i = 0; i < rows; i++) data[i * cols + j] = checked(columns[j][i], path, described[j].name, i);
    }
    return { rows, cols, data };
  });
}

/** Run `work` on a fresh in-memory DuckDB connection, closed afterwards however `work` ends. */
async function withDuckDB<T>(
  config: Record<string, string>,
  work: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  // Loaded on first use, so importing segscope does not load DuckDB's native addon.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function fromLists(lists: (number[] | null)[], file: string, field: string): Matrix {
  const rows = lists.length;
  const cols = rows === 0 || lists[0] === null ? 0 : lists[0].length;
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const list = lists[i];
    if (list === null || list.length !== cols) {
      throw new InputError(
        `row ${i} has ${list === null ? 'null' : `${list.length} values`}, expected ${cols}`,
        { file, field },
      );
    }
    for (let j = 0; j < cols; j++) data[i * cols + j] = checked(list[j], file, `${field}[${j}]`, i);
  }
  return { rows, cols, data };
}

function checked(v: number | null, file: string, field: string, row: number): number {
  if (v === null || !Number.isFinite(v))
    throw new InputError(`row ${row} is ${v === null ? 'null' : v}, need a finite number`, { file, field });
  return v;
}

/** Write a matrix as Parquet (columns c0.., FLOAT), atomically: temp file, then rename. */
export async function writeMatrixParquet(path: string, M: Matrix): Promise<void> {
  const csv = tempPathFor(`${path}.csv`);
  const tmp = tempPathFor(path);
  try {
    await writeMatrixCsv(csv, M);
    const columns = Array.from({ length: M.cols }, (_, c) => `'c${c}': 'FLOAT'`).join(', ');
    const source =
      M.rows === 0
        ? `(SELECT ${Array.from({ length: M.cols }, (_, c) => `CAST(NULL AS FLOAT) AS c${c}`).join(', ')} LIMIT 0)`
        : `read_csv(${sqlString(csv)}, columns={${columns}}, header=false, auto_detect=false)`;
    await withDuckDB({ threads: '1' }, (connection) =>
      connection.run(`COPY (SELECT * FROM ${source}) TO ${sqlString(tmp)} (FORMAT parquet)`),
    );
    await rename(tmp, path);
  } finally {
    rmSync(csv, { force: true });
    rmSync(tmp, { force: true });
  }
}
