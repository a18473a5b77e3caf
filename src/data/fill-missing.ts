/**
 * Fill strategies for missing optional fields, as SQL updates on `seg_ev`. Each returns how many
 * events it filled; the caller counts the rest.
 */
import type { Engine } from '../engine/engine.js';

/**
 * Give an event with no category its item's most common category elsewhere in the log (ties:
 * the smallest category). Items never seen with a category stay unknown.
 */
export async function fillCategoryFromItem(engine: Engine): Promise<number> {
  const [{ before }] = await engine.rows('SELECT count(*) AS before FROM seg_ev WHERE category IS NULL');
  await engine.run(
    'UPDATE seg_ev SET category = m.cat FROM (SELECT item, first(category ORDER BY n DESC, category) AS cat FROM ' +
      '(SELECT item, category, count(*) AS n FROM seg_ev WHERE category IS NOT NULL GROUP BY item, category) GROUP BY item) AS m ' +
      'WHERE seg_ev.item = m.item AND seg_ev.category IS NULL',
  );
  const [{ after }] = await engine.rows('SELECT count(*) AS after FROM seg_ev WHERE category IS NULL');
  return Number(before) - Number(after);
}

/**
 * Give an event with no timestamp one interpolated linearly, by file position, between the
 * nearest earlier and later events of the same key that have one (only one side: its value).
 * A key with no timestamp at all stays missing.
 */
export async function interpolateTimestamps(engine: Engine): Promise<number> {
  const [{ before }] = await engine.rows('SELECT count(*) AS before FROM seg_ev WHERE ts IS NULL');
  await engine.run(
    'UPDATE seg_ev SET ts = f.filled FROM (SELECT r, CASE WHEN pr IS NULL THEN nts WHEN nr IS NULL THEN pts ' +
      'ELSE pts + (nts - pts) * (r - pr) / (nr - pr) END AS filled FROM (SELECT rowid AS r, ts, ' +
      'last_value(CASE WHEN ts IS NOT NULL THEN rowid END IGNORE NULLS) OVER before AS pr, last_value(ts IGNORE NULLS) OVER before AS pts, ' +
      'first_value(CASE WHEN ts IS NOT NULL THEN rowid END IGNORE NULLS) OVER after AS nr, first_value(ts IGNORE NULLS) OVER after AS nts ' +
      'FROM seg_ev WINDOW before AS (PARTITION BY k ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), ' +
      'after AS (PARTITION BY k ORDER BY rowid ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) WHERE ts IS NULL) AS f ' +
      'WHERE seg_ev.rowid = f.r AND f.filled IS NOT NULL',
  );
  const [{ after }] = await engine.rows('SELECT count(*) AS after FROM seg_ev WHERE ts IS NULL');
  return Number(before) - Number(after);
}
