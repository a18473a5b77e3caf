/**
 * Columns of a Parquet or JSONL event file: they carry their own names, so the check is that every
 * column the preset maps is there (JSONL: in at least one record), failing with the file and field.
 */
import type { Engine } from '../engine/engine.js';
import { sqlIdent, sqlString } from '../util/sql.js';
import { InputError } from '../util/errors.js';
import { type EventFormat, mappedColumns } from './event-source.js';
import type { ColumnType, Preset } from './preset.js';

/** Parquet and JSONL carry column names; check the mapped ones exist. */
export async function selfDescribingColumns(
  engine: Engine,
  file: string,
  format: EventFormat,
  preset: Preset,
): Promise<{ name: string; type: ColumnType }[]> {
  const wanted = [...new Set(mappedColumns(preset).map((m) => m.column))];
  const typeOf = new Map(preset.columns.map((c) => [c.name, c.type]));
  const columns = wanted.map((name) => ({ name, type: typeOf.get(name) ?? ('VARCHAR' as ColumnType) }));
  if (format === 'parquet') {
    const described = await engine
      .rows(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`)
      .catch((error: Error) => {
        throw new InputError(
          `not a readable Parquet file: ${error.message.replace(/^duckdb: /, '').split('\n')[0]}`,
          {
            file,
          },
        );
      });
    const names = described.map((d) => String(d.column_name));
    for (const { field, column } of mappedColumns(preset)) {
      if (!names.includes(column))
        throw new InputError(`column "${column}" (for ${field}) is not in the file [${names.join(', ')}]`, {
          file,
          field: column,
        });
    }
  } else {
    const source = `read_json(${sqlString(file)}, format='newline_delimited', columns={${wanted.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ')}}, ignore_errors=true)`;
    const [counts] = await engine.rows(
      `SELECT count(*) AS n, ${wanted.map((c, i) => `count(${sqlIdent(c)}) AS c${i}`).join(', ')} FROM ${source}`,
    );
    for (const [i, column] of wanted.entries()) {
      if (Number(counts.n) > 0 && Number(counts[`c${i}`]) === 0) {
        const field = mappedColumns(preset).find((m) => m.column === column)?.field;
        throw new InputError(`column "${column}" (for ${field}) is in no record`, { file, field: column });
      }
    }
  }
  return columns;
}
