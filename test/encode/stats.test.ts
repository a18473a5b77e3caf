import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSequences } from '../../src/data/generate.js';
import { behaviorProfile, behaviorProfileNames } from '../../src/encode/behavior-profile.js';
import { STATS_GROUPS, StatsEncoder } from '../../src/encode/stats.js';
import { handSequences } from './helpers.js';

// 1_700_000_000 = 2023-11-14 22:13:20 UTC, a Tuesday (hour bin 20-24).
const T0 = 1_700_000_000;
const seqs = handSequences({
  u1: [
    { item: 'a', cat: 'x', b: 'pv', ts: T0 },
    { item: 'a', cat: 'x', b: 'cart', ts: T0 + 60 },
    { item: 'a', cat: 'x', b: 'buy', ts: T0 + 120, price: 10 },
    { item: 'b', cat: 'y', b: 'pv', ts: T0 + 4000 },
  ],
  u2: [{ item: 'b', cat: 'y', b: 'pv', ts: T0 + 86400 }],
  u3: [],
});

test('behaviorProfile on hand-built users matches hand computation', () => {
  const p = behaviorProfile(
    seqs,
    { referenceTime: T0 + 86400, sessionGap: 1800, utcOffsetHours: 0 },
    true,
    true,
  );
  const f = p.names.length;
  const get = (row: number, name: string) => p.values[row * f + p.names.indexOf(name)];
  assert.ok(Math.abs(get(0, 'recency_days') - (86400 - 4000) / 86400) < 1e-12);
  assert.equal(get(0, 'log_events'), Math.log(5));
  assert.equal(get(0, 'log_buys'), Math.log(2));
  assert.equal(get(0, 'log_spend'), Math.log(11));
  assert.equal(get(0, 'share_pv'), 0.5);
  assert.equal(get(0, 'cart_per_view'), 0.5);
  assert.equal(get(0, 'buy_per_cart'), 1);
  assert.equal(get(0, 'log_sessions'), Math.log(3)); // gap 3880 s > 1800 s starts session 2
  assert.equal(get(0, 'events_per_session'), 2);
  const gaps = [60, 60, 3880].map(Math.log1p);
  const mean = (gaps[0] + gaps[1] + gaps[2]) / 3;
  assert.ok(Math.abs(get(0, 'gap_log_mean') - mean) < 1e-12);
  assert.ok(
    Math.abs(get(0, 'gap_log_std') - Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / 3)) < 1e-12,
  );
  assert.ok(Math.abs(get(0, 'category_entropy') - -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25))) < 1e-12);
  assert.equal(get(0, 'hour_20_24'), 1);
  const angle = (t: number) => (2 * Math.PI * (t % 86400)) / 86400;
  const cosMean = [T0, T0 + 60, T0 + 120, T0 + 4000].reduce((s, t) => s + Math.cos(angle(t)), 0) / 4;
  assert.ok(Math.abs(get(0, 'hour_cos') - cosMean) < 1e-12);
  assert.ok(Math.abs(get(1, 'hour_sin') - Math.sin(angle(T0 + 86400))) < 1e-12);
  // cart a: 0 events since a's view; buy a: 1 event (the cart) in between; both in session 1.
  assert.ok(Math.abs(get(0, 'action_lag_log_mean') - Math.log(2) / 2) < 1e-12);
  assert.equal(get(0, 'action_later_session_share'), 0);
  assert.ok(Number.isNaN(get(1, 'action_lag_log_mean')), 'no actions: lag undefined');
  assert.equal(get(0, 'dow_tue'), 1);
  assert.equal(get(1, 'dow_wed'), 1);
  assert.equal(get(1, 'recency_days'), 0);
  assert.ok(Number.isNaN(get(1, 'gap_log_mean')), 'one event: gap statistics undefined');
  assert.equal(get(1, 'buy_per_cart'), 0, 'no cart: rate 0 (flagged)');
  assert.ok(Number.isNaN(get(2, 'share_pv')));
  assert.deepEqual(p.flags, {
    emptyUsers: 1,
    singleEventUsers: 1,
    noBuyUsers: 1,
    noViewUsers: 0,
    noCartUsers: 1,
  });
});

test('StatsEncoder standardizes with the fitted mean/sd, imputes NaN to 0 and counts it', async () => {
  const enc = await new StatsEncoder().fit(seqs);
  const X = await enc.transform(seqs);
  const f = enc.featureNames.length;
  assert.equal(X.cols, f);
  for (let j = 0; j < f; j++) {
    let s = 0;
    for (let i = 0; i < 3; i++) {
      assert.ok(Number.isFinite(X.data[i * f + j]));
      s += X.data[i * f + j];
    }
    assert.ok(Math.abs(s) < 1e-5, `column ${enc.featureNames[j]} centered`);
  }
  const g = enc.featureNames.indexOf('gap_log_mean');
  assert.equal(X.data[1 * f + g], 0);
  assert.equal(enc.report?.imputed.gap_log_mean, 2);
  assert.equal(enc.report?.imputed.recency_days, 1);
  assert.ok(enc.report?.constantFeatures.includes('share_fav'));
  // log_events: raw [ln 5, ln 2, 0]; population sd.
  const raw = [Math.log(5), Math.log(2), 0];
  const m = (raw[0] + raw[1]) / 3;
  const sd = Math.sqrt(raw.reduce((s, v) => s + (v - m) ** 2, 0) / 3);
  assert.ok(Math.abs(X.data[enc.featureNames.indexOf('log_events')] - (raw[0] - m) / sd) < 1e-6);
});

test('StatsEncoder: no sequences throws, bad sessionGap throws RangeError', async () => {
  await assert.rejects(new StatsEncoder().fit(handSequences({})), /no sequences/);
  assert.throws(() => new StatsEncoder({ sessionGap: 0 }), RangeError);
});

test('StatsEncoder groups: the groups partition every behavior-profile feature; a subset keeps only its columns, in profile order, with the same values', async () => {
  const all = Object.values(STATS_GROUPS).flat();
  assert.deepEqual([...all].sort(), [...behaviorProfileNames(true, true)].sort());
  assert.equal(new Set(all).size, all.length);
  const seqs = generateSequences({
    users: 30,
    segments: 2,
    difficulty: 'easy',
    items: 50,
    categories: 5,
    seed: 3,
  }).sequences;
  const full = new StatsEncoder();
  const X = await (await full.fit(seqs)).transform(seqs);
  const activity = new StatsEncoder({ groups: ['volume', 'sessions'] });
  const Y = await (await activity.fit(seqs)).transform(seqs);
  assert.deepEqual(activity.featureNames, [
    'log_events',
    'log_buys',
    'log_sessions',
    'events_per_session',
    'gap_log_mean',
    'gap_log_std',
    'active_days',
  ]);
  const cols = activity.featureNames.map((name) => full.featureNames.indexOf(name));
  for (let i = 0; i < seqs.users.length; i++) {
    for (const [t, j] of cols.entries()) assert.equal(Y.data[i * Y.cols + t], X.data[i * X.cols + j]);
  }
  assert.throws(
    () => new StatsEncoder({ groups: ['volume', 'tempo' as never] }),
    /groups .* must be a non-empty list/,
  );
  assert.throws(() => new StatsEncoder({ groups: [] }), /groups/);
  assert.deepEqual(new StatsEncoder({ groups: 'volume, sessions' }).params.groups, ['volume', 'sessions']);
});
