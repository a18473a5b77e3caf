/**
 * Load an event file into the engine table `seg_raw` and find every structurally broken row:
 * wrong column count, undecodable bytes, over-long lines and values that do not parse as their
 * column's type. Under `badRows: 'error'` the first one stops the load with an InputError naming
 * file, line and field; under `'skip'` they are counted per column with their first lines.
 */
import type { Engine, EngineRow } from '../engine/engine.js';
import { sqlIdent, sqlString } from '../engine/sql.js';
import { InputError } from '../util/errors.js';
import { FIRST_LINES, type LineCount } from './cleaning-report.js';
import { columnsFromHeader, delimiterHint, type EventFormat, mappedColumns, readFirstLine, splitHeader } from './event-source.js';
import { lineLocator } from './line-locator.js';
import type { ColumnType, Preset } from './preset.js';

export type BadRowPolicy = 'error' | 'skip';

export interface ReadEventsOptions {
  file: string;
  format: EventFormat;
  preset: Preset;
  badRows: BadRowPolicy;
  /** Longest line accepted, in bytes (DuckDB's max_line_size). */
  maxLineBytes: number;
}

/** What `readEvents` loaded. */
export interface RawEvents {
  /** Source columns with the type each is read as (after a checked cast). */
  columns: { name: string; type: ColumnType }[];
  /** Columns loaded as text and cast in SQL with `TRY_CAST` (their failures are bad rows). */
  checked: Set<string>;
  /** SQL predicate over `seg_raw` true for rows that are not broken. */
  validRows: string;
  /** Data rows in the file, broken ones included. */
  rowsRead: number;
  badRows: Record<string, LineCount & { reason: string }>;
  badRowCount: number;
  /** Row index in `seg_raw` -> line (or row) in the file. */
  lineOf: (row: number) => number;
}

interface Problem {
  line: number;
  column: string;
  reason: string;
  message: string;
}

/** Columns whose readers do not reject bad values themselves: load as text, cast with a check. */
const CHECKED_IN_CSV = new Set<ColumnType>(['DATE', 'TIMESTAMPTZ']);

/**
 * Load `file` into `seg_raw` (dropping any previous one) and classify its broken rows.
 * @throws InputError under `badRows: 'error'` for the first broken row, or for a missing column.
 */
