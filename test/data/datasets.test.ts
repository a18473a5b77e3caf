/**
 * Integration tests on the real dataset slices in ../shared/datasets (see datasets-path.ts). Every expected count is computed here, independently, by parsing the file with
 * plain JS (split on the delimiter, dedupe by the whole line, group in a Map).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSequences } from '../../src/data/load.js';
import { TAOBAO } from '../../src/data/presets.js';
import { datasetsPath } from './datasets-path.js';

const datasets = datasetsPath();
const TAOBAO_FILES = ['UserBehavior_head4321_fattydelivery.csv', 'UserBehavior_tail10k_betashepherd.csv'];

test('the shared datasets are where SEGSCOPE_DATASETS (or ../shared/datasets) says', () => {
  assert.ok(
    existsSync(join(datasets, 'diginetica_sample')),
    `no datasets at ${datasets}; set SEGSCOPE_DATASETS`,
  );
});

interface Row {
  key: string;
  item: string;
  ts: number;
  line: number;
}

/** Events per key in time order (stable: file order for ties). */
function group(rows: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const list = out.get(r.key) ?? [];
    list.push(r);
    out.set(r.key, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.ts - b.ts || a.line - b.line);
  return out;
}

/** Most events of one list on one UTC day. */
function maxPerDay(list: Row[]): number {
  const days = new Map<number, number>();
  for (const r of list) days.set(Math.floor(r.ts / 86400), (days.get(Math.floor(r.ts / 86400)) ?? 0) + 1);
  return Math.max(0, ...days.values());
}

/** Most events of one list in any 60-second window, by brute force. */
function maxPerMinute(list: Row[]): number {
  let best = 0;
  for (const a of list) best = Math.max(best, list.filter((b) => b.ts >= a.ts && b.ts < a.ts + 60).length);
  return best;
}

for (const name of TAOBAO_FILES) {
  test(`loadSequences(taobao) on ${name} matches counts from a plain-JS parse`, async () => {
    const path = join(datasets, 'taobao_userbehavior_slice', name);
    const lines = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
    const seen = new Set<string>();
    const rows: Row[] = [];
    let outside = 0;
    let duplicates = 0;
    lines.forEach((line, i) => {
      const [user, item, , behavior, t] = line.split(',');
      assert.ok(['pv', 'cart', 'fav', 'buy'].includes(behavior));
      const ts = Number(t);
      if (ts < (TAOBAO.window?.start ?? 0) || ts > (TAOBAO.window?.end ?? 0)) {
        outside++;
        return;
      }
      if (seen.has(line)) {
        duplicates++;
        return;
      }
      seen.add(line);
      rows.push({ key: user, item, ts, line: i + 1 });
    });
    const byUser = group(rows);
    const bots = [...byUser.values()].filter((l) => maxPerMinute(l) > 60 || maxPerDay(l) > 300).length;
    assert.equal(bots, 0, 'these slices hold no bot-like user');
    const { sequences: s, report } = await loadSequences({ path, preset: 'taobao' });
    assert.equal(report.rowsRead, lines.length);
    assert.equal(report.outsideWindow.count, outside);
    assert.equal(report.duplicates.count, duplicates);
    assert.equal(s.items.length, rows.length);
    assert.equal(s.users.length, byUser.size);
    assert.equal(new Set(rows.map((r) => r.item)).size, new Set(s.items).size);
    for (const [si, user] of s.users.entries()) {
      const expected = byUser.get(user) ?? [];
      const got = [...s.items.subarray(s.offsets[si], s.offsets[si + 1])].map((i) => s.itemVocab[i]);
      assert.deepEqual(
        got,
        expected.map((r) => r.item),
        `user ${user}`,
      );
    }
    // Keyed by session: a new session after a gap of more than 30 minutes.
    let sessions = 0;
    for (const list of byUser.values())
      sessions += 1 + list.filter((r, i) => i > 0 && r.ts - list[i - 1].ts > 1800).length;
    const bySession = await loadSequences({ path, preset: 'taobao', keyBy: 'session' });
    assert.equal(bySession.sequences.users.length, sessions);
    assert.equal(bySession.sequences.items.length, rows.length);
  });
}

test('the head4321 slice has the documented size and an out-of-window row (SOURCE.txt)', async () => {
  const { report } = await loadSequences({
    path: join(datasets, 'taobao_userbehavior_slice', TAOBAO_FILES[0]),
    preset: 'taobao',
    window: null,
  });
  assert.equal(report.rowsRead, 4321);
  assert.equal(report.sequencesKept, 43);
});

test('loadSequences(diginetica) on the sample matches sessions and users from a plain-JS parse', async () => {
  const path = join(datasets, 'diginetica_sample', 'sample_train-item-views.csv');
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  assert.equal(lines[0], 'session_id;user_id;item_id;timeframe;eventdate');
  const seen = new Set<string>();
  const bySession: Row[] = [];
  const byUser: Row[] = [];
  let duplicates = 0;
  for (let i = 1; i < lines.length; i++) {
    if (seen.has(lines[i])) {
      duplicates++;
      continue;
    }
    seen.add(lines[i]);
    const [session, user, item, timeframe, date] = lines[i].split(';');
    const ts = Date.parse(`${date}T00:00:00Z`) / 1000 + Number(timeframe) / 1000;
    bySession.push({ key: session, item, ts, line: i + 1 });
    if (user !== 'NA') byUser.push({ key: user, item, ts, line: i + 1 });
  }
  const sessions = group(bySession);
  const { sequences: s, report } = await loadSequences({ path, preset: 'diginetica' });
  assert.equal(report.rowsRead, lines.length - 1);
  assert.equal(report.duplicates.count, duplicates);
  assert.equal(s.users.length, sessions.size);
  assert.equal(s.items.length, bySession.length);
  for (const [si, key] of s.users.entries()) {
    const got = [...s.items.subarray(s.offsets[si], s.offsets[si + 1])].map((i) => s.itemVocab[i]);
    assert.deepEqual(
      got,
      (sessions.get(key) ?? []).map((r) => r.item),
      `session ${key}`,
    );
  }
  const users = group(byUser);
  const u = await loadSequences({ path, preset: 'diginetica', keyBy: 'user' });
  assert.equal(u.sequences.users.length, users.size);
  assert.equal(u.sequences.items.length, byUser.length);
  assert.equal(u.report.missing.user.count, bySession.length - byUser.length);
});
