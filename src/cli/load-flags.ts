/**
 * The flags every command that reads an event log shares (`inspect`, `demo`, `evaluate`, ...),
 * and their translation into `loadSequences` options.
 */
import type { MissingStrategies } from '../data/clean-events.js';
import { EVENT_FORMATS, type EventFormat } from '../data/event-source.js';
import { parseBehaviorMap, parseFieldMapping, TIME_FORMATS, type TimeFormat } from '../data/field-mapping.js';
import type { LoadOptions } from '../data/load.js';
import { PRESET_NAMES } from '../data/presets.js';
import { type ConfigIssue, UsageError } from '../util/errors.js';
import { type FlagSpecs, flag, type ParsedFlags } from './flags.js';

export const LOAD_FLAGS: FlagSpecs = {
  events: {
    type: 'string',
    description: 'event log (CSV, Parquet or JSONL)',
    required: true,
    placeholder: 'FILE',
  },
  preset: {
    type: 'string',
    description: `schema of the log: ${PRESET_NAMES.join(', ')}`,
    required: true,
    choices: PRESET_NAMES,
    placeholder: 'NAME',
  },
  map: {
    type: 'list',
    description:
      'generic preset: field=column pairs (user, session, item, category, behavior, ts, query, price)',
    placeholder: 'FIELD=COL,...',
  },
  'behavior-map': {
    type: 'list',
    description: 'raw behavior values: pv=view,cart=addtocart,buy=order,...',
    placeholder: 'B=VALUE,...',
  },
  'ts-format': { type: 'string', description: 'generic preset: how ts is written', choices: TIME_FORMATS },
  key: {
    type: 'string',
    description: "key sequences by user or by session (default: the preset's)",
    choices: ['user', 'session'],
  },
  format: {
    type: 'string',
    description: 'file format (default: from the extension)',
    choices: EVENT_FORMATS,
  },
  delimiter: {
    type: 'string',
    description: 'CSV delimiter, overriding the preset (\\t for tab)',
    placeholder: 'CHAR',
  },
  'no-header': { type: 'boolean', description: 'the CSV has no header row' },
  header: { type: 'boolean', description: 'the CSV has a header row' },
  'bad-rows': {
    type: 'string',
    description: 'structurally broken rows: stop, or count and skip them',
    choices: ['error', 'skip'],
    default: 'error',
  },
  missing: {
    type: 'list',
    description:
      'missing-field strategies: category=drop|unknown|item-mode, behavior=drop|unknown, ts=drop|interpolate, query=.., price=..',
    placeholder: 'FIELD=STRATEGY,...',
  },
  'unknown-behavior': {
    type: 'string',
    description: 'behavior values the preset does not know',
    choices: ['drop', 'other'],
    default: 'drop',
  },
  window: {
    type: 'string',
    description: 'keep events with START <= ts <= END (Unix s), or "none" (default: the preset\'s)',
    placeholder: 'START,END',
  },
  'no-dedupe': { type: 'boolean', description: 'keep exact duplicate events' },
  'bot-per-minute': {
    type: 'number',
    description: 'sequences with more events in a minute are bots (0: off)',
    default: 60,
  },
  'bot-per-day': {
    type: 'number',
    description: 'sequences with more events on one day are bots (0: off)',
    default: 300,
  },
  'session-gap': {
    type: 'number',
    description: 'inactivity gap in seconds that starts a new session',
    default: 1800,
    placeholder: 'SECONDS',
  },
  'min-length': { type: 'number', integer: true, description: 'drop shorter sequences', default: 1 },
  'max-length': { type: 'number', integer: true, description: 'drop longer sequences' },
  'last-n': { type: 'number', integer: true, description: 'keep only the last N events of each sequence' },
};

const STRATEGIES: Record<keyof MissingStrategies, readonly string[]> = {
  category: ['drop', 'unknown', 'item-mode'],
  behavior: ['drop', 'unknown'],
  ts: ['drop', 'interpolate'],
  query: ['drop', 'unknown'],
  price: ['drop', 'unknown'],
};

