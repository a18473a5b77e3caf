/**
 * The flags every command that reads an event log shares (`inspect`, `encode`, `run`, `evaluate`,
 * `drift`), and their translation into `loadSequences` options.
 */
import { parseBehaviorMap, parseFieldMapping, TIME_FORMATS, type TimeFormat } from '../data/field-mapping.js';
import type { LoadOptions } from '../data/load.js';
import type { FlagSpecs, ParsedFlags } from './flags.js';
import { flag } from './flags.js';

export const EVENT_FLAGS: FlagSpecs = {
  events: { type: 'string', description: 'event log (.csv, .parquet, .jsonl)', required: true, placeholder: 'FILE' },
  preset: { type: 'string', description: 'taobao, diginetica, yoochoose, yoochoose-prepared, retailrocket or generic', required: true, placeholder: 'P' },
  map: { type: 'list', description: 'generic mapping field=column,... (user, session, item, category, behavior, ts, query, price)', placeholder: 'F=COL,...' },
  'behavior-map': { type: 'list', description: 'raw behavior value=pv|cart|fav|buy|search|other,...', placeholder: 'V=B,...' },
  'time-format': { type: 'string', description: 'how a generic ts column is written', choices: TIME_FORMATS },
  delimiter: { type: 'string', description: 'CSV delimiter, overriding the preset', placeholder: 'C' },
  key: { type: 'string', description: 'what a sequence is: a user or a session (default per preset)', choices: ['user', 'session'] },
  'bad-rows': { type: 'string', description: 'structurally broken rows: stop, or count and skip them', choices: ['error', 'skip'], default: 'error' },
  'last-n': { type: 'number', description: "keep only each sequence's last N events", placeholder: 'N' },
};

/** loadSequences options from parsed event flags. */
export function loadOptionsFrom(flags: ParsedFlags): LoadOptions {
  const map = flag.list(flags, 'map');
  const behaviorMap = flag.list(flags, 'behavior-map');
  return {
    path: flag.string(flags, 'events') as string,
    preset: flag.string(flags, 'preset') as string,
    ...(map.length > 0 ? { mapping: parseFieldMapping(map) } : {}),
    ...(behaviorMap.length > 0 ? { behaviorMap: parseBehaviorMap(behaviorMap) } : {}),
    ...(flag.string(flags, 'time-format') ? { timeFormat: flag.string(flags, 'time-format') as TimeFormat } : {}),
    ...(flag.string(flags, 'delimiter') ? { delimiter: flag.string(flags, 'delimiter') } : {}),
    ...(flag.string(flags, 'key') ? { keyBy: flag.string(flags, 'key') as 'user' | 'session' } : {}),
    badRows: flag.string(flags, 'bad-rows') as 'error' | 'skip',
    ...(flag.number(flags, 'last-n') !== undefined ? { lastN: flag.number(flags, 'last-n') } : {}),
  };
}