export async function readEvents(engine: Engine, options: ReadEventsOptions): Promise<RawEvents> {
  const { file, format, preset } = options;
  await engine.run('DROP TABLE IF EXISTS seg_raw; DROP TABLE IF EXISTS seg_rejects; DROP TABLE IF EXISTS seg_rejects_scan;');
  const problems: Problem[] = [];
  let columns: { name: string; type: ColumnType }[];
  const checked = new Set<string>();
  let headerLines = 0;
  let rejectedLines: number[] = [];
  if (format === 'csv') {
    if (preset.csv.header) {
      const line = readFirstLine(file, options.maxLineBytes);
      columns = columnsFromHeader(preset, splitHeader(line, preset.csv.delimiter), file, line);
      headerLines = 1;
    } else columns = preset.columns;
    for (const c of columns) if (CHECKED_IN_CSV.has(c.type)) checked.add(c.name);
    const spec = columns.map((c) => `${sqlString(c.name)}: ${sqlString(checked.has(c.name) ? 'VARCHAR' : c.type)}`).join(', ');
    await engine.run(
      `CREATE TABLE seg_raw AS SELECT * FROM read_csv(${sqlString(file)}, columns={${spec}}, header=${preset.csv.header}, ` +
        `delim=${sqlString(preset.csv.delimiter)}, quote='"', escape='"', auto_detect=false, ` +
        `nullstr=[${preset.csv.nullStrings.map(sqlString).join(', ')}], max_line_size=${options.maxLineBytes}, ` +
        `store_rejects=true, rejects_table='seg_rejects', rejects_scan='seg_rejects_scan')`,
    );
    const rejects = await engine.rows('SELECT line, column_name, error_type, error_message, csv_line FROM seg_rejects ORDER BY line, column_idx');
    rejectedLines = rejects.map((r) => Number(r.line));
    const seen = new Set<number>();
    for (const r of rejects) {
      // DuckDB reports a short row once per missing column; one problem per line is enough.
      if (seen.has(Number(r.line))) continue;
      seen.add(Number(r.line));
      problems.push(rejectProblem(r, preset, columns.length));
    }
  } else {
    columns = await loadSelfDescribing(engine, file, format, preset);
    for (const c of columns) if (c.type !== 'VARCHAR') checked.add(c.name);
  }
  const lineOf = format === 'csv' ? lineLocator(headerLines, rejectedLines) : (row: number) => row + 1;
  const checks = [...checked].map((name) => {
    const type = columns.find((c) => c.name === name)?.type as ColumnType;
    return { name, type, bad: `(${sqlIdent(name)} IS NOT NULL AND TRY_CAST(${sqlIdent(name)} AS ${type}) IS NULL)` };
  });
  if (format === 'jsonl') {
    // read_json(ignore_errors) turns a malformed record into an all-NULL row on its own line.
    const all = columns.map((c) => `${sqlIdent(c.name)} IS NULL`).join(' AND ');
    checks.push({ name: '(row)', type: 'VARCHAR', bad: `(${all})` });
  }
  const extraCounts = new Map<string, number>();
  for (const check of checks) {
    const found = await engine.rows(`SELECT rowid AS r, CAST(${check.name === '(row)' ? "''" : sqlIdent(check.name)} AS VARCHAR) AS v FROM seg_raw WHERE ${check.bad} ORDER BY rowid LIMIT ${FIRST_LINES}`);
    if (found.length === 0) continue;
    const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM seg_raw WHERE ${check.bad}`);
    for (const [i, row] of found.entries()) {
      const malformed = check.name === '(row)';
      problems.push({
        line: lineOf(Number(row.r)),
        column: check.name,
        reason: malformed ? 'malformed record' : `not a ${check.type}`,
        message: malformed ? 'malformed JSON record' : `${JSON.stringify(row.v)} is not a valid ${describeType(check.type)}`,
      });
      // Counts beyond the first lines are added once, not per listed line.
      if (i === 0) extraCounts.set(check.name, Number(n) - found.length);
    }
  }
  const validRows = checks.length === 0 ? 'TRUE' : `NOT (${checks.map((c) => c.bad).join(' OR ')})`;
  const [{ n: loaded }] = await engine.rows('SELECT count(*) AS n FROM seg_raw');
  problems.sort((a, b) => a.line - b.line);
  if (problems.length > 0 && options.badRows === 'error') {
    const p = problems[0];
    throw new InputError(`${p.message} (use --bad-rows skip to count and skip broken rows)`, { file, line: p.line, field: p.column });
  }
  const badRows: RawEvents['badRows'] = {};
  for (const p of problems) {
    const entry = (badRows[p.column] ??= { count: 0, firstLines: [], reason: p.reason });
    entry.count++;
    if (entry.firstLines.length < FIRST_LINES) entry.firstLines.push(p.line);
  }
  for (const [name, extra] of extraCounts) badRows[name].count += extra;
  const [{ n: broken }] = await engine.rows(`SELECT count(*) AS n FROM seg_raw WHERE NOT (${validRows})`);
  const badRowCount = new Set(rejectedLines).size + Number(broken);
  return { columns, checked, validRows, rowsRead: Number(loaded) + new Set(rejectedLines).size, badRows, badRowCount, lineOf };
}

function describeType(type: ColumnType): string {
  switch (type) {
    case 'BIGINT':
      return 'integer';
    case 'DOUBLE':
      return 'number';
    case 'DATE':
      return 'date (YYYY-MM-DD)';
    case 'TIMESTAMPTZ':
      return 'timestamp (ISO 8601)';
    case 'VARCHAR':
      return 'text';
  }
}

function rejectProblem(r: EngineRow, preset: Preset, expected: number): Problem {
  const line = Number(r.line);
  const column = r.column_name === null ? '(row)' : String(r.column_name);
  const type = String(r.error_type);
  const text = String(r.csv_line ?? '');
  switch (type) {
    case 'CAST': {
      const value = /Could not convert string "(.*)" to/.exec(String(r.error_message))?.[1] ?? text;
      const wanted = preset.columns.find((c) => c.name === column)?.type ?? 'VARCHAR';
      const hint = delimiterHint(text, preset.csv.delimiter, expected);
      return { line, column, reason: `not a ${wanted}`, message: `${JSON.stringify(value)} is not a valid ${describeType(wanted)}${hint}` };
    }
    case 'MISSING COLUMNS':
    case 'TOO MANY COLUMNS': {
      const found = /Found: (\d+)/.exec(String(r.error_message))?.[1];
      const hint = delimiterHint(text, preset.csv.delimiter, expected);
      return { line, column: '(row)', reason: 'wrong column count', message: `expected ${expected} columns, found ${found ?? 'a different number'}${hint}` };
    }
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return { line, column, reason: 'undecodable bytes', message: 'undecodable bytes (the file is not UTF-8)' };
    case 'LINE SIZE OVER MAXIMUM':
      return { line, column: '(row)', reason: 'line too long', message: `line too long: ${String(r.error_message)}` };
    default:
      return { line, column, reason: type.toLowerCase(), message: String(r.error_message) };
  }
}

/** Parquet and JSONL carry column names; check the mapped ones exist and load them. */
async function loadSelfDescribing(engine: Engine, file: string, format: EventFormat, preset: Preset): Promise<{ name: string; type: ColumnType }[]> {
  const wanted = [...new Set(mappedColumns(preset).map((m) => m.column))];
  const typeOf = new Map(preset.columns.map((c) => [c.name, c.type]));
  const columns = wanted.map((name) => ({ name, type: typeOf.get(name) ?? ('VARCHAR' as ColumnType) }));
  if (format === 'parquet') {
    const described = await engine.rows(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`).catch((error: Error) => {
      throw new InputError(`not a readable Parquet file: ${error.message.replace(/^duckdb: /, '')}`, { file });
    });
    const names = described.map((d) => String(d.column_name));
    for (const { field, column } of mappedColumns(preset)) {
      if (!names.includes(column)) throw new InputError(`column "${column}" (for ${field}) is not in the file [${names.join(', ')}]`, { file, field: column });
    }
    const select = wanted.map((c) => `CAST(${sqlIdent(c)} AS VARCHAR) AS ${sqlIdent(c)}`).join(', ');
    await engine.run(`CREATE TABLE seg_raw AS SELECT ${select} FROM read_parquet(${sqlString(file)})`);
  } else {
    const spec = wanted.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ');
    await engine.run(
      `CREATE TABLE seg_raw AS SELECT * FROM read_json(${sqlString(file)}, format='newline_delimited', columns={${spec}}, ignore_errors=true)`,
    );
    const counts = await engine.rows(`SELECT count(*) AS n, ${wanted.map((c, i) => `count(${sqlIdent(c)}) AS c${i}`).join(', ')} FROM seg_raw`);
    for (const [i, column] of wanted.entries()) {
      if (Number(counts[0].n) > 0 && Number(counts[0][`c${i}`]) === 0) {
        const field = mappedColumns(preset).find((m) => m.column === column)?.field;
        throw new InputError(`column "${column}" (for ${field}) is in no record`, { file, field: column });
      }
    }
  }
  return columns;
}
