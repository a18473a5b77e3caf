/**
 * What a preset is: the layout of one public event-log schema (columns, types, CSV dialect) and
 * how its columns become segscope's event fields. Presets are plain data; `presets.ts` lists the
 * built-in ones and `field-mapping.ts` builds the `generic` one from a command-line mapping.
 */
import type { Behavior } from './sequence-set.js';

/** The event fields segscope understands. `item` and `ts` are required; the key needs `user` or `session`. */
export const EVENT_FIELDS = [
  'user',
  'session',
  'item',
  'category',
  'behavior',
  'ts',
  'query',
  'price',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** Column types a preset may declare; values that do not parse are structural errors (exit 2). */
export type ColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIMESTAMPTZ';

/** How a timestamp is written in the source. All become Unix seconds (Float64). */
export type TimeSource =
  | { kind: 'unix-s'; column: string }
  | { kind: 'unix-ms'; column: string }
  | { kind: 'iso'; column: string }
  /** diginetica: a calendar date plus milliseconds since the session's first event. */
  | { kind: 'date-plus-ms'; date: string; offsetMs: string };

export interface Preset {
  name: string;
  summary: string;
  /** Source columns in file order (for header-less CSV) with their types. */
  columns: { name: string; type: ColumnType }[];
  /** CSV dialect; Parquet and JSONL carry their own names and types. */
  csv: { delimiter: string; header: boolean; nullStrings: string[] };
  /** Source column per event field (ts is described by `time`). */
  fields: Partial<Record<Exclude<EventField, 'ts'>, string>>;
  time: TimeSource;
  /** Raw behavior value -> segscope behavior. Without a behavior column every event is `constantBehavior`. */
  behaviorMap?: Readonly<Record<string, Behavior>>;
  constantBehavior?: Behavior;
  /** What sequences are keyed by unless the caller says otherwise. */
  defaultKey: 'user' | 'session';
  /** Events outside [start, end] (Unix seconds, inclusive) are dropped and counted, unless overridden. */
  window?: { start: number; end: number };
}

/** Source columns a time source reads. */
export function timeColumns(time: TimeSource): string[] {
  return time.kind === 'date-plus-ms' ? [time.date, time.offsetMs] : [time.column];
}
