/**
 * Dense integer codes for an id column of `seg_ev`, in order of first appearance in the file, so
 * codes (and sequence order) are reproducible whatever order the engine's threads finish in.
 */
import type { Engine } from '../engine/engine.js';

/** Integer ids below 2^53 travel as numbers and become text in JS: about twice as cheap as text columns. */
const EXACT = 2 ** 53;

/** Dense codes for one id column as table `table(value, code)`; returns the vocabulary in code order. */
export async function vocabulary(engine: Engine, column: string, table: string): Promise<string[]> {
  await engine.run(`DROP TABLE IF EXISTS ${table}`);
  await engine.run(
    `CREATE TABLE ${table} AS SELECT ${column} AS value, CAST(row_number() OVER (ORDER BY min(rowid)) - 1 AS INTEGER) AS code ` +
      `FROM seg_ev WHERE ${column} IS NOT NULL GROUP BY ${column}`,
  );
  const [{ kind, big }] = await engine.rows(
    `SELECT any_value(typeof(value)) AS kind, coalesce(max(abs(TRY_CAST(value AS DOUBLE))), 0) AS big FROM ${table}`,
  );
  const vocab: string[] = [];
  if (kind === 'BIGINT' && Number(big) < EXACT) {
    const buf = new Float64Array(4096);
    await engine.stream(`SELECT CAST(value AS DOUBLE) FROM ${table} ORDER BY code`, (chunk) => {
      const values = chunk.rowCount <= buf.length ? buf : new Float64Array(chunk.rowCount);
      chunk.column(0).copyNumbers(0, chunk.rowCount, values, 0, Number.NaN);
      for (let i = 0; i < chunk.rowCount; i++) vocab.push(String(values[i]));
    });
    return vocab;
  }
  await engine.stream(`SELECT CAST(value AS VARCHAR) FROM ${table} ORDER BY code`, (chunk) => {
    const col = chunk.column(0);
    for (let i = 0; i < chunk.rowCount; i++) vocab.push(col.string(i) as string);
  });
  return vocab;
}
