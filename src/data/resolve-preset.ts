/**
 * Pick the preset a load uses: a built-in by name, `generic` from a column mapping (with column
 * names from the file's header), or a Preset object; then apply CSV dialect overrides.
 */
import { UsageError } from '../util/errors.js';
import { type EventFormat, readFirstLine, splitHeader } from './event-source.js';
import { type FieldMapping, genericPreset, type TimeFormat } from './field-mapping.js';
import type { Preset } from './preset.js';
import { presetByName } from './presets.js';
import type { Behavior } from './sequence-set.js';

/** The preset part of load options. */
export interface PresetChoice {
  /** A built-in name (taobao, diginetica, yoochoose, yoochoose-clicks, yoochoose-prepared, retailrocket, generic) or a Preset. */
  preset: string | Preset;
  /** Field -> column, for `generic`. */
  mapping?: FieldMapping;
  /** Raw behavior value -> behavior; for `generic`, or replacing a built-in preset's map. */
  behaviorMap?: Record<string, Behavior>;
  /** How `generic`'s ts column is written (default unix-s). */
  timeFormat?: TimeFormat;
  /** CSV field delimiter, overriding the preset's. */
  delimiter?: string;
  /** Whether the CSV has a header row, overriding the preset's (generic default: true). */
  header?: boolean;
}

/**
 * The preset for `file`, with overrides applied.
 * @throws UsageError for an unknown preset, a mapping without `generic`, or a bad delimiter.
 */
export function resolvePreset(
  choice: PresetChoice,
  file: string,
  format: EventFormat,
  maxLineBytes: number,
): Preset {
  if (choice.delimiter !== undefined && choice.delimiter.length !== 1) {
    throw new UsageError('bad delimiter', [
      { path: 'delimiter', message: `must be one character, got ${JSON.stringify(choice.delimiter)}` },
    ]);
  }
  const firstLine = () => (format === 'csv' ? readFirstLine(file, maxLineBytes) : '');
  let preset: Preset;
  if (typeof choice.preset !== 'string') preset = choice.preset;
  else if (choice.preset === 'generic') {
    const delimiter = choice.delimiter ?? ',';
    const header = choice.header ?? true;
    const cells =
      format === 'csv'
        ? splitHeader(firstLine(), delimiter)
        : Object.values(choice.mapping ?? {}).filter((c): c is string => c !== undefined);
    const columns = header || format !== 'csv' ? cells : cells.map((_, i) => `column${i + 1}`);
    preset = genericPreset({
      mapping: choice.mapping ?? {},
      columns,
      timeFormat: choice.timeFormat,
      behaviorMap: choice.behaviorMap,
      delimiter,
      header,
    });
  } else {
    if (choice.mapping !== undefined && Object.keys(choice.mapping).length > 0) {
      throw new UsageError('a column mapping needs the generic preset', [
        { path: 'map', message: `use --preset generic (not ${choice.preset})` },
      ]);
    }
    preset = presetByName(choice.preset, choice.preset === 'yoochoose' ? firstLine() : '');
    if (choice.behaviorMap !== undefined) preset = { ...preset, behaviorMap: choice.behaviorMap };
  }
  if (choice.delimiter !== undefined || choice.header !== undefined) {
    preset = {
      ...preset,
      csv: {
        ...preset.csv,
        delimiter: choice.delimiter ?? preset.csv.delimiter,
        header: choice.header ?? preset.csv.header,
      },
    };
  }
  return preset;
}
