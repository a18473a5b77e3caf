/**
 * The `generic` preset: a column mapping given on the command line or in config, e.g.
 * `--map user=visitor,item=sku,ts=time --behavior-map pv=view,buy=order --ts-format unix-ms`.
 */
import { type ConfigIssue, UsageError } from '../util/errors.js';
import { EVENT_FIELDS, type EventField, type Preset, type TimeSource } from './preset.js';
import { BEHAVIORS, type Behavior } from './sequence-set.js';

/** Event field -> source column name. */
export type FieldMapping = Partial<Record<EventField, string>>;

/** How the generic preset's `ts` column is written. */
export type TimeFormat = 'unix-s' | 'unix-ms' | 'iso';
export const TIME_FORMATS: readonly TimeFormat[] = ['unix-s', 'unix-ms', 'iso'];

/**
 * Parse `user=col,item=col,...` (pairs may also come as separate list entries).
 * @throws UsageError listing every unknown field, empty column and repeated field at once.
 * @example parseFieldMapping(['user=visitor', 'item=sku', 'ts=time'])
 */
export function parseFieldMapping(pairs: readonly string[]): FieldMapping {
  const out: FieldMapping = {};
  const problems: ConfigIssue[] = [];
  for (const pair of pairs.flatMap((p) => p.split(','))) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    const field = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    const column = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (!(EVENT_FIELDS as readonly string[]).includes(field)) {
      problems.push({ path: `map.${field}`, message: `unknown field (one of ${EVENT_FIELDS.join(', ')})` });
    } else if (column === '')
      problems.push({ path: `map.${field}`, message: 'needs a column name (field=column)' });
    else if (out[field as EventField] !== undefined)
      problems.push({ path: `map.${field}`, message: 'given twice' });
    else out[field as EventField] = column;
  }
  if (problems.length > 0) throw new UsageError('bad --map', problems);
  return out;
}

/**
 * Parse a behavior value map `pv=view,cart=addtocart,buy=order` (segscope behavior = raw value;
 * one behavior may take several raw values: `pv=view,pv=detail`).
 * @throws UsageError for a behavior segscope does not know.
 */
export function parseBehaviorMap(pairs: readonly string[]): Record<string, Behavior> {
  const out: Record<string, Behavior> = {};
  const problems: ConfigIssue[] = [];
  for (const pair of pairs.flatMap((p) => p.split(','))) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    const behavior = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    const raw = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (!(BEHAVIORS as readonly string[]).includes(behavior)) {
      problems.push({
        path: `behavior-map.${behavior}`,
        message: `unknown behavior (one of ${BEHAVIORS.join(', ')})`,
      });
    } else if (raw === '')
      problems.push({ path: `behavior-map.${behavior}`, message: 'needs a raw value (behavior=value)' });
    else out[raw] = behavior as Behavior;
  }
  if (problems.length > 0) throw new UsageError('bad --behavior-map', problems);
  return out;
}

/** Options of the generic preset besides the mapping. */
export interface GenericPresetOptions {
  mapping: FieldMapping;
  /** Column names in file order (from the header, or `column1..columnN` without one). */
  columns: readonly string[];
  timeFormat?: TimeFormat;
  /** Raw value -> behavior; default: values named like segscope's behaviors map to themselves. */
  behaviorMap?: Record<string, Behavior>;
  delimiter?: string;
  header?: boolean;
  defaultKey?: 'user' | 'session';
}

/**
 * Build the `generic` preset. Column existence is checked by the caller against the file, so the
 * error can name the file and line.
 * @throws UsageError when `item` or `ts` or both `user` and `session` are unmapped.
 */
export function genericPreset(options: GenericPresetOptions): Preset {
  const { mapping } = options;
  const problems: ConfigIssue[] = [];
  if (mapping.item === undefined) problems.push({ path: 'map.item', message: 'is required' });
  if (mapping.ts === undefined) problems.push({ path: 'map.ts', message: 'is required' });
  if (mapping.user === undefined && mapping.session === undefined)
    problems.push({ path: 'map.user', message: 'map user or session (or both)' });
  if (problems.length > 0)
    throw new UsageError('generic preset needs a column mapping (--map field=column,...)', problems);
  const timeFormat = options.timeFormat ?? 'unix-s';
  const tsColumn = mapping.ts as string;
  const time: TimeSource = { kind: timeFormat, column: tsColumn };
  const typeOf = (name: string) => {
    if (name === tsColumn) return timeFormat === 'iso' ? ('TIMESTAMPTZ' as const) : ('DOUBLE' as const);
    if (name === mapping.price) return 'DOUBLE' as const;
    return 'VARCHAR' as const;
  };
  const { ts: _ts, ...fields } = mapping;
  const identity = Object.fromEntries(BEHAVIORS.map((b) => [b, b])) as Record<string, Behavior>;
  return {
    name: 'generic',
    summary: 'a column mapping given with --map',
    columns: options.columns.map((name) => ({ name, type: typeOf(name) })),
    csv: { delimiter: options.delimiter ?? ',', header: options.header ?? true, nullStrings: [''] },
    fields,
    time,
    ...(mapping.behavior !== undefined
      ? { behaviorMap: options.behaviorMap ?? identity }
      : { constantBehavior: 'pv' as const }),
    defaultKey: options.defaultKey ?? (mapping.user !== undefined ? 'user' : 'session'),
  };
}
