import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSequences } from '../../src/data/load.js';
import { InputError, UsageError } from '../../src/util/errors.js';
import { eventDir, eventFile } from './event-files.js';

const T0 = 1511600000;
const good = (u: number, i: number) => `${u},${i},1,pv,${T0 + i}`;

/** Assert loading rejects with an InputError at file/line/field whose message matches. */
async function rejects(
  path: string,
  where: { line?: number; field?: string },
  message: RegExp,
  preset = 'taobao',
  extra = {},
): Promise<void> {
  await assert.rejects(loadSequences({ path, preset, ...extra }), (error: unknown) => {
    assert.ok(error instanceof InputError, `expected InputError, got ${error}`);
    assert.equal(error.file, path);
    assert.equal(error.line, where.line);
    assert.equal(error.field, where.field);
    assert.match(error.message, message);
    assert.ok(error.message.startsWith(path), 'message starts with the file');
    return true;
  });
}

test('loadSequences: wrong column count names the line', async () => {
  await rejects(
    eventFile('cols.csv', `${good(1, 1)}\n1,2,3,pv\n${good(1, 3)}\n`),
    { line: 2, field: '(row)' },
    /expected 5 columns, found 4/,
  );
  await rejects(
    eventFile('cols.csv', `${good(1, 1)}\n${good(1, 2)},9\n`),
    { line: 2, field: '(row)' },
    /expected 5 columns, found 6/,
  );
});

test('loadSequences: undecodable bytes name the line and column', async () => {
  const bytes = Buffer.concat([
    Buffer.from(`${good(1, 1)}\n`),
    Buffer.from([0x31, 0x2c, 0x32, 0x2c, 0x33, 0x2c, 0xff, 0xfe, 0x2c, 0x35, 0x0a]),
  ]);
  await rejects(eventFile('enc.csv', bytes), { line: 2, field: 'behavior_type' }, /undecodable bytes/);
});

test('loadSequences: an unparseable timestamp names line and field', async () => {
  await rejects(
    eventFile('ts.csv', `${good(1, 1)}\n${good(1, 2)}\n1,3,1,pv,yesterday\n`),
    { line: 3, field: 'timestamp' },
    /"yesterday" is not a valid integer/,
  );
  const iso = eventFile('iso.dat', '1,2014-04-07T10:51:09.277Z,214536502,0\n1,not-a-time,214536500,0\n');
  await rejects(iso, { line: 2, field: 'Timestamp' }, /"not-a-time" is not a valid timestamp/, 'yoochoose');
  const date = eventFile(
    'date.csv',
    'session_id;user_id;item_id;timeframe;eventdate\n1;NA;5;0;2016-05-09\n1;NA;6;10;2016-13-45\n',
  );
  await rejects(date, { line: 3, field: 'eventdate' }, /"2016-13-45" is not a valid date/, 'diginetica');
});

