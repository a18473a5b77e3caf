/**
 * From the cleaned `seg_ev` table to the CSR SequenceSet. Keys, items, categories and queries
 * become dense codes in order of first appearance; the events are streamed once, sorted by
 * (sequence, ts, file row) — a top-level ORDER BY, which is order-safe where sorting in a subquery
 * and aggregating with list() is not — chunk by chunk through typed column buffers: no object per
 * event. Exact duplicates (same key, time and every field) sit next to each other in that order
 * and are dropped on the way, counted with their first lines.
 */
import type { Engine } from '../engine/engine.js';
import { vocabulary } from './dense-codes.js';
import { FIRST_LINES, type LineCount } from './cleaning-report.js';
import type { EventColumns } from './normalize-events.js';
import type { SequenceSet } from './sequence-set.js';

/** Build the SequenceSet from `seg_ev`; sequences come in order of their first event in the file. */
export async function buildSequences(
  engine: Engine,
  cols: EventColumns,
  options: { keyedBy: 'user' | 'session'; dedupe: boolean; lineOf: (row: number) => number },
): Promise<{ sequences: SequenceSet; duplicates: LineCount }> {
  const users = await vocabulary(engine, 'k', 'seg_keys');
  const itemVocab = await vocabulary(engine, 'item', 'seg_items');
  const categoryVocab = cols.hasCategory ? await vocabulary(engine, 'category', 'seg_categories') : undefined;
  const queryVocab = cols.hasQuery ? await vocabulary(engine, 'query', 'seg_queries') : undefined;
  const [{ events }] = await engine.rows('SELECT count(*) AS events FROM seg_ev');
  const m = Number(events);
  const n = users.length;
  let items = new Int32Array(m);
  let behaviors = new Uint8Array(m);
  let ts = new Float64Array(m);
  let categories = categoryVocab ? new Int32Array(m) : undefined;
  let queries = queryVocab ? new Int32Array(m) : undefined;
  let prices = cols.hasPrice ? new Float32Array(m) : undefined;
  const other = cols.hasOther ? new Float64Array(m) : undefined;
  const offsets = new Int32Array(n + 1);

  const select = ['kk.code', 'e.ts', 'ii.code', 'e.b', 'CAST(e.rowid AS DOUBLE)'];
  const joins = ['JOIN seg_keys kk ON e.k = kk.value', 'JOIN seg_items ii ON e.item = ii.value'];
  if (categories) {
    select.push('coalesce(cc.code, -1)');
    joins.push('LEFT JOIN seg_categories cc ON e.category = cc.value');
  }
  if (queries) {
    select.push('coalesce(qq.code, -1)');
    joins.push('LEFT JOIN seg_queries qq ON e.query = qq.value');
  }
  if (prices) select.push("coalesce(e.price, CAST('NaN' AS DOUBLE))");
  // Only equality matters for the other id: a 53-bit hash is exact as a DOUBLE.
  if (other) select.push('CAST(hash(e.other) >> 11 AS DOUBLE)');
  const sql = `SELECT ${select.join(', ')} FROM seg_ev e ${joins.join(' ')} ORDER BY kk.code, e.ts, e.rowid`;

  const duplicates: number[] = [];
  let duplicateCount = 0;
  let w = 0;
  let current = -1;
  let runStart = 0;
  const buf = {
    s: new Int32Array(0),
    t: new Float64Array(0),
    i: new Int32Array(0),
    b: new Uint8Array(0),
    r: new Float64Array(0),
    c: new Int32Array(0),
    q: new Int32Array(0),
    p: new Float32Array(0),
    o: new Float64Array(0),
  };
  const same = (j: number, k: number): boolean =>
    items[j] === buf.i[k] &&
    behaviors[j] === buf.b[k] &&
    (!categories || categories[j] === buf.c[k]) &&
    (!queries || queries[j] === buf.q[k]) &&
    (!prices || Object.is(prices[j], buf.p[k])) &&
    (!other || other[j] === buf.o[k]);
  await engine.stream(sql, (chunk) => {
    const rows = chunk.rowCount;
    if (buf.s.length < rows) {
      buf.s = new Int32Array(rows);
      buf.t = new Float64Array(rows);
      buf.i = new Int32Array(rows);
      buf.b = new Uint8Array(rows);
      buf.r = new Float64Array(rows);
      buf.c = new Int32Array(rows);
      buf.q = new Int32Array(rows);
      buf.p = new Float32Array(rows);
      buf.o = new Float64Array(rows);
    }
    chunk.column(0).copyNumbers(0, rows, buf.s, 0, -1);
    chunk.column(1).copyNumbers(0, rows, buf.t, 0, Number.NaN);
    chunk.column(2).copyNumbers(0, rows, buf.i, 0, -1);
    chunk.column(3).copyNumbers(0, rows, buf.b, 0, 0);
    chunk.column(4).copyNumbers(0, rows, buf.r, 0, -1);
    let col = 5;
    if (categories) chunk.column(col++).copyNumbers(0, rows, buf.c, 0, -1);
    if (queries) chunk.column(col++).copyNumbers(0, rows, buf.q, 0, -1);
    if (prices) chunk.column(col++).copyNumbers(0, rows, buf.p, 0, Number.NaN);
    if (other) chunk.column(col++).copyNumbers(0, rows, buf.o, 0, Number.NaN);
    for (let k = 0; k < rows; k++) {
      const s = buf.s[k];
      const t = buf.t[k];
      if (s !== current) {
        for (let x = current + 1; x <= s; x++) offsets[x] = w;
        current = s;
        runStart = w;
      } else if (t !== ts[w - 1]) runStart = w;
      else if (options.dedupe) {
        let dup = false;
        for (let j = runStart; j < w && !dup; j++) dup = same(j, k);
        if (dup) {
          duplicateCount++;
          keepSmallest(duplicates, buf.r[k]);
          continue;
        }
      }
      ts[w] = t;
      items[w] = buf.i[k];
      behaviors[w] = buf.b[k];
      if (categories) categories[w] = buf.c[k];
      if (queries) queries[w] = buf.q[k];
      if (prices) prices[w] = buf.p[k];
      if (other) other[w] = buf.o[k];
      w++;
    }
  });
  for (let x = current + 1; x <= n; x++) offsets[x] = w;
  if (w < m) {
    items = items.slice(0, w);
    behaviors = behaviors.slice(0, w);
    ts = ts.slice(0, w);
    categories = categories?.slice(0, w);
    queries = queries?.slice(0, w);
    prices = prices?.slice(0, w);
  }
  const sequences: SequenceSet = {
    users,
    offsets,
    items,
    behaviors,
    ts,
    ...(categories ? { categories, categoryVocab } : {}),
    ...(queries ? { queries, queryVocab } : {}),
    ...(prices ? { prices } : {}),
    itemVocab,
    keyedBy: options.keyedBy,
  };
  return { sequences, duplicates: { count: duplicateCount, firstLines: duplicates.map(options.lineOf) } };
}

/** Keep the FIRST_LINES smallest row indices seen, sorted. */
function keepSmallest(rows: number[], row: number): void {
  if (rows.length === FIRST_LINES && row >= rows[FIRST_LINES - 1]) return;
  let i = rows.length;
  rows.push(row);
  while (i > 0 && rows[i - 1] > row) {
    rows[i] = rows[i - 1];
    i--;
  }
  rows[i] = row;
  if (rows.length > FIRST_LINES) rows.pop();
}
