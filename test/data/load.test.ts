import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSequences } from '../../src/data/load.js';
import { BEHAVIOR_CODE } from '../../src/data/sequence-set.js';
import { eventFile } from './event-files.js';

const T0 = 1511600000; // inside the Taobao window

test('loadSequences(taobao) builds CSR sorted by time, ties in file order, codes by first appearance', async () => {
  const csv = [
    `7,100,1,pv,${T0 + 50}`,
    `8,200,2,buy,${T0 + 10}`,
    `7,300,1,cart,${T0 + 20}`,
    `7,100,1,fav,${T0 + 20}`,
    `8,100,1,pv,${T0 + 5}`,
  ].join('\n');
  const { sequences: s, report } = await loadSequences({
    path: eventFile('t.csv', `${csv}\n`),
    preset: 'taobao',
  });
  assert.deepEqual(s.users, ['7', '8']);
  assert.deepEqual([...s.offsets], [0, 3, 5]);
  assert.deepEqual(s.itemVocab, ['100', '200', '300']);
  // user 7: t+20 cart 300 (line 3), t+20 fav 100 (line 4), t+50 pv 100
  assert.deepEqual([...s.items], [2, 0, 0, 0, 1]);
  assert.deepEqual(
    [...s.behaviors],
    [BEHAVIOR_CODE.cart, BEHAVIOR_CODE.fav, BEHAVIOR_CODE.pv, BEHAVIOR_CODE.pv, BEHAVIOR_CODE.buy],
  );
  assert.deepEqual([...s.ts], [T0 + 20, T0 + 20, T0 + 50, T0 + 5, T0 + 10]);
  assert.deepEqual(s.categoryVocab, ['1', '2']);
  assert.deepEqual([...(s.categories ?? [])], [0, 0, 0, 0, 1]);
  assert.equal(s.keyedBy, 'user');
  assert.equal(report.rowsRead, 5);
  assert.equal(report.eventsKept, 5);
});

test('loadSequences counts exact duplicates, unknown behaviors and out-of-window events with their lines', async () => {
  const csv = [
    `1,10,5,pv,${T0}`,
    `1,11,5,pv,${T0}`,
    `1,10,5,pv,${T0}`, // duplicate of line 1 (not adjacent in the file)
    `1,12,5,click,${T0 + 1}`, // unknown behavior
    `2,10,5,pv,100`, // outside the window
    `2,10,5,buy,${T0 + 9}`,
    `2,10,5,buy,${T0 + 9}`, // duplicate of line 6
  ].join('\n');
  const { sequences, report } = await loadSequences({ path: eventFile('d.csv', csv), preset: 'taobao' });
  assert.deepEqual(report.duplicates, { count: 2, firstLines: [3, 7] });
  assert.equal(report.unknownBehaviors.count, 1);
  assert.deepEqual(report.unknownBehaviors.firstLines, [4]);
  assert.deepEqual(report.unknownBehaviors.values, { click: 1 });
  assert.deepEqual(report.outsideWindow.firstLines, [5]);
  assert.equal(report.eventsKept, 3);
  assert.deepEqual([...sequences.offsets], [0, 2, 3]);
  const other = await loadSequences({
    path: eventFile('d.csv', csv),
    preset: 'taobao',
    unknownBehavior: 'other',
    window: null,
    dedupe: false,
  });
  assert.equal(other.report.eventsKept, 7);
  assert.equal(other.report.duplicates.count, 0);
  assert.equal(other.sequences.behaviors.filter((b) => b === BEHAVIOR_CODE.other).length, 1);
});

test('loadSequences fills a missing category from the item, or leaves it unknown, or drops the row', async () => {
  const csv = [
    `1,10,5,pv,${T0}`,
    `1,10,5,pv,${T0 + 1}`,
    `1,10,6,pv,${T0 + 2}`,
    `2,10,,pv,${T0 + 3}`,
    `2,11,,pv,${T0 + 4}`,
  ].join('\n');
  const path = eventFile('c.csv', csv);
  const mode = await loadSequences({ path, preset: 'taobao', missing: { category: 'item-mode' } });
  assert.deepEqual(mode.report.missing.category, {
    count: 2,
    firstLines: [4, 5],
    strategy: 'item-mode',
    filled: 1,
    dropped: 0,
  });
  const cats = [...(mode.sequences.categories ?? [])].map((c) =>
    c < 0 ? null : mode.sequences.categoryVocab?.[c],
  );
  assert.deepEqual(cats, ['5', '5', '6', '5', null]);
  const unknown = await loadSequences({ path, preset: 'taobao' });
  assert.deepEqual([...(unknown.sequences.categories ?? [])].slice(3), [-1, -1]);
  const drop = await loadSequences({ path, preset: 'taobao', missing: { category: 'drop' } });
  assert.equal(drop.report.eventsKept, 3);
  assert.equal(drop.report.missing.category.dropped, 2);
});