test('loadSequences: a wrong delimiter says so', async () => {
  await rejects(
    eventFile('semi.csv', `1;2;3;pv;${T0}\n1;3;3;pv;${T0}\n`),
    { line: 1, field: '(row)' },
    /expected 5 columns, found 1 \(the line looks ";"-separated, not ","/,
  );
  const header = eventFile(
    'dg-comma.csv',
    'session_id,user_id,item_id,timeframe,eventdate\n1,NA,5,0,2016-05-09\n',
  );
  await rejects(
    header,
    { line: 1, field: 'session_id' },
    /not in the header.*looks ","-separated, not ";"/,
    'diginetica',
  );
});

test('loadSequences: missing columns and a mapping to a nonexistent column name line 1 and the column', async () => {
  await rejects(
    eventFile('rr.csv', 'timestamp,visitorid,itemid\n1433221332117,1,2\n'),
    { line: 1, field: 'event' },
    /column "event" \(for behavior\) is not in the header/,
    'retailrocket',
  );
  const g = eventFile('g.csv', 'a,b,c\n1,2,3\n');
  await rejects(g, { line: 1, field: 'nope' }, /column "nope" \(for item\)/, 'generic', {
    mapping: { user: 'a', item: 'nope', ts: 'c' },
  });
  const j = eventFile('g.jsonl', '{"a":1,"c":3}\n');
  await rejects(j, { line: undefined, field: 'b' }, /column "b" \(for item\) is in no record/, 'generic', {
    mapping: { user: 'a', item: 'b', ts: 'c' },
  });
});

test('loadSequences: an empty file, a header-only file and a missing file are input errors', async () => {
  await rejects(eventFile('empty.csv', ''), {}, /empty file/);
  await rejects(
    eventFile('header.csv', 'timestamp,visitorid,event,itemid,transactionid\n'),
    {},
    /no data rows/,
    'retailrocket',
  );
  await rejects(`${eventDir()}/does-not-exist.csv`, {}, /no such file/);
  await rejects(eventDir(), {}, /not a regular file/);
});

test('loadSequences: a 10 MB line is an input error naming its line', async () => {
  const long = `1,2,1,${'v'.repeat(10 * 1024 * 1024)},${T0}`;
  await rejects(
    eventFile('long.csv', `${good(1, 1)}\n${long}\n${good(1, 3)}\n`),
    { line: 2, field: '(row)' },
    /line too long/,
  );
  await rejects(
    eventFile('long-header.csv', `${'x'.repeat(2 * 1024 * 1024)}\n`),
    { line: 1 },
    /line longer than/,
    'retailrocket',
  );
});

test('loadSequences: a malformed JSON record names its line', async () => {
  const j = eventFile('bad.jsonl', '{"u":"a","i":"x","t":1}\n{"u":"a", oops\n{"u":"b","i":"y","t":2}\n');
  await rejects(j, { line: 2, field: '(row)' }, /malformed JSON record/, 'generic', {
    mapping: { user: 'u', item: 'i', ts: 't' },
  });
});

test('loadSequences: an unknown preset and a bad mapping are usage errors', async () => {
  const path = eventFile('ok.csv', `${good(1, 1)}\n`);
  await assert.rejects(
    loadSequences({ path, preset: 'amazon' }),
    (e: unknown) => e instanceof UsageError && /unknown preset "amazon"/.test(e.message),
  );
  await assert.rejects(
    loadSequences({ path, preset: 'generic', mapping: { user: 'a' } }),
    (e: unknown) => e instanceof UsageError && /map\.item: is required/.test(e.message),
  );
  await assert.rejects(loadSequences({ path, preset: 'taobao', mapping: { user: 'a' } }), UsageError);
  await assert.rejects(
    loadSequences({ path, preset: 'yoochoose', keyBy: 'user' }),
    (e: unknown) => e instanceof UsageError && /no user column/.test(e.message),
  );
  await assert.rejects(loadSequences({ path, preset: 'taobao', lastN: 0 }), RangeError);
});

test("loadSequences(badRows: 'skip') counts broken rows per field with first lines and keeps the rest", async () => {
  const csv = [
    good(1, 1),
    '1,2,3,pv',
    `1,x,1,pv,${T0}`,
    good(1, 4),
    `1,5,1,pv,soon`,
    '1;6;1;pv;7',
    good(2, 7),
  ].join('\n');
  const { sequences, report } = await loadSequences({
    path: eventFile('skip.csv', csv),
    preset: 'taobao',
    badRows: 'skip',
  });
  assert.equal(report.rowsRead, 7);
  assert.equal(report.badRows.count, 4);
  assert.deepEqual(report.badRows.byField['(row)'], {
    count: 2,
    firstLines: [2, 6],
    reason: 'wrong column count',
  });
  assert.deepEqual(report.badRows.byField.item_id, {
    count: 1,
    firstLines: [3],
    reason: 'not a valid integer',
  });
  assert.deepEqual(report.badRows.byField.timestamp, {
    count: 1,
    firstLines: [5],
    reason: 'not a valid integer',
  });
  assert.equal(report.eventsKept, 3);
  assert.deepEqual(sequences.users, ['1', '2']);
  // Lines of later cleaning counts skip the rejected lines: line 7 is row 2 of the accepted rows.
  const dup = [good(1, 1), '1,2,3,pv', good(1, 1)].join('\n');
  const d = await loadSequences({ path: eventFile('skip-dup.csv', dup), preset: 'taobao', badRows: 'skip' });
  assert.deepEqual(d.report.duplicates.firstLines, [3]);
  const iso = eventFile(
    'iso-skip.dat',
    '1,2014-04-07T10:51:09.277Z,5,0\n1,nope,6,0\n2,2014-04-07T10:51:10Z,7,0\n',
  );
  const y = await loadSequences({ path: iso, preset: 'yoochoose', badRows: 'skip' });
  assert.deepEqual(y.report.badRows.byField.Timestamp, {
    count: 1,
    firstLines: [2],
    reason: 'not a valid timestamp (ISO 8601)',
  });
  assert.equal(y.report.eventsKept, 2);
});

test('loadSequences keeps line numbers right across blank lines (which hold no row) and CRLF endings', async () => {
  const csv = [good(1, 1), '', '1,2,3', good(1, 1), '', ''].join('\r\n');
  const { report } = await loadSequences({
    path: eventFile('blank.csv', csv),
    preset: 'taobao',
    badRows: 'skip',
  });
  assert.equal(report.rowsRead, 3);
  assert.deepEqual(report.badRows.byField['(row)'].firstLines, [3]);
  assert.deepEqual(report.duplicates, { count: 1, firstLines: [4] });
  await rejects(
    eventFile('blank.csv', `\n${good(1, 1)}\n\n1,x,1,pv,${T0}\n`),
    { line: 4, field: 'item_id' },
    /"x" is not a valid integer/,
  );
});

test('loadSequences(JSONL) keeps line numbers right across blank lines', async () => {
  const path = eventFile(
    'blank.jsonl',
    '{"u":"a","i":"x","t":1}\n\n{"u":"a", bad\n{"u":"a","i":"x","t":1}\n',
  );
  const mapping = { user: 'u', item: 'i', ts: 't' };
  const { report } = await loadSequences({ path, preset: 'generic', mapping, badRows: 'skip' });
  assert.deepEqual(report.badRows.byField['(row)'].firstLines, [3]);
  assert.deepEqual(report.duplicates, { count: 1, firstLines: [4] });
});

test('loadSequences: a binary file, a broken Parquet file and an undecodable header are input errors', async () => {
  const { gzipSync } = await import('node:zlib');
  const binary = gzipSync(Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)));
  const path = eventFile('binary.csv', binary);
  await assert.rejects(
    loadSequences({ path, preset: 'taobao' }),
    (e: unknown) =>
      e instanceof InputError &&
      e.file === path &&
      /cannot read this file as csv|undecodable|columns/.test(e.message),
  );
  await rejects(eventFile('broken.parquet', 'PAR1garbage'), {}, /not a readable Parquet file/, 'generic', {
    mapping: { user: 'a', item: 'b', ts: 'c' },
  });
  await rejects(
    eventFile('head.csv', Buffer.from([0xff, 0xfe, 0x2c, 0x62, 0x0a, 0x31, 0x0a])),
    { line: 1 },
    /undecodable bytes/,
    'retailrocket',
  );
  await rejects(
    eventFile('quote.csv', `1,2,3,"pv,${T0}\n${good(1, 2)}\n`),
    { line: 1, field: 'behavior_type' },
    /unterminated quote/,
  );
});