/**
 * `loadSequences` options from parsed flags.
 * @throws UsageError listing every bad --missing, --window or conflicting header flag at once.
 */
export function loadOptionsFromFlags(flags: ParsedFlags): LoadOptions {
  const problems: ConfigIssue[] = [];
  const missing: Partial<MissingStrategies> = {};
  for (const pair of flag.list(flags, 'missing')) {
    const [field, strategy] = pair.split('=');
    const allowed = STRATEGIES[field as keyof MissingStrategies];
    if (allowed === undefined)
      problems.push({
        path: `--missing ${field}`,
        message: `unknown field (one of ${Object.keys(STRATEGIES).join(', ')})`,
      });
    else if (!allowed.includes(strategy))
      problems.push({
        path: `--missing ${field}`,
        message: `"${strategy}" is not one of ${allowed.join(', ')}`,
      });
    else (missing as Record<string, string>)[field] = strategy;
  }
  let window: [number, number] | null | undefined;
  const w = flag.string(flags, 'window');
  if (w === 'none') window = null;
  else if (w !== undefined) {
    const parts = w.split(',').map(Number);
    if (parts.length !== 2 || !parts.every(Number.isFinite) || parts[0] > parts[1])
      problems.push({ path: '--window', message: `"${w}" is not START,END with START <= END` });
    else window = [parts[0], parts[1]];
  }
  if (flag.boolean(flags, 'header') && flag.boolean(flags, 'no-header'))
    problems.push({ path: '--header', message: 'conflicts with --no-header' });
  const rawDelimiter = flag.string(flags, 'delimiter');
  const delimiter = rawDelimiter === '\\t' || rawDelimiter === 'tab' ? '\t' : rawDelimiter;
  const optional = (name: string) => {
    const v = flag.number(flags, name);
    return v === undefined || v === 0 ? null : v;
  };
  if (problems.length > 0) throw new UsageError('bad load options', problems);
  const mapping = flag.list(flags, 'map');
  const behaviorMap = flag.list(flags, 'behavior-map');
  const keyBy = flag.string(flags, 'key') as 'user' | 'session' | undefined;
  const options: LoadOptions = {
    path: flag.string(flags, 'events') as string,
    preset: flag.string(flags, 'preset') as string,
    ...(mapping.length > 0 ? { mapping: parseFieldMapping(mapping) } : {}),
    ...(behaviorMap.length > 0 ? { behaviorMap: parseBehaviorMap(behaviorMap) } : {}),
    ...(flags['ts-format'] !== undefined
      ? { timeFormat: flag.string(flags, 'ts-format') as TimeFormat }
      : {}),
    ...(keyBy !== undefined ? { keyBy } : {}),
    ...(flags.format !== undefined ? { format: flag.string(flags, 'format') as EventFormat } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(flag.boolean(flags, 'no-header')
      ? { header: false }
      : flag.boolean(flags, 'header')
        ? { header: true }
        : {}),
    badRows: flag.string(flags, 'bad-rows') as 'error' | 'skip',
    missing,
    unknownBehavior: flag.string(flags, 'unknown-behavior') as 'drop' | 'other',
    ...(window !== undefined ? { window } : {}),
    dedupe: !flag.boolean(flags, 'no-dedupe'),
    bots: { maxEventsPerMinute: optional('bot-per-minute'), maxEventsPerDay: optional('bot-per-day') },
    sessionGapSeconds: flag.number(flags, 'session-gap'),
    minLength: flag.number(flags, 'min-length'),
    ...(flags['max-length'] !== undefined ? { maxLength: flag.number(flags, 'max-length') } : {}),
    ...(flags['last-n'] !== undefined ? { lastN: flag.number(flags, 'last-n') } : {}),
  };
  return options;
}
