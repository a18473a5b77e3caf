/**
 * SQL literal and identifier quoting shared by every query builder: the stages that query an
 * engine, and io/, which reads and writes Parquet through DuckDB without depending on engine/.
 */

/** A single-quoted SQL string literal. @example sqlString("it's") // 'it''s' */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A double-quoted SQL identifier. @example sqlIdent('user id') // "user id" */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A finite number as a SQL literal. @throws RangeError for NaN or infinities. */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`sqlNumber: ${value} is not finite`);
  return String(value);
}
