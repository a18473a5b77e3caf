/**
 * Turn the loaded source columns into segscope's event columns, in the engine table `seg_ev`:
 * `r` (row index, file order), `k` (sequence key), `other` (the other id: user when keyed by
 * session, session when keyed by user), `item`, `category`, `braw` (raw behavior), `ts` (Unix
 * seconds, DOUBLE), `query`, `price`. Absent optional fields are NULL columns.
 */
import type { Engine } from '../engine/engine.js';
import { sqlIdent } from '../engine/sql.js';
import { UsageError } from '../util/errors.js';
import type { Preset } from './preset.js';
import type { RawEvents } from './read-events.js';

/** Which optional fields the source has. */
export interface EventColumns {
  keyField: 'user' | 'session';
  hasOther: boolean;
  hasCategory: boolean;
  hasBehavior: boolean;
  hasQuery: boolean;
  hasPrice: boolean;
}

/**
 * The source field that keys sequences. Keyed by session without a session column means: key by
 * user here and split sessions by inactivity gap later.
 * @throws UsageError when keyed by user and the preset has no user column.
 */
export function keyFieldFor(preset: Preset, keyBy: 'user' | 'session'): 'user' | 'session' {
  if (keyBy === 'session' && preset.fields.session !== undefined) return 'session';
  if (preset.fields.user === undefined) {
    throw new UsageError(`preset ${preset.name} has no user column`, [{ path: 'key', message: 'use --key session' }]);
  }
  return 'user';
}

/** Create `seg_ev` from `seg_raw`. */
export async function normalizeEvents(engine: Engine, preset: Preset, raw: RawEvents, keyBy: 'user' | 'session'): Promise<EventColumns> {
  const keyField = keyFieldFor(preset, keyBy);
  const otherField = keyField === 'user' ? 'session' : 'user';
  const col = (name: string, type: string): string => (raw.checked.has(name) ? `TRY_CAST(${sqlIdent(name)} AS ${type})` : `CAST(${sqlIdent(name)} AS ${type})`);
  const typeOf = (name: string) => raw.columns.find((c) => c.name === name)?.type ?? 'VARCHAR';
  // Ids keep their source type (BIGINT ids group faster than text); they become text once, in the vocabularies.
  const id = (name: string | undefined) => (name === undefined ? 'NULL' : col(name, typeOf(name)));
  const f = preset.fields;
  const t = preset.time;
  let ts: string;
  switch (t.kind) {
    case 'unix-s':
      ts = col(t.column, 'DOUBLE');
      break;
    case 'unix-ms':
      ts = `${col(t.column, 'DOUBLE')} / 1000.0`;
      break;
    case 'iso':
      ts = `epoch(${col(t.column, 'TIMESTAMPTZ')})`;
      break;
    case 'date-plus-ms':
      ts = `epoch(${col(t.date, 'DATE')}) + ${col(t.offsetMs, 'DOUBLE')} / 1000.0`;
      break;
  }
  await engine.run('DROP TABLE IF EXISTS seg_ev');
  await engine.run(
    `CREATE TABLE seg_ev AS SELECT rowid AS r, ${id(f[keyField])} AS k, ${id(f[otherField])} AS other, ${id(f.item)} AS item, ` +
      `${id(f.category)} AS category, ${f.behavior === undefined ? 'CAST(NULL AS VARCHAR)' : col(f.behavior, 'VARCHAR')} AS braw, ` +
      `CAST(${ts} AS DOUBLE) AS ts, ${f.query === undefined ? 'CAST(NULL AS VARCHAR)' : col(f.query, 'VARCHAR')} AS query, ` +
      `${f.price === undefined ? 'CAST(NULL AS DOUBLE)' : col(f.price, 'DOUBLE')} AS price FROM seg_raw WHERE ${raw.validRows}`,
  );
  return {
    keyField,
    hasOther: f[otherField] !== undefined,
    hasCategory: f.category !== undefined,
    hasBehavior: f.behavior !== undefined,
    hasQuery: f.query !== undefined,
    hasPrice: f.price !== undefined,
  };
}
