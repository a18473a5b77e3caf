/**
 * The embedded default engine: DuckDB through `@duckdb/node-api`. Every DuckDB type stays in this
 * file; callers see only `Engine`, `ResultChunk` and `ColumnView`.
 */
import {
  type DuckDBConnection,
  DuckDBInstance,
  DuckDBListVector,
  DuckDBStructVector,
  type DuckDBVector,
} from '@duckdb/node-api';
import {
  type ColumnView,
  type Engine,
  EngineError,
  type EngineRow,
  type EngineValue,
  type ResultChunk,
} from './engine.js';

/** Options for an embedded DuckDB session. */
export interface DuckDBEngineOptions {
  /** Worker threads DuckDB may use; default: DuckDB's own choice (all cores). */
  threads?: number;
  /** Memory limit, e.g. `4GB`; default DuckDB's (80% of RAM). */
  memoryLimit?: string;
}

/**
 * Open an in-memory DuckDB session.
 * @example const engine = await openDuckDB(); await engine.rows('SELECT 42 AS x'); await engine.close();
 */
export async function openDuckDB(options: DuckDBEngineOptions = {}): Promise<Engine> {
  const config: Record<string, string> = {};
  if (options.threads !== undefined) config.threads = String(options.threads);
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  return new DuckDBEngine(instance, connection);
}

class DuckDBEngine implements Engine {
  readonly name = 'duckdb';
  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  async run(sql: string): Promise<void> {
    await wrap(() => this.connection.run(sql));
  }

  async rows(sql: string): Promise<EngineRow[]> {
    const reader = await wrap(() => this.connection.runAndReadAll(sql));
    const names = reader.columnNames();
    return reader.getRows().map((row) => {
      const out: EngineRow = {};
      row.forEach((v, i) => {
        out[names[i]] = toEngineValue(v);
      });
      return out;
    });
  }

  async stream(sql: string, onChunk: (chunk: ResultChunk) => void): Promise<void> {
    const result = await wrap(() => this.connection.stream(sql));
    for (;;) {
      const chunk = await wrap(() => result.fetchChunk());
      if (chunk === null || chunk.rowCount === 0) break;
      const columns: ColumnView[] = [];
      onChunk({
        rowCount: chunk.rowCount,
        column(index) {
          columns[index] ??= new DuckDBColumnView(chunk.getColumnVector(index));
          return columns[index];
        },
      });
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

async function wrap<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new EngineError(`duckdb: ${message}`, message);
  }
}

function toEngineValue(v: unknown): EngineValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

function toNumber(v: unknown): number {
  if (v === null || v === undefined) return Number.NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  // DATE, TIMESTAMP and DECIMAL values: their string form parses as a number only for decimals.
  return Number(String(v));
}

class DuckDBColumnView implements ColumnView {
  private childView: ColumnView | undefined;
  private readonly fields: ColumnView[] = [];
  constructor(private readonly vector: DuckDBVector) {}

  get length(): number {
    return this.vector.itemCount;
  }
  isNull(row: number): boolean {
    return this.vector.getItem(row) === null;
  }
  number(row: number): number {
    return toNumber(this.vector.getItem(row));
  }
  string(row: number): string | null {
    const v = this.vector.getItem(row);
    return v === null ? null : String(v);
  }
  listStart(row: number): number {
    return this.list().getEntryOffset(row);
  }
  listLength(row: number): number {
    return this.list().getEntryLength(row);
  }
  child(): ColumnView {
    this.childView ??= new DuckDBColumnView(this.list().childVector);
    return this.childView;
  }
  field(index: number): ColumnView {
    if (!(this.vector instanceof DuckDBStructVector))
      throw new TypeError('DuckDBColumnView.field: not a STRUCT column');
    this.fields[index] ??= new DuckDBColumnView(this.vector.entryVectorAt(index));
    return this.fields[index];
  }
  copyNumbers(start: number, count: number, out: { [i: number]: number }, at: number, nullAs: number): void {
    const v = this.vector;
    // Fast path: the vector's own typed storage, when it has no NULLs and out is a typed array.
    // node-api keeps both in (undeclared) fields; if a release renames them we fall back to getItem.
    const raw = v as unknown as { items?: unknown; validity?: { data?: unknown } };
    if (
      ArrayBuffer.isView(out) &&
      ArrayBuffer.isView(raw.items) &&
      !(raw.items instanceof BigInt64Array) &&
      !(raw.items instanceof BigUint64Array) &&
      raw.validity?.data === null
    ) {
      const items = raw.items as unknown as Float64Array;
      (out as unknown as Float64Array).set(items.subarray(start, start + count), at);
      return;
    }
    for (let k = 0; k < count; k++) {
      const x = v.getItem(start + k);
      out[at + k] = x === null ? nullAs : typeof x === 'number' ? x : toNumber(x);
    }
  }
  private list(): DuckDBListVector {
    if (!(this.vector instanceof DuckDBListVector))
      throw new TypeError('DuckDBColumnView: not a LIST column');
    return this.vector;
  }
}