test('loadSequences interpolates a missing timestamp between the neighbors of the same user', async () => {
  const csv = [
    `1,10,5,pv,${T0}`,
    '1,11,5,pv,',
    '1,12,5,pv,',
    `1,13,5,pv,${T0 + 30}`,
    `2,14,5,pv,${T0 + 7}`,
    '2,15,5,pv,',
    '3,16,5,pv,',
  ].join('\n');
  const { sequences, report } = await loadSequences({
    path: eventFile('i.csv', csv),
    preset: 'taobao',
    missing: { ts: 'interpolate' },
  });
  assert.deepEqual([...sequences.ts], [T0, T0 + 10, T0 + 20, T0 + 30, T0 + 7, T0 + 7]);
  assert.deepEqual(report.missing.ts, {
    count: 4,
    firstLines: [2, 3, 6, 7],
    strategy: 'interpolate',
    filled: 3,
    dropped: 1,
  });
  const dropped = await loadSequences({ path: eventFile('i.csv', csv), preset: 'taobao' });
  assert.equal(dropped.report.missing.ts.dropped, 4);
});

test('loadSequences drops bot-like users, sessionizes by gap, applies length limits and truncation', async () => {
  const rows: string[] = [];
  for (let i = 0; i < 70; i++) rows.push(`9,${i},1,pv,${T0 + (i % 50)}`); // 70 events within 50 s: a bot
  rows.push(
    `1,1,1,pv,${T0}`,
    `1,2,1,pv,${T0 + 1800}`,
    `1,3,1,pv,${T0 + 3601}`,
    `1,4,1,pv,${T0 + 3602}`,
    `2,5,1,pv,${T0}`,
  );
  const path = eventFile('b.csv', rows.join('\n'));
  const users = await loadSequences({ path, preset: 'taobao' });
  assert.equal(users.report.bots.sequences, 1);
  assert.equal(users.report.bots.events, 70);
  assert.deepEqual(users.report.bots.firstKeys, ['9']);
  assert.deepEqual(users.sequences.users, ['1', '2']);
  const sessions = await loadSequences({ path, preset: 'taobao', keyBy: 'session' });
  // gap 1800 is not > 1800; 1801 is.
  assert.deepEqual(sessions.sequences.users, ['1#1', '1#2', '2#1']);
  assert.deepEqual([...sessions.sequences.offsets], [0, 2, 4, 5]);
  assert.deepEqual(sessions.report.sessions, { gapSeconds: 1800, fromSequences: 2, sessions: 3 });
  const limited = await loadSequences({ path, preset: 'taobao', keyBy: 'session', minLength: 2, lastN: 1 });
  assert.deepEqual(limited.sequences.users, ['1#1', '1#2']);
  assert.deepEqual(limited.report.length.tooShort, { sequences: 1, events: 1 });
  assert.deepEqual(limited.report.truncated, { lastN: 1, sequences: 2, events: 2 });
  assert.deepEqual(
    [...limited.sequences.items].map((i) => limited.sequences.itemVocab[i]),
    ['2', '4'],
  );
  const long = await loadSequences({ path, preset: 'taobao', bots: null, maxLength: 4 });
  assert.deepEqual(long.report.length.tooLong, { sequences: 1, events: 70 });
});

