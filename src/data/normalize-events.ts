/**
 * The SELECT list that turns source columns into segscope's event columns, evaluated once while
 * the file is read into the engine table `seg_ev`: `k` (sequence key), `item`, `b` (behavior code),
 * `ts` (Unix seconds, DOUBLE), and where the source has them `other` (the other id: user when keyed
 * by session, session when keyed by user), `category`, `braw` (the raw behavior, kept only where
 * it maps to no code), `query`, `price`. Row order is file order, so `rowid` is the row index.
 */
import { sqlIdent, sqlString } from '../util/sql.js';
import { UsageError } from '../util/errors.js';
import type { ColumnType, Preset } from './preset.js';
import { BEHAVIOR_CODE } from './sequence-set.js';

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
    throw new UsageError(`preset ${preset.name} has no user column`, [
      { path: 'key', message: 'use --key session' },
    ]);
  }
  return 'user';
}

/**
 * SELECT expressions over the source columns. `checked` columns arrive as text and are cast with
 * TRY_CAST (their failures are found separately as bad rows).
 */
export function eventSelectList(
  preset: Preset,
  columns: { name: string; type: ColumnType }[],
  checked: Set<string>,
  keyBy: 'user' | 'session',
): { select: string; cols: EventColumns } {
  const keyField = keyFieldFor(preset, keyBy);
  const otherField = keyField === 'user' ? 'session' : 'user';
  const col = (name: string, type: string): string =>
    checked.has(name) ? `TRY_CAST(${sqlIdent(name)} AS ${type})` : `CAST(${sqlIdent(name)} AS ${type})`;
  const typeOf = (name: string) => columns.find((c) => c.name === name)?.type ?? 'VARCHAR';
  // Ids keep their source type (BIGINT ids group and join faster than text); they become text once, in the vocabularies.
  const id = (name: string | undefined) =>
    name === undefined ? 'CAST(NULL AS VARCHAR)' : col(name, typeOf(name));
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
  let b: string;
  let braw = '';
  if (preset.behaviorMap !== undefined && f.behavior !== undefined) {
    const raw = col(f.behavior, 'VARCHAR');
    const cases = Object.entries(preset.behaviorMap)
      .map(([value, code]) => `WHEN ${sqlString(value)} THEN ${BEHAVIOR_CODE[code]}`)
      .join(' ');
    b = `CAST(CASE ${raw} ${cases} END AS UTINYINT)`;
    braw = `CASE WHEN ${b} IS NULL THEN ${raw} END`;
  } else b = `CAST(${BEHAVIOR_CODE[preset.constantBehavior ?? 'pv']} AS UTINYINT)`;
  // Only the columns the source has: every extra column costs time while the file is read.
  const select = [
    `${id(f[keyField])} AS k`,
    `${id(f.item)} AS item`,
    `${b} AS b`,
    `CAST(${ts} AS DOUBLE) AS ts`,
  ];
  if (f[otherField] !== undefined) select.push(`${id(f[otherField])} AS other`);
  if (f.category !== undefined) select.push(`${id(f.category)} AS category`);
  if (preset.behaviorMap !== undefined && f.behavior !== undefined) select.push(`${braw} AS braw`);
  if (f.query !== undefined) select.push(`${col(f.query, 'VARCHAR')} AS query`);
  if (f.price !== undefined) select.push(`${col(f.price, 'DOUBLE')} AS price`);
  return {
    select: select.join(', '),
    cols: {
      keyField,
      hasOther: f[otherField] !== undefined,
      hasCategory: f.category !== undefined,
      hasBehavior: f.behavior !== undefined && preset.behaviorMap !== undefined,
      hasQuery: f.query !== undefined,
      hasPrice: f.price !== undefined,
    },
  };
}
