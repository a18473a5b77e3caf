/**
 * User vectors from Parquet through embedded DuckDB: a user-id column plus either numeric columns
 * (one component each) or a single numeric list column (`user_id, embedding FLOAT[]`).
 */
import { openDuckDB } from '../engine/duckdb-engine.js';
import { sqlIdent, sqlString } from '../util/sql.js';
import { InputError } from '../util/errors.js';
import type { VectorFile } from './vector-file.js';

const NUMERIC =
  /^(DOUBLE|FLOAT|REAL|DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)/;
const NUMERIC_LIST = /^(DOUBLE|FLOAT|REAL|DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT)(\(\d+,\s*\d+\))?\[\d*\]$/;

/**
 * Read a Parquet vector file.
 * @throws InputError naming the file and column for a missing id column, a non-numeric column,
 *   ragged lists or a NULL / non-finite value.
 */
export async function readParquetVectors(path: string, idColumn: string): Promise<VectorFile> {
  const engine = await openDuckDB();
  try {
    const source = `read_parquet(${sqlString(path)})`;
    const columns = (await engine.rows(`DESCRIBE SELECT * FROM ${source}`)).map((r) => ({
      name: String(r.column_name),
      type: String(r.column_type),
    }));
    if (!columns.some((c) => c.name === idColumn)) {
      throw new InputError(`no "${idColumn}" column (columns: ${columns.map((c) => c.name).join(', ')})`, {
        file: path,
        field: idColumn,
      });
    }
    const numeric = columns.filter((c) => c.name !== idColumn);
    const users: string[] = [];
    const data: number[] = [];
    const list = numeric.length === 1 && NUMERIC_LIST.test(numeric[0].type) ? numeric[0] : undefined;
    if (list !== undefined) {
      // One embedding array per row (`user_id, embedding FLOAT[]`), all of one length.
      let dim = -1;
      await engine.stream(
        `SELECT CAST(${sqlIdent(idColumn)} AS VARCHAR), CAST(${sqlIdent(list.name)} AS DOUBLE[]) FROM ${source}`,
        (chunk) => {
          const ids = chunk.column(0);
          const lists = chunk.column(1);
          const child = lists.child();
          for (let r = 0; r < chunk.rowCount; r++) {
            const length = lists.isNull(r) ? 0 : lists.listLength(r);
            if (dim < 0) dim = length;
            if (length !== dim) {
              throw new InputError(
                `row ${users.length + 1} has ${length} values, earlier rows ${dim} (wrong dimension)`,
                { file: path, field: list.name },
              );
            }
            users.push(ids.string(r) ?? '');
            const start = lists.listStart(r);
            for (let j = 0; j < length; j++) data.push(child.number(start + j));
          }
        },
      );
      return checkedParquet(path, users, data, Math.max(dim, 0), [list.name]);
    }
    const bad = numeric.find((c) => !NUMERIC.test(c.type));
    if (bad)
      throw new InputError(
        `column "${bad.name}" is ${bad.type}, not numeric (or a single numeric list column)`,
        { file: path, field: bad.name },
      );
    if (numeric.length === 0) throw new InputError('no vector columns besides the user id', { file: path });
    const select = [
      `CAST(${sqlIdent(idColumn)} AS VARCHAR)`,
      ...numeric.map((c) => `CAST(${sqlIdent(c.name)} AS DOUBLE)`),
    ].join(', ');
    await engine.stream(`SELECT ${select} FROM ${source}`, (chunk) => {
      for (let r = 0; r < chunk.rowCount; r++) {
        users.push(chunk.column(0).string(r) ?? '');
        for (let j = 0; j < numeric.length; j++) data.push(chunk.column(j + 1).number(r));
      }
    });
    return checkedParquet(
      path,
      users,
      data,
      numeric.length,
      numeric.map((c) => c.name),
    );
  } finally {
    await engine.close();
  }
}

/** The vectors, after checking every value is finite (a NULL reads as NaN). */
function checkedParquet(
  path: string,
  users: string[],
  data: number[],
  cols: number,
  fields: string[],
): VectorFile {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new InputError(`row ${Math.floor(i / cols) + 1} is NULL or not finite`, {
        file: path,
        field: fields[i % fields.length],
      });
    }
  }
  return { users, vectors: { rows: users.length, cols, data: Float32Array.from(data) } };
}
