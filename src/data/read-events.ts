/**
 * Read an event file into the engine table `seg_ev` (normalized columns, see normalize-events.ts)
 * in one pass, and find every structurally broken row: wrong column count, undecodable bytes,
 * over-long lines, values that do not parse as their column's type, malformed JSON records.
 * Under `badRows: 'error'` the first one stops the load with an InputError naming file, line and
 * field; under `'skip'` they are counted per column with their first lines and removed.
 */
import { type Engine, EngineError } from '../engine/engine.js';
import { sqlIdent, sqlString } from '../util/sql.js';
import { InputError } from '../util/errors.js';
import { FIRST_LINES, type LineCount } from './cleaning-report.js';
import { blankLines } from './blank-lines.js';
import { columnsFromHeader, type EventFormat, readFirstLine, splitHeader } from './event-source.js';
import { lineLocator } from './line-locator.js';
import { type EventColumns, eventSelectList } from './normalize-events.js';
import type { ColumnType, Preset } from './preset.js';
import { type BadRowProblem, describeType, rejectProblem } from './reject-problem.js';
import { selfDescribingColumns } from './self-describing-columns.js';

export type BadRowPolicy = 'error' | 'skip';

export interface ReadEventsOptions {
  file: string;
  format: EventFormat;
  preset: Preset;
  keyBy: 'user' | 'session';
  badRows: BadRowPolicy;
  /** Longest line accepted, in bytes (DuckDB's max_line_size). */
  maxLineBytes: number;
}

/** What `readEvents` loaded. */
export interface RawEvents {
  cols: EventColumns;
  /** Data rows in the file, broken ones included. */
  rowsRead: number;
  badRows: Record<string, LineCount & { reason: string }>;
  badRowCount: number;
  /** Row index (`rowid` of `seg_ev`) -> line (or row) in the file. */
  lineOf: (row: number) => number;
}

/** Columns whose CSV reader does not reject bad values itself: read as text, cast with a check. */
const CHECKED_IN_CSV = new Set<ColumnType>(['DATE', 'TIMESTAMPTZ']);

/**
 * Create `seg_ev` from `file` (dropping any previous one) and classify its broken rows.
 * @throws InputError under `badRows: 'error'` for the first broken row, or for a missing column.
 */
