/**
 * From the cleaned `seg_ev` table to the CSR SequenceSet. Ids become dense codes in order of first
 * appearance; each key's events are aggregated as one list of structs sorted by (ts, row), which
 * DuckDB does fast and order-correctly (sorting in a subquery and then `list()` is not
 * order-safe), and the result is streamed chunk by chunk through the list's flat child columns,
 * straight into typed arrays: no object per event.
 */
import type { ColumnView, Engine } from '../engine/engine.js';
import type { EventColumns } from './normalize-events.js';
import type { SequenceSet } from './sequence-set.js';

/** Dense codes for one id column, as table `table(value, code)`, and the vocabulary in code order. */
async function vocabulary(engine: Engine, column: string, table: string): Promise<string[]> {
  await engine.run(`DROP TABLE IF EXISTS ${table}`);
  await engine.run(
    `CREATE TABLE ${table} AS SELECT ${column} AS value, CAST(row_number() OVER (ORDER BY min(r)) - 1 AS INTEGER) AS code ` +
      `FROM seg_ev WHERE ${column} IS NOT NULL GROUP BY ${column}`,
  );
  const vocab: string[] = [];
  await engine.stream(`SELECT CAST(value AS VARCHAR) FROM ${table} ORDER BY code`, (chunk) => {
    const col = chunk.column(0);
    for (let i = 0; i < chunk.rowCount; i++) vocab.push(col.string(i) as string);
  });
  return vocab;
}

/**
 * Build the SequenceSet from `seg_ev` (which must have the behavior code column `b`).
 * Sequences come in order of their first event in the file.
 */
export async function buildSequences(engine: Engine, cols: EventColumns, keyedBy: 'user' | 'session'): Promise<SequenceSet> {
  const itemVocab = await vocabulary(engine, 'item', 'seg_items');
  const categoryVocab = cols.hasCategory ? await vocabulary(engine, 'category', 'seg_categories') : undefined;
  const queryVocab = cols.hasQuery ? await vocabulary(engine, 'query', 'seg_queries') : undefined;
  const [{ events, sequences }] = await engine.rows('SELECT count(*) AS events, count(DISTINCT k) AS sequences FROM seg_ev');
  const m = Number(events);
  const n = Number(sequences);
  const items = new Int32Array(m);
  const behaviors = new Uint8Array(m);
  const ts = new Float64Array(m);
  const categories = categoryVocab ? new Int32Array(m) : undefined;
  const queries = queryVocab ? new Int32Array(m) : undefined;
  const prices = cols.hasPrice ? new Float32Array(m) : undefined;
  const offsets = new Int32Array(n + 1);
  const users: string[] = new Array(n);

  const fields = ["'t': e.ts", "'r': e.r", "'i': i.code", "'b': e.b"];
  const joins = ['JOIN seg_items i ON e.item = i.value'];
  if (categories) {
    fields.push("'c': c.code");
    joins.push('LEFT JOIN seg_categories c ON e.category = c.value');
  }
  if (queries) {
    fields.push("'q': q.code");
    joins.push('LEFT JOIN seg_queries q ON e.query = q.value');
  }
  if (prices) fields.push("'p': e.price");
  const sql =
    `SELECT CAST(e.k AS VARCHAR) AS key, list_sort(list({${fields.join(', ')}})) AS ev FROM seg_ev e ${joins.join(' ')} ` +
    'GROUP BY e.k ORDER BY min(e.r)';

  let s = 0;
  let at = 0;
  await engine.stream(sql, (chunk) => {
    const keys = chunk.column(0);
    const lists = chunk.column(1);
    const struct = lists.child();
    const f: ColumnView[] = [];
    for (let i = 0; i < fields.length; i++) f.push(struct.field(i));
    for (let row = 0; row < chunk.rowCount; row++) {
      const start = lists.listStart(row);
      const len = lists.listLength(row);
      users[s] = keys.string(row) as string;
      f[0].copyNumbers(start, len, ts, at, Number.NaN);
      f[2].copyNumbers(start, len, items, at, -1);
      f[3].copyNumbers(start, len, behaviors, at, 0);
      let next = 4;
      if (categories) f[next++].copyNumbers(start, len, categories, at, -1);
      if (queries) f[next++].copyNumbers(start, len, queries, at, -1);
      if (prices) f[next++].copyNumbers(start, len, prices, at, Number.NaN);
      at += len;
      offsets[++s] = at;
    }
  });
  if (s !== n || at !== m) throw new Error(`buildSequences: streamed ${s} sequences / ${at} events, expected ${n} / ${m}`);
  return {
    users,
    offsets,
    items,
    behaviors,
    ts,
    ...(categories ? { categories, categoryVocab } : {}),
    ...(queries ? { queries, queryVocab } : {}),
    ...(prices ? { prices } : {}),
    itemVocab,
    keyedBy,
  };
}
