/**
 * The `Engine` boundary: run SQL, get small results as plain rows, or stream large results as
 * column chunks read through engine-neutral column views. No engine type crosses this file's
 * interfaces, so `data/` can run on DuckDB today and another engine later.
 */

/** A scalar as it leaves the engine: numbers (BIGINT narrowed to number), strings, booleans or null. */
export type EngineValue = number | string | boolean | null;

/** One row of a small result, keyed by column name. */
export type EngineRow = Record<string, EngineValue>;

/**
 * Read access to one column of a result chunk. Scalar readers return `NaN` / `null` for SQL NULL;
 * list and struct readers expose the flat child storage so a caller can copy whole runs into
 * typed arrays without creating one object per row.
 */
export interface ColumnView {
  /** Number of rows (entries) in this column view. */
  readonly length: number;
  isNull(row: number): boolean;
  /** Numeric value (BIGINT, DOUBLE, INTEGER, TINYINT, ... as a JS number); NaN for NULL. */
  number(row: number): number;
  /** Text value; null for NULL. */
  string(row: number): string | null;
  /** For a LIST column: where this row's elements start in `child()`. */
  listStart(row: number): number;
  /** For a LIST column: how many elements this row has. */
  listLength(row: number): number;
  /** For a LIST column: the flat column of all elements of this chunk. */
  child(): ColumnView;
  /** For a STRUCT column: the column of field `index` (in declaration order). */
  field(index: number): ColumnView;
  /**
   * Copy `count` numeric values starting at `start` into `out[at..]` (NULL becomes `nullAs`).
   * The bulk path: implementations copy typed storage directly where they can.
   */
  copyNumbers(start: number, count: number, out: { [i: number]: number }, at: number, nullAs: number): void;
}

/** A chunk of a streamed result: a few thousand rows, columns in SELECT order. */
export interface ResultChunk {
  readonly rowCount: number;
  column(index: number): ColumnView;
}

/** A SQL engine session. One per load; `close()` frees its memory. */
export interface Engine {
  /** Engine name for reports, e.g. `duckdb`. */
  readonly name: string;
  /** Run statements, discard results. */
  run(sql: string): Promise<void>;
  /** Run a query and return all rows as plain objects. For small results only. */
  rows(sql: string): Promise<EngineRow[]>;
  /** Stream a large result chunk by chunk; `onChunk` must copy what it needs before returning. */
  stream(sql: string, onChunk: (chunk: ResultChunk) => void): Promise<void>;
  close(): Promise<void>;
}

/** An error raised by the engine while running SQL; `engineMessage` is its original text. */
export class EngineError extends Error {
  readonly engineMessage: string;
  constructor(message: string, engineMessage: string) {
    super(message);
    this.name = 'EngineError';
    this.engineMessage = engineMessage;
  }
}