test('loadSequences(diginetica) orders unsorted session rows by eventdate + timeframe and drops NA users only when keyed by user', async () => {
  const csv = [
    'session_id;user_id;item_id;timeframe;eventdate',
    '1;NA;81766;526309;2016-05-09',
    '1;NA;31331;1031018;2016-05-09',
    '1;NA;32118;243569;2016-05-09',
    '2;42;9654;0;2016-05-10',
  ].join('\n');
  const path = eventFile('dg.csv', csv);
  const { sequences: s } = await loadSequences({ path, preset: 'diginetica' });
  assert.equal(s.keyedBy, 'session');
  assert.deepEqual(s.users, ['1', '2']);
  assert.deepEqual(
    [...s.items].map((i) => s.itemVocab[i]),
    ['32118', '81766', '31331', '9654'],
  );
  const day = Date.UTC(2016, 4, 9) / 1000;
  assert.deepEqual([...s.ts], [day + 243.569, day + 526.309, day + 1031.018, day + 86400]);
  const byUser = await loadSequences({ path, preset: 'diginetica', keyBy: 'user' });
  assert.deepEqual(byUser.sequences.users, ['42']);
  assert.deepEqual(byUser.report.missing.user, {
    count: 3,
    firstLines: [2, 3, 4],
    strategy: 'drop',
    filled: 0,
    dropped: 3,
  });
});

test('loadSequences(yoochoose) reads the raw clicks and the prepared tab-separated form', async () => {
  const raw = eventFile(
    'clicks.dat',
    '1,2014-04-07T10:51:09.277Z,214536502,0\n1,2014-04-07T10:54:09.868Z,214536500,0\n2,2014-04-07T13:56:37.614Z,214662742,S\n',
  );
  const a = await loadSequences({ path: raw, preset: 'yoochoose' });
  assert.deepEqual(a.sequences.users, ['1', '2']);
  assert.deepEqual(
    [...a.sequences.ts],
    [
      Date.UTC(2014, 3, 7, 10, 51, 9, 277) / 1000,
      Date.UTC(2014, 3, 7, 10, 54, 9, 868) / 1000,
      Date.UTC(2014, 3, 7, 13, 56, 37, 614) / 1000,
    ],
  );
  assert.deepEqual(a.sequences.categoryVocab, ['0', 'S']);
  const prepared = eventFile(
    'train.txt',
    'SessionId\tItemId\tTime\n1\t214536502\t1396867869.277\n1\t214536500\t1396868049.868\n3\t7\t1396868000\n',
  );
  const b = await loadSequences({ path: prepared, preset: 'yoochoose' });
  assert.equal(b.report.preset, 'yoochoose-prepared');
  assert.deepEqual([...b.sequences.offsets], [0, 2, 3]);
  assert.deepEqual([...b.sequences.ts], [1396867869.277, 1396868049.868, 1396868000]);
});

test('loadSequences(retailrocket) maps view/addtocart/transaction and ms timestamps', async () => {
  const csv =
    'timestamp,visitorid,event,itemid,transactionid\n1433221332117,257597,view,355908,\n1433224214164,992329,view,248676,\n1433221999827,257597,transaction,355908,4000\n1433221500000,257597,addtocart,355908,\n';
  const { sequences: s } = await loadSequences({ path: eventFile('rr.csv', csv), preset: 'retailrocket' });
  assert.deepEqual(s.users, ['257597', '992329']);
  assert.deepEqual(
    [...s.behaviors],
    [BEHAVIOR_CODE.pv, BEHAVIOR_CODE.cart, BEHAVIOR_CODE.buy, BEHAVIOR_CODE.pv],
  );
  assert.deepEqual([...s.ts], [1433221332.117, 1433221500, 1433221999.827, 1433224214.164]);
});

