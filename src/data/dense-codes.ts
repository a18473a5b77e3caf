/**
 * Dense integer codes for an id column of `seg_ev`, in order of first appearance in the file, so
 * codes (and sequence order) are reproducible whatever order the engine's threads finish in.
 */
import type { Engine } from '../engine/engine.js';

/** Dense codes for one id column as table `table(value, code)`; returns the vocabulary in code order. */
export async function vocabulary(engine: Engine, column: string, table: string): Promise<string[]> {
  await engine.run(`DROP TABLE IF EXISTS ${table}`);
  await engine.run(
    `CREATE TABLE ${table} AS SELECT ${column} AS value, CAST(row_number() OVER (ORDER BY min(rowid)) - 1 AS INTEGER) AS code ` +
      `FROM seg_ev WHERE ${column} IS NOT NULL GROUP BY ${column}`,
  );
  const vocab: string[] = [];
  await engine.stream(`SELECT CAST(value AS VARCHAR) FROM ${table} ORDER BY code`, (chunk) => {
    const col = chunk.column(0);
    for (let i = 0; i < chunk.rowCount; i++) vocab.push(col.string(i) as string);
  });
  return vocab;
}
