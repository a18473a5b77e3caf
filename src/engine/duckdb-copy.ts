/**
 * Convert a headerless CSV file to Parquet with an embedded DuckDB `COPY`. DuckDB types stay in
 * this file; callers describe columns with segscope's own two column kinds.
 */
import { renameSync, rmSync } from 'node:fs';
import { tempPathFor } from '../io/atomic-write.js';
import { sqlString } from '../util/sql.js';

/** A column of the CSV: a 64-bit integer or a string. */
export interface CsvColumn {
  name: string;
  type: 'int64' | 'string';
}

const SQL_TYPE: Readonly<Record<CsvColumn['type'], string>> = { int64: 'BIGINT', string: 'VARCHAR' };

/**
 * Write `parquetPath` (atomically: temp file, then rename) from the headerless, comma-separated
 * `csvPath` with the given columns, in file order.
 * @throws RangeError if columns is empty; Error from DuckDB when the CSV does not parse.
 */
export async function copyCsvToParquet(
  csvPath: string,
  parquetPath: string,
  columns: readonly CsvColumn[],
): Promise<void> {
  if (columns.length === 0) throw new RangeError('copyCsvToParquet: columns is empty');
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const spec = columns.map((c) => `${sqlString(c.name)}: ${sqlString(SQL_TYPE[c.type])}`).join(', ');
  const tmp = tempPathFor(parquetPath);
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (SELECT * FROM read_csv(${sqlString(csvPath)}, header = false, delim = ',', columns = {${spec}})) ` +
        `TO ${sqlString(tmp)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    renameSync(tmp, parquetPath);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
