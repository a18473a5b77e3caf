/**
 * `loadSequences`: read an event log (CSV, Parquet or JSONL) with a preset, clean it with a counted
 * report, and build the CSR SequenceSet. SQL on the engine does the reading, cleaning and
 * aggregation; the sequence-level rules (bots, sessions, length, truncation) run on typed arrays.
 */
import { openDuckDB } from '../engine/duckdb-engine.js';
import type { Engine } from '../engine/engine.js';
import { InputError } from '../util/errors.js';
import { type ProgressCallback, silentProgress } from '../util/progress.js';
import { type BotRule, DEFAULT_BOT_RULE } from './bot-filter.js';
import { buildSequences } from './build-sequences.js';
import { cleanEvents, DEFAULT_MISSING, type MissingStrategies } from './clean-events.js';
import type { CleaningReport } from './cleaning-report.js';
import { checkEventFile, type EventFormat, formatOf } from './event-source.js';
import { resolvePreset, type PresetChoice } from './resolve-preset.js';
import { type BadRowPolicy, readEvents } from './read-events.js';
import { finishSequences } from './finish-sequences.js';
import type { SequenceSet } from './sequence-set.js';
import { DEFAULT_SESSION_GAP_SECONDS } from './sessionize.js';

export interface LoadOptions extends PresetChoice {
  path: string;
  /** Default: from the extension (.parquet, .jsonl/.ndjson/.json, else CSV). */
  format?: EventFormat;
  /** Default: the preset's (taobao, retailrocket: user; diginetica, yoochoose: session). */
  keyBy?: 'user' | 'session';
  /** Inactivity gap that splits a user's events into sessions when keyed by session without a session column. */
  sessionGapSeconds?: number;
  /** Structurally broken rows: stop with an InputError (default) or count and skip them. */
  badRows?: BadRowPolicy;
  missing?: Partial<MissingStrategies>;
  /** Behavior values the preset does not know: drop (default) or keep as `other`; counted either way. */
  unknownBehavior?: 'drop' | 'other';
  /** Keep events with start <= ts <= end (Unix seconds). Default: the preset's window (taobao has one); null: none. */
  window?: [number, number] | null;
  /** Remove exact duplicate events (default true). */
  dedupe?: boolean;
  /** Drop bot-like sequences; null disables. Default DEFAULT_BOT_RULE. */
  bots?: Partial<BotRule> | null;
  /** Drop sequences shorter than this (default 1) or longer than maxLength (default none). */
  minLength?: number;
  maxLength?: number;
  /** Keep only each sequence's last N events. */
  lastN?: number;
  /** Longest accepted line in bytes (default 1 MiB). */
  maxLineBytes?: number;
  /** Engine to run on; default a fresh embedded DuckDB, closed afterwards. */
  engine?: Engine;
  onProgress?: ProgressCallback;
}

export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

/**
 * Load and clean an event log into a SequenceSet.
 * @throws InputError for a missing, empty or structurally broken file (naming file, line and field),
 *   UsageError for an unknown preset or a bad mapping, RangeError for bad numeric options.
 * @example const { sequences, report } = await loadSequences({ path: 'UserBehavior.csv', preset: 'taobao' });
 */
export async function loadSequences(
  options: LoadOptions,
): Promise<{ sequences: SequenceSet; report: CleaningReport }> {
  const progress = options.onProgress ?? silentProgress;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  if (!(Number.isInteger(maxLineBytes) && maxLineBytes > 0))
    throw new RangeError(`loadSequences: maxLineBytes (${maxLineBytes}) must be a positive integer`);
  checkNumbers(options);
  const file = options.path;
  checkEventFile(file);
  const format = options.format ?? formatOf(file);
  const preset = resolvePreset(options, file, format, maxLineBytes);
  const keyBy = options.keyBy ?? preset.defaultKey;
  const engine = options.engine ?? (await openDuckDB());
  try {
    const steps = 4;
    progress({ task: 'load: read', done: 0, total: steps });
    const raw = await readEvents(engine, {
      file,
      format,
      preset,
      keyBy,
      badRows: options.badRows ?? 'error',
      maxLineBytes,
    });
    if (raw.rowsRead === 0) throw new InputError('no data rows (only a header or blank lines)', { file });
    progress({ task: 'load: clean', done: 1, total: steps });
    const { cols } = raw;
    const window =
      options.window === undefined
        ? preset.window
          ? ([preset.window.start, preset.window.end] as [number, number])
          : null
        : options.window;
    const rows = await cleanEvents(
      engine,
      cols,
      {
        missing: { ...DEFAULT_MISSING, ...options.missing },
        unknownBehavior: options.unknownBehavior ?? 'drop',
        window,
      },
      raw.lineOf,
    );
    progress({ task: 'load: build sequences', done: 2, total: steps });
    const built = await buildSequences(engine, cols, {
      keyedBy: cols.keyField,
      dedupe: options.dedupe ?? true,
      lineOf: raw.lineOf,
    });
    progress({ task: 'load: sequence rules', done: 3, total: steps });
    const bots = options.bots === null ? null : { ...DEFAULT_BOT_RULE, ...options.bots };
    const finished = finishSequences(built.sequences, {
      bots,
      sessionGapSeconds:
        keyBy === 'session' && cols.keyField === 'user'
          ? (options.sessionGapSeconds ?? DEFAULT_SESSION_GAP_SECONDS)
          : undefined,
      minLength: options.minLength ?? 1,
      maxLength: options.maxLength,
      lastN: options.lastN,
    });
    progress({ task: 'load', done: steps, total: steps });
    const report: CleaningReport = {
      file,
      format,
      preset: preset.name,
      keyedBy: keyBy,
      rowsRead: raw.rowsRead,
      badRows: { count: raw.badRowCount, byField: raw.badRows },
      duplicates: built.duplicates,
      ...rows,
      ...finished.report,
      eventsKept: finished.sequences.items.length,
      sequencesKept: finished.sequences.users.length,
    };
    return { sequences: finished.sequences, report };
  } finally {
    if (options.engine === undefined) await engine.close();
    else {
      // A caller's engine gets back without our work tables.
      const tables = [
        'seg_ev',
        'seg_keys',
        'seg_items',
        'seg_categories',
        'seg_queries',
        'seg_rejects',
        'seg_rejects_scan',
      ];
      await engine.run(tables.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' ')).catch(() => {});
    }
  }
}

/** Bad numeric options fail before any file is read. */
function checkNumbers(o: LoadOptions): void {
  const fail = (name: string, value: unknown, rule: string) => {
    throw new RangeError(`loadSequences: ${name} (${value}) must be ${rule}`);
  };
  if (o.sessionGapSeconds !== undefined && !(o.sessionGapSeconds > 0))
    fail('sessionGapSeconds', o.sessionGapSeconds, '> 0');
  const min = o.minLength ?? 1;
  if (!Number.isInteger(min) || min < 0) fail('minLength', min, 'a non-negative integer');
  if (o.maxLength !== undefined && !(o.maxLength >= min))
    fail('maxLength', o.maxLength, `>= minLength (${min})`);
  if (o.lastN !== undefined && !(Number.isInteger(o.lastN) && o.lastN >= 1))
    fail('lastN', o.lastN, 'a positive integer');
  if (o.window) {
    const [a, b] = o.window;
    if (!(Number.isFinite(a) && Number.isFinite(b) && a <= b))
      fail('window', `${a},${b}`, 'finite with start <= end');
  }
  for (const [name, v] of Object.entries(o.bots ?? {}))
    if (v !== null && v !== undefined && !(v > 0)) fail(`bots.${name}`, v, '> 0 or null');
}
