/** Turn one row of DuckDB's CSV rejects table into a located, readable problem. */
import type { EngineRow } from '../engine/engine.js';
import { delimiterHint } from './event-source.js';
import type { ColumnType, Preset } from './preset.js';

/** A broken row: where, which column (`(row)` for whole-row problems), a short reason and a message. */
export interface BadRowProblem {
  line: number;
  column: string;
  reason: string;
  message: string;
}

/** A column type in the user's words. */
export function describeType(type: ColumnType): string {
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

/** The problem a reject row describes; `expected` is the number of columns the reader wanted. */
export function rejectProblem(r: EngineRow, preset: Preset, expected: number): BadRowProblem {
  const line = Number(r.line);
  const column = r.column_name === null ? '(row)' : String(r.column_name);
  const type = String(r.error_type);
  const text = String(r.csv_line ?? '');
  const hint = delimiterHint(text, preset.csv.delimiter, expected);
  switch (type) {
    case 'CAST': {
      const value = /Could not convert string "(.*)" to/.exec(String(r.error_message))?.[1] ?? text;
      const wanted = preset.columns.find((c) => c.name === column)?.type ?? 'VARCHAR';
      return {
        line,
        column,
        reason: `not a valid ${describeType(wanted)}`,
        message: `${JSON.stringify(value)} is not a valid ${describeType(wanted)}${hint}`,
      };
    }
    case 'MISSING COLUMNS':
    case 'TOO MANY COLUMNS': {
      const found = /Found: (\d+)/.exec(String(r.error_message))?.[1];
      return {
        line,
        column: '(row)',
        reason: 'wrong column count',
        message: `expected ${expected} columns, found ${found ?? 'a different number'}${hint}`,
      };
    }
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return {
        line,
        column,
        reason: 'undecodable bytes',
        message: 'undecodable bytes (the file is not UTF-8)',
      };
    case 'LINE SIZE OVER MAXIMUM':
      return {
        line,
        column: '(row)',
        reason: 'line too long',
        message: `line too long: ${String(r.error_message)}`,
      };
    default:
      return { line, column, reason: type.toLowerCase(), message: String(r.error_message) };
  }
}
