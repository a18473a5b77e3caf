/**
 * Where events come from: checks the file before any engine work (missing, a directory, empty,
 * an over-long or undecodable header), picks the format from the extension, and resolves the
 * preset's columns against the file's header so a wrong delimiter or a missing column is named
 * with file, line 1 and field.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../util/errors.js';
import { type ColumnType, type Preset, timeColumns } from './preset.js';

export type EventFormat = 'csv' | 'parquet' | 'jsonl';
export const EVENT_FORMATS: readonly EventFormat[] = ['csv', 'parquet', 'jsonl'];

/** The format an extension implies: .parquet, .jsonl/.ndjson/.json, anything else CSV. */
export function formatOf(path: string): EventFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.parquet') return 'parquet';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  return 'csv';
}

/**
 * Fail early with a located message when `path` cannot be an event log: missing, not a file, empty.
 * @throws InputError naming the file.
 */
export function checkEventFile(path: string): void {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new InputError('not a regular file', { file: path });
    size = st.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('no such file (or not readable)', { file: path });
  }
  if (size === 0) throw new InputError('empty file (no events)', { file: path });
}

/**
 * The first line of a text file, read in one bounded chunk (no whole-file read).
 * @throws InputError when the line is longer than `maxBytes` or is not UTF-8.
 */
export function readFirstLine(path: string, maxBytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(maxBytes + 1, Math.max(statSync(path).size, 1)));
    const n = readSync(fd, buf, 0, buf.length, 0);
    let end = buf.subarray(0, n).indexOf(10);
    if (end < 0) {
      if (n > maxBytes)
        throw new InputError(`line longer than ${maxBytes} bytes (the limit; raise maxLineBytes)`, {
          file: path,
          line: 1,
        });
      end = n;
    }
    const bytes = buf.subarray(0, end > 0 && buf[end - 1] === 13 ? end - 1 : end);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      throw new InputError('undecodable bytes (the file is not UTF-8)', { file: path, line: 1 });
    }
  } finally {
    closeSync(fd);
  }
}

/** Split a header line on `delimiter`, unquoting `"name"` cells. */
export function splitHeader(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

const COMMON_DELIMITERS = [',', ';', '\t', '|'];

/** A hint when `line` splits into `expected` cells on some other common delimiter. */
export function delimiterHint(line: string, delimiter: string, expected: number): string {
  for (const d of COMMON_DELIMITERS) {
    if (d !== delimiter && line.split(d).length === expected)
      return ` (the line looks ${JSON.stringify(d)}-separated, not ${JSON.stringify(delimiter)}: wrong delimiter?)`;
  }
  return '';
}

/** Source columns the preset's event fields read. */
export function mappedColumns(preset: Preset): { field: string; column: string }[] {
  const out = Object.entries(preset.fields).map(([field, column]) => ({ field, column: column as string }));
  for (const column of timeColumns(preset.time)) out.push({ field: 'ts', column });
  return out;
}

/**
 * The preset's columns as they are in a file with a header: every header cell, typed from the
 * preset where names match (VARCHAR otherwise), after checking that each mapped column is there.
 * @throws InputError (line 1, field = the missing column) naming the header it found.
 */
export function columnsFromHeader(
  preset: Preset,
  header: readonly string[],
  file: string,
  headerLine: string,
): { name: string; type: ColumnType }[] {
  const missing = mappedColumns(preset).filter(({ column }) => !header.includes(column));
  if (missing.length > 0) {
    const { field, column } = missing[0];
    const hint = delimiterHint(headerLine, preset.csv.delimiter, preset.columns.length);
    throw new InputError(
      `column "${column}" (for ${field}) is not in the header [${header.join(', ')}]${hint}${
        missing.length > 1
          ? `; also missing: ${missing
              .slice(1)
              .map((m) => m.column)
              .join(', ')}`
          : ''
      }`,
      { file, line: 1, field: column },
    );
  }
  const typeOf = new Map(preset.columns.map((c) => [c.name, c.type]));
  return header.map((name) => ({ name, type: typeOf.get(name) ?? 'VARCHAR' }));
}
