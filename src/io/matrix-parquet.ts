/**
 * Matrices as Parquet through the embedded engine: one FLOAT column per matrix column (`c0`,
 * `c1`, ...) on write; on read every column must be numeric and becomes a matrix column, in order.
 */
import { rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { openDuckDB } from '../engine/duckdb-engine.js';
import { sqlIdent, sqlString } from '../engine/sql.js';
import { InputError } from '../util/errors.js';
import type { Matrix } from '../util/matrix.js';
import { tempPathFor } from './atomic-write.js';
import { writeMatrixCsv } from './matrix-csv.js';

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*|HUGEINT)$/;

/** Read a Parquet file of numeric columns into a float32 matrix. @throws InputError for a missing file or a non-numeric column. */
export async function readMatrixParquet(path: string): Promise<Matrix> {
  const engine = await openDuckDB({ threads: 1 });
  try {
    const source = `read_parquet(${sqlString(path)})`;
    const described = await engine.rows(`DESCRIBE SELECT * FROM ${source}`).catch((error: Error) => {
      throw new InputError(`not a readable Parquet file: ${error.message.replace(/^duckdb: /, '')}`, {
        file: path,
      });
    });
    for (const d of described) {
      if (!NUMERIC.test(String(d.column_type)))
        throw new InputError(`column is ${d.column_type}, not numeric`, {
          file: path,
          field: String(d.column_name),
        });
    }
    const cols = described.length;
    const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM ${source}`);
    const rows = Number(n);
    const data = new Float32Array(rows * cols);
    const column = new Float32Array(2048);
    const select = described.map((d) => `CAST(${sqlIdent(String(d.column_name))} AS FLOAT)`).join(', ');
    let at = 0;
    await engine.stream(`SELECT ${select} FROM ${source}`, (chunk) => {
      const m = chunk.rowCount;
      for (let c = 0; c < cols; c++) {
        const buf = m <= column.length ? column : new Float32Array(m);
        chunk.column(c).copyNumbers(0, m, buf, 0, Number.NaN);
        for (let r = 0; r < m; r++) data[(at + r) * cols + c] = buf[r];
      }
      at += m;
    });
    return { rows, cols, data };
  } finally {
    await engine.close();
  }
}

/** Write a matrix as Parquet (columns c0.., FLOAT), atomically: temp file, then rename. */
export async function writeMatrixParquet(path: string, M: Matrix): Promise<void> {
  const csv = tempPathFor(`${path}.csv`);
  const tmp = tempPathFor(path);
  const engine = await openDuckDB({ threads: 1 });
  try {
    await writeMatrixCsv(csv, M);
    const columns = Array.from({ length: M.cols }, (_, c) => `'c${c}': 'FLOAT'`).join(', ');
    const source =
      M.rows === 0
        ? `(SELECT ${Array.from({ length: M.cols }, (_, c) => `CAST(NULL AS FLOAT) AS c${c}`).join(', ')} LIMIT 0)`
        : `read_csv(${sqlString(csv)}, columns={${columns}}, header=false, auto_detect=false)`;
    await engine.run(`COPY (SELECT * FROM ${source}) TO ${sqlString(tmp)} (FORMAT parquet)`);
    await rename(tmp, path);
  } finally {
    await engine.close();
    rmSync(csv, { force: true });
    rmSync(tmp, { force: true });
  }
}