export async function readEvents(engine: Engine, options: ReadEventsOptions): Promise<RawEvents> {
  const { file, format, preset } = options;
  await engine.run(
    'DROP TABLE IF EXISTS seg_ev; DROP TABLE IF EXISTS seg_rejects; DROP TABLE IF EXISTS seg_rejects_scan;',
  );
  let columns: { name: string; type: ColumnType }[];
  const checked = new Set<string>();
  let headerLines = 0;
  let source: string;
  if (format === 'csv') {
    if (preset.csv.header) {
      const line = readFirstLine(file, options.maxLineBytes);
      columns = columnsFromHeader(preset, splitHeader(line, preset.csv.delimiter), file, line);
      headerLines = 1;
    } else columns = preset.columns;
    for (const c of columns) if (CHECKED_IN_CSV.has(c.type)) checked.add(c.name);
    const spec = columns
      .map((c) => `${sqlString(c.name)}: ${sqlString(checked.has(c.name) ? 'VARCHAR' : c.type)}`)
      .join(', ');
    source =
      `read_csv(${sqlString(file)}, columns={${spec}}, header=${preset.csv.header}, delim=${sqlString(preset.csv.delimiter)}, ` +
      `quote='"', escape='"', auto_detect=false, nullstr=[${preset.csv.nullStrings.map(sqlString).join(', ')}], ` +
      `max_line_size=${options.maxLineBytes}, store_rejects=true, rejects_table='seg_rejects', rejects_scan='seg_rejects_scan')`;
  } else {
    columns = await selfDescribingColumns(engine, file, format, preset);
    for (const c of columns) if (c.type !== 'VARCHAR') checked.add(c.name);
    source =
      format === 'parquet'
        ? `read_parquet(${sqlString(file)})`
        : `read_json(${sqlString(file)}, format='newline_delimited', columns={${columns.map((c) => `${sqlString(c.name)}: 'VARCHAR'`).join(', ')}}, ignore_errors=true)`;
  }
  const bad = [...checked].map((name) => {
    const type = columns.find((c) => c.name === name)?.type as ColumnType;
    const c = sqlIdent(name);
    return {
      column: name,
      type,
      expr: `CASE WHEN ${c} IS NOT NULL AND TRY_CAST(${c} AS ${type}) IS NULL THEN CAST(${c} AS VARCHAR) END`,
    };
  });
  if (format === 'jsonl') {
    // read_json(ignore_errors) turns a malformed record into an all-NULL row in its place.
    bad.push({
      column: '(row)',
      type: 'VARCHAR',
      expr: `CASE WHEN ${columns.map((c) => `${sqlIdent(c.name)} IS NULL`).join(' AND ')} THEN '' END`,
    });
  }
  const { select, cols } = eventSelectList(preset, columns, checked, options.keyBy);
  const badSelect = bad.map((b, i) => `, ${b.expr} AS bad${i}`).join('');
  try {
    await engine.run(`CREATE TABLE seg_ev AS SELECT ${select}${badSelect} FROM ${source}`);
  } catch (error) {
    // What the reader cannot even classify as a row (a binary file, a broken Parquet footer) is
    // still bad input, not an internal failure.
    if (!(error instanceof EngineError)) throw error;
    const line = /on Line: (\d+)/i.exec(error.engineMessage)?.[1];
    const first = error.engineMessage.split('\n')[0].replace(/^[A-Za-z ]+Error: /, '');
    throw new InputError(`cannot read this file as ${format}: ${first}`, {
      file,
      ...(line ? { line: Number(line) } : {}),
    });
  }

  const problems: BadRowProblem[] = [];
  let rejectedLines: number[] = [];
  if (format === 'csv') {
    const rejects = await engine.rows(
      "SELECT line, column_name, error_type, error_message, csv_line FROM seg_rejects ORDER BY line, error_type = 'CAST', column_idx NULLS FIRST",
    );
    rejectedLines = [...new Set(rejects.map((r) => Number(r.line)))];
    const seen = new Set<number>();
    for (const r of rejects) {
      // DuckDB reports a short row once per missing column; one problem per line is enough.
      if (seen.has(Number(r.line))) continue;
      seen.add(Number(r.line));
      problems.push(rejectProblem(r, preset, columns.length));
    }
  }
  // Blank lines hold no row in CSV or JSONL; Parquet rows are numbered from 1.
  const lineOf =
    format === 'parquet'
      ? (row: number) => row + 1
      : lineLocator(headerLines, [...rejectedLines, ...blankLines(file)]);
  const counts = new Map<string, number>();
  for (const [i, b] of bad.entries()) {
    const found = await engine.rows(
      `SELECT rowid AS r, bad${i} AS v FROM seg_ev WHERE bad${i} IS NOT NULL ORDER BY rowid LIMIT ${FIRST_LINES}`,
    );
    if (found.length === 0) continue;
    const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM seg_ev WHERE bad${i} IS NOT NULL`);
    counts.set(b.column, Number(n) - found.length);
    for (const row of found) {
      const malformed = b.column === '(row)';
      problems.push({
        line: lineOf(Number(row.r)),
        column: b.column,
        reason: malformed ? 'malformed record' : `not a valid ${describeType(b.type)}`,
        message: malformed
          ? 'malformed JSON record (or one with none of the mapped fields)'
          : `${JSON.stringify(row.v)} is not a valid ${describeType(b.type)}`,
      });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  if (problems.length > 0 && options.badRows === 'error') {
    const p = problems[0];
    throw new InputError(`${p.message} (use --bad-rows skip to count and skip broken rows)`, {
      file,
      line: p.line,
      field: p.column,
    });
  }
  const badRows: RawEvents['badRows'] = {};
  for (const p of problems) {
    const entry = (badRows[p.column] ??= { count: 0, firstLines: [], reason: p.reason });
    entry.count++;
    if (entry.firstLines.length < FIRST_LINES) entry.firstLines.push(p.line);
  }
  for (const [column, extra] of counts) badRows[column].count += extra;
  let broken = 0;
  if (bad.length > 0) {
    const anyBad = bad.map((_, i) => `bad${i} IS NOT NULL`).join(' OR ');
    const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM seg_ev WHERE ${anyBad}`);
    broken = Number(n);
    if (broken > 0) await engine.run(`DELETE FROM seg_ev WHERE ${anyBad}`);
  }
  const [{ n: loaded }] = await engine.rows('SELECT count(*) AS n FROM seg_ev');
  return {
    cols,
    rowsRead: Number(loaded) + broken + rejectedLines.length,
    badRows,
    badRowCount: broken + rejectedLines.length,
    lineOf,
  };
}
