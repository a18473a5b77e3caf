import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './run-cli.js';
import { datasetsPath } from '../data/datasets-path.js';
import { eventDir, eventFile } from '../data/event-files.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(argv);
  return { code, out: stdout, err: stderr };
}

const T0 = 1511600000;

test('segscope inspect --json prints counts after cleaning and the cleaning report', async () => {
  const path = eventFile(
    'i.csv',
    `1,10,5,pv,${T0}\n1,11,6,buy,${T0 + 5}\n1,11,6,buy,${T0 + 5}\n2,10,5,cart,${T0 + 9}\n3,12,7,pv,5\n`,
  );
  const { code, out, err } = await cli('inspect', '--events', path, '--preset', 'taobao', '--json');
  assert.equal(err, '');
  assert.equal(code, 0);
  const j = JSON.parse(out);
  assert.equal(j.n_events, 3);
  assert.equal(j.n_sequences, 2);
  assert.equal(j.n_items, 2);
  assert.equal(j.n_categories, 2);
  assert.deepEqual(j.behaviors, { pv: 1, cart: 1, fav: 0, buy: 1, search: 0, other: 0 });
  assert.deepEqual(j.time_span, [T0, T0 + 9]);
  assert.deepEqual(j.cleaning.duplicates, { count: 1, firstLines: [3] });
  assert.deepEqual(j.cleaning.outsideWindow.firstLines, [5]);
  assert.equal(j.length.median, 1);
});

test('segscope inspect prints a readable summary with the length distribution', async () => {
  const path = join(datasetsPath(), 'diginetica_sample', 'sample_train-item-views.csv');
  const { code, out } = await cli('inspect', '--events', path, '--preset', 'diginetica');
  assert.equal(code, 0);
  assert.match(out, /^events\s+12,391$/m);
  assert.match(out, /^sequences\s+2,986 \(keyed by session\)$/m);
  assert.match(out, /^length\s+min 1, p10 \d+, p25 \d+, median \d+/m);
  assert.match(out, /^cleaning: 12,391 rows read, 12,391 events kept$/m);
});

test('segscope inspect --map reads a generic log', async () => {
  const path = eventFile('g.csv', 'who,what,when\na,x,10\na,y,5\nb,x,7\n');
  const { code, out } = await cli(
    'inspect',
    '--events',
    path,
    '--preset',
    'generic',
    '--map',
    'user=who,item=what,ts=when',
    '--json',
  );
  assert.equal(code, 0);
  assert.equal(JSON.parse(out).n_sequences, 2);
});

const bad: [string, () => string[], RegExp][] = [
  [
    'wrong column count',
    () => ['--events', eventFile('c.csv', `1,2,3,pv,${T0}\n1,2,3\n`), '--preset', 'taobao'],
    /c\.csv:2: field "\(row\)": expected 5 columns, found 3/,
  ],
  [
    'undecodable bytes',
    () => [
      '--events',
      eventFile('u.csv', Buffer.from([0x31, 0x2c, 0x32, 0x2c, 0x33, 0x2c, 0xc3, 0x28, 0x2c, 0x35, 0x0a])),
      '--preset',
      'taobao',
    ],
    /u\.csv:1: field "behavior_type": undecodable bytes/,
  ],
  [
    'timestamp that is not one',
    () => ['--events', eventFile('t.csv', '1,2,3,pv,noon\n'), '--preset', 'taobao'],
    /t\.csv:1: field "timestamp": "noon" is not a valid integer/,
  ],
  [
    'wrong delimiter',
    () => ['--events', eventFile('d.csv', `1\t2\t3\tpv\t${T0}\n`), '--preset', 'taobao'],
    /d\.csv:1: .*wrong delimiter\?/,
  ],
  [
    'missing columns',
    () => ['--events', eventFile('m.csv', 'timestamp,visitorid\n1,2\n'), '--preset', 'retailrocket'],
    /m\.csv:1: field "itemid": column "itemid" \(for item\) is not in the header \[timestamp, visitorid\]; also missing: event/,
  ],
  ['empty file', () => ['--events', eventFile('e.csv', ''), '--preset', 'taobao'], /e\.csv: empty file/],
  [
    '10 MB line',
    () => ['--events', eventFile('l.csv', `1,2,3,${'x'.repeat(10 << 20)},${T0}\n`), '--preset', 'taobao'],
    /l\.csv:1: field "\(row\)": line too long/,
  ],
  [
    'missing file',
    () => ['--events', join(eventDir(), 'nope.csv'), '--preset', 'taobao'],
    /nope\.csv: no such file/,
  ],
  [
    'unknown preset',
    () => ['--events', eventFile('p.csv', 'x\n'), '--preset', 'amazon'],
    /--preset: "amazon" is not one of taobao/,
  ],
  [
    'mapping to a nonexistent column',
    () => [
      '--events',
      eventFile('n.csv', 'a,b\n1,2\n'),
      '--preset',
      'generic',
      '--map',
      'user=a,item=zz,ts=b',
    ],
    /n\.csv:1: field "zz": column "zz" \(for item\)/,
  ],
];
for (const [what, args, message] of bad) {
  test(`segscope inspect exits 2 naming file, line and field: ${what}`, async () => {
    const { code, out, err } = await cli('inspect', ...args());
    assert.equal(code, 2, err);
    assert.equal(out, '');
    assert.match(err, message);
  });
}

test('segscope inspect --bad-rows skip counts broken rows instead of stopping', async () => {
  const path = eventFile('s.csv', `1,2,3,pv,${T0}\n1,2,3\n1,4,3,pv,${T0 + 1}\n`);
  const { code, out } = await cli(
    'inspect',
    '--events',
    path,
    '--preset',
    'taobao',
    '--bad-rows',
    'skip',
    '--json',
  );
  assert.equal(code, 0);
  const j = JSON.parse(out);
  assert.equal(j.n_events, 2);
  assert.deepEqual(j.cleaning.badRows.byField['(row)'].firstLines, [2]);
  const text = await cli('inspect', '--events', path, '--preset', 'taobao', '--bad-rows', 'skip');
  assert.match(text.out, /broken rows, \(row\) \(wrong column count\): 1 \(first at line 2\)/);
});
