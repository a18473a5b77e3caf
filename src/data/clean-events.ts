/**
 * The row-level cleaning rules, run in SQL on `seg_ev`, each counted with its first lines:
 * missing required fields, behaviors (missing or unknown values), missing optional fields by
 * strategy, and the time window. Order matters and is fixed: a row is counted under the first
 * rule that removes it. Exact duplicates are found afterwards, on the sorted events
 * (build-sequences.ts), and bots, sessions and lengths on the sequences (finish-sequences.ts).
 */
import type { Engine } from '../engine/engine.js';
import { sqlNumber } from '../util/sql.js';
import { BEHAVIOR_CODE } from './sequence-set.js';
import {
  FIRST_LINES,
  type LineCount,
  type MissingFieldCount,
  type MissingStrategy,
} from './cleaning-report.js';
import { fillCategoryFromItem, interpolateTimestamps } from './fill-missing.js';
import type { EventColumns } from './normalize-events.js';

/** Missing-field strategies for the optional fields; `ts` and the key are required unless interpolated. */
export interface MissingStrategies {
  category: 'drop' | 'unknown' | 'item-mode';
  behavior: 'drop' | 'unknown';
  ts: 'drop' | 'interpolate';
  query: 'drop' | 'unknown';
  price: 'drop' | 'unknown';
}

export const DEFAULT_MISSING: Readonly<MissingStrategies> = {
  category: 'unknown',
  behavior: 'drop',
  ts: 'drop',
  query: 'unknown',
  price: 'unknown',
};

export interface RowCleaningOptions {
  missing: MissingStrategies;
  unknownBehavior: 'drop' | 'other';
  window: [number, number] | null;
}

export interface RowCleaningResult {
  missing: Record<string, MissingFieldCount>;
  unknownBehaviors: LineCount & { action: 'drop' | 'other'; values: Record<string, number> };
  outsideWindow: LineCount & { window: [number, number] | null };
}

/** Apply the row rules to `seg_ev` in place. */
export async function cleanEvents(
  engine: Engine,
  cols: EventColumns,
  options: RowCleaningOptions,
  lineOf: (row: number) => number,
): Promise<RowCleaningResult> {
  const count = async (where: string): Promise<LineCount> => {
    const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM seg_ev WHERE ${where}`);
    if (Number(n) === 0) return { count: 0, firstLines: [] };
    const first = await engine.rows(
      `SELECT rowid AS r FROM seg_ev WHERE ${where} ORDER BY rowid LIMIT ${FIRST_LINES}`,
    );
    return { count: Number(n), firstLines: first.map((row) => lineOf(Number(row.r))) };
  };
  const missing: Record<string, MissingFieldCount> = {};
  const note = (field: string, strategy: MissingStrategy, c: LineCount, filled = 0, dropped = 0) => {
    if (c.count > 0) missing[field] = { ...c, strategy, filled, dropped };
  };

  // 1. Required fields: the key and the item; ts unless it is to be interpolated.
  for (const [field, column] of [
    [cols.keyField, 'k'],
    ['item', 'item'],
  ] as const) {
    const c = await count(`${column} IS NULL`);
    note(field, 'drop', c, 0, c.count);
  }
  await engine.run('DELETE FROM seg_ev WHERE k IS NULL OR item IS NULL');
  if (options.missing.ts === 'drop') {
    const c = await count('ts IS NULL');
    note('ts', 'drop', c, 0, c.count);
    await engine.run('DELETE FROM seg_ev WHERE ts IS NULL');
  }

  // 2. Behaviors: a NULL raw value is a missing field, a value the map does not know an unknown one.
  const unknownBehaviors: RowCleaningResult['unknownBehaviors'] = {
    count: 0,
    firstLines: [],
    action: options.unknownBehavior,
    values: {},
  };
  if (cols.hasBehavior) {
    const m = await count('b IS NULL AND braw IS NULL');
    const keep = options.missing.behavior === 'unknown';
    note('behavior', options.missing.behavior, m, 0, keep ? 0 : m.count);
    if (m.count > 0)
      await engine.run(
        keep
          ? `UPDATE seg_ev SET b = ${BEHAVIOR_CODE.other} WHERE b IS NULL AND braw IS NULL`
          : 'DELETE FROM seg_ev WHERE b IS NULL AND braw IS NULL',
      );
    Object.assign(unknownBehaviors, await count('braw IS NOT NULL'));
    if (unknownBehaviors.count > 0) {
      const values = await engine.rows(
        'SELECT braw, count(*) AS n FROM seg_ev WHERE braw IS NOT NULL GROUP BY braw ORDER BY n DESC, braw LIMIT 20',
      );
      for (const v of values) unknownBehaviors.values[String(v.braw)] = Number(v.n);
      await engine.run(
        options.unknownBehavior === 'other'
          ? `UPDATE seg_ev SET b = ${BEHAVIOR_CODE.other} WHERE braw IS NOT NULL`
          : 'DELETE FROM seg_ev WHERE braw IS NOT NULL',
      );
    }
  }

  // 4. Optional fields by strategy.
  if (cols.hasCategory) {
    const c = await count('category IS NULL');
    const s = options.missing.category;
    if (c.count > 0 && s === 'item-mode') note('category', s, c, await fillCategoryFromItem(engine), 0);
    else if (c.count > 0 && s === 'drop') {
      note('category', s, c, 0, c.count);
      await engine.run('DELETE FROM seg_ev WHERE category IS NULL');
    } else note('category', s, c);
  }
  for (const [field, flag] of [
    ['query', cols.hasQuery],
    ['price', cols.hasPrice],
  ] as const) {
    if (!flag) continue;
    const c = await count(`${field} IS NULL`);
    const s = options.missing[field];
    note(field, s, c, 0, s === 'drop' ? c.count : 0);
    if (s === 'drop' && c.count > 0) await engine.run(`DELETE FROM seg_ev WHERE ${field} IS NULL`);
  }
  if (options.missing.ts === 'interpolate') {
    const c = await count('ts IS NULL');
    if (c.count > 0) {
      const filled = await interpolateTimestamps(engine);
      note('ts', 'interpolate', c, filled, c.count - filled);
      await engine.run('DELETE FROM seg_ev WHERE ts IS NULL');
    }
  }

  // 5. Time window.
  let outsideWindow: RowCleaningResult['outsideWindow'] = {
    count: 0,
    firstLines: [],
    window: options.window,
  };
  if (options.window !== null) {
    const [start, end] = options.window;
    const where = `ts < ${sqlNumber(start)} OR ts > ${sqlNumber(end)}`;
    outsideWindow = { ...(await count(where)), window: options.window };
    if (outsideWindow.count > 0) await engine.run(`DELETE FROM seg_ev WHERE ${where}`);
  }
  return { missing, unknownBehaviors, outsideWindow };
}