test('loadSequences(generic) maps columns by name in CSV, JSONL and Parquet alike', async () => {
  const mapping = { user: 'visitor', item: 'sku', ts: 'time', behavior: 'kind', query: 'q', price: 'amount' };
  const behaviorMap = { view: 'pv', order: 'buy', search: 'search' } as const;
  const csv = eventFile(
    'g.csv',
    'time|visitor|sku|kind|q|amount\n20|u1|a|view||9.5\n10|u1|b|search|red shoes|\n30|u2|a|order||12\n',
  );
  const a = await loadSequences({ path: csv, preset: 'generic', mapping, behaviorMap, delimiter: '|' });
  const expectShape = (s: typeof a.sequences) => {
    assert.deepEqual(s.users, ['u1', 'u2']);
    assert.deepEqual(
      [...s.items].map((i) => s.itemVocab[i]),
      ['b', 'a', 'a'],
    );
    assert.deepEqual([...s.behaviors], [BEHAVIOR_CODE.search, BEHAVIOR_CODE.pv, BEHAVIOR_CODE.buy]);
    assert.deepEqual([...(s.queries ?? [])], [0, -1, -1]);
    assert.deepEqual(s.queryVocab, ['red shoes']);
    assert.deepEqual([...(s.prices ?? [])], [Number.NaN, 9.5, 12]);
  };
  expectShape(a.sequences);
  const jsonl = eventFile(
    'g.jsonl',
    '{"time":20,"visitor":"u1","sku":"a","kind":"view","amount":9.5}\n{"time":10,"visitor":"u1","sku":"b","kind":"search","q":"red shoes"}\n{"time":30,"visitor":"u2","sku":"a","kind":"order","amount":12}\n',
  );
  expectShape((await loadSequences({ path: jsonl, preset: 'generic', mapping, behaviorMap })).sequences);
  const { openDuckDB } = await import('../../src/engine/duckdb-engine.js');
  const engine = await openDuckDB({ threads: 1 });
  const parquet = csv.replace(/\.csv$/, '.parquet');
  await engine.run(
    `COPY (SELECT * FROM read_csv('${csv}', delim='|', header=true)) TO '${parquet}' (FORMAT parquet)`,
  );
  await engine.close();
  expectShape((await loadSequences({ path: parquet, preset: 'generic', mapping, behaviorMap })).sequences);
});

test('loadSequences(generic) without a header names columns column1..columnN; ISO and ms timestamps', async () => {
  const path = eventFile(
    'nohead.tsv',
    'x\tu1\t2014-04-07T10:51:09Z\nx\tu2\t2014-04-07T10:51:10.5Z\ny\tu1\t2014-04-07T10:51:08Z\n',
  );
  const mapping = { item: 'column1', user: 'column2', ts: 'column3' };
  const { sequences: s } = await loadSequences({
    path,
    preset: 'generic',
    mapping,
    header: false,
    delimiter: '\t',
    timeFormat: 'iso',
  });
  assert.deepEqual(s.users, ['u1', 'u2']);
  assert.deepEqual(
    [...s.items].map((i) => s.itemVocab[i]),
    ['y', 'x', 'x'],
  );
  const t = Date.UTC(2014, 3, 7, 10, 51, 8) / 1000;
  assert.deepEqual([...s.ts], [t, t + 1, t + 2.5]);
  const ms = eventFile('ms.csv', 'u,i,t\na,x,1500\n');
  const m = await loadSequences({
    path: ms,
    preset: 'generic',
    mapping: { user: 'u', item: 'i', ts: 't' },
    timeFormat: 'unix-ms',
  });
  assert.deepEqual([...m.sequences.ts], [1.5]);
});

test('loadSequences(generic Parquet) names the row of a value that is not a number', async () => {
  const { openDuckDB } = await import('../../src/engine/duckdb-engine.js');
  const { InputError } = await import('../../src/util/errors.js');
  const engine = await openDuckDB({ threads: 1 });
  const path = eventFile('bad.parquet', '');
  await engine.run(
    `COPY (SELECT * FROM (VALUES ('a', 'x', '10'), ('a', 'y', 'ten')) v(u, i, t)) TO '${path}' (FORMAT parquet)`,
  );
  await engine.close();
  const mapping = { user: 'u', item: 'i', ts: 't' };
  await assert.rejects(
    loadSequences({ path, preset: 'generic', mapping }),
    (e: unknown) =>
      e instanceof InputError &&
      e.line === 2 &&
      e.field === 't' &&
      /"ten" is not a valid number/.test(e.message),
  );
  const skipped = await loadSequences({ path, preset: 'generic', mapping, badRows: 'skip' });
  assert.deepEqual(skipped.report.badRows.byField.t, {
    count: 1,
    firstLines: [2],
    reason: 'not a valid number',
  });
  assert.equal(skipped.report.eventsKept, 1);
});

test('loadSequences on a caller-supplied engine leaves no work tables behind', async () => {
  const { openDuckDB } = await import('../../src/engine/duckdb-engine.js');
  const engine = await openDuckDB({ threads: 1 });
  try {
    const path = eventFile('e.csv', `1,10,5,pv,${T0}\n`);
    const { sequences } = await loadSequences({ path, preset: 'taobao', engine });
    assert.equal(sequences.items.length, 1);
    const [{ n }] = await engine.rows(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name LIKE 'seg_%'",
    );
    assert.equal(n, 0);
  } finally {
    await engine.close();
  }
});
