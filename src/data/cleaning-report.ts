/**
 * The cleaning report: every row or sequence that loading drops or changes is counted here, by
 * reason, with the first line numbers (1-based, as an editor shows them), so nothing is silent.
 * Plain JSON-ready data; `segscope inspect --json` prints it as `cleaning`.
 */

/** How many, and where the first few are. */
export interface LineCount {
  count: number;
  /** Up to `FIRST_LINES` line numbers in file order (rows for Parquet). */
  firstLines: number[];
}

/** How many first line numbers a count keeps. */
export const FIRST_LINES = 5;

/** What to do with an event whose optional field is missing. */
export type MissingStrategy = 'drop' | 'unknown' | 'item-mode' | 'interpolate';

export interface MissingFieldCount extends LineCount {
  strategy: MissingStrategy;
  /** Events given a value (item-mode, interpolate); the rest were dropped or left unknown. */
  filled: number;
  dropped: number;
}

export interface CleaningReport {
  file: string;
  format: string;
  preset: string;
  keyedBy: 'user' | 'session';
  /** Data rows in the file (header excluded), broken ones included. */
  rowsRead: number;
  /** Structurally broken rows skipped under `badRows: 'skip'`, per column (`(row)` for whole-row problems). */
  badRows: { count: number; byField: Record<string, LineCount & { reason: string }> };
  /** Events missing a field (or with an empty key), per event field. */
  missing: Record<string, MissingFieldCount>;
  duplicates: LineCount;
  unknownBehaviors: LineCount & { action: 'drop' | 'other'; values: Record<string, number> };
  outsideWindow: LineCount & { window: [number, number] | null };
  bots: {
    sequences: number;
    events: number;
    firstKeys: string[];
    maxEventsPerMinute: number | null;
    maxEventsPerDay: number | null;
  };
  sessions: { gapSeconds: number; fromSequences: number; sessions: number } | null;
  length: {
    minLength: number;
    maxLength: number | null;
    tooShort: { sequences: number; events: number };
    tooLong: { sequences: number; events: number };
  };
  truncated: { lastN: number | null; sequences: number; events: number };
  eventsKept: number;
  sequencesKept: number;
}

/** A zero count. */
export function emptyLineCount(): LineCount {
  return { count: 0, firstLines: [] };
}

/** Total events removed by all rules together (rows read minus events kept). */
export function eventsRemoved(report: CleaningReport): number {
  return report.rowsRead - report.eventsKept;
}
