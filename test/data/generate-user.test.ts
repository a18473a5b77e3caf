import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCatalog } from '../../src/data/generate-catalog.js';
import { EventBuffer } from '../../src/data/generate-event-buffer.js';
import {
  type ActionStyle,
  botProfile,
  noiseProfile,
  type SegmentProfile,
} from '../../src/data/generate-profiles.js';
import { GENERATE_WINDOW, simulateUser } from '../../src/data/generate-user.js';
import { BEHAVIOR_CODE } from '../../src/data/sequence-set.js';
import { randomSource } from '../../src/util/random.js';

const catalog = buildCatalog(500, 10, randomSource(1));

function profile(style: ActionStyle, overrides: Partial<SegmentProfile> = {}): SegmentProfile {
  // A noise profile is a complete human profile; the test fixes the parts it checks.
  return {
    ...noiseProfile(catalog, 60, randomSource(2)),
    actionStyle: style,
    funnel: { cart: 0.2, fav: 0.1, buy: 0.1 },
    ...overrides,
  };
}

/** Session index of each event: a new session starts after more than 30 minutes without events. */
function sessions(out: EventBuffer): Int32Array {
  const s = new Int32Array(out.length);
  for (let e = 1; e < out.length; e++) s[e] = s[e - 1] + (out.ts[e] - out.ts[e - 1] > 1800 ? 1 : 0);
  return s;
}

test('simulateUser: sessions are separated by > 30 min, events inside by <= 25 min, all inside the window (seed 3)', () => {
  const out = new EventBuffer();
  const pending = new EventBuffer();
  const r = randomSource(3);
  for (let u = 0; u < 200; u++) {
    simulateUser(profile('impulse'), catalog, r, out, pending);
    assert.ok(out.length >= 2);
    for (let e = 0; e < out.length; e++) {
      assert.ok(out.ts[e] >= GENERATE_WINDOW.start && out.ts[e] < GENERATE_WINDOW.end);
      assert.equal(out.categories[e], catalog.itemCategory[out.items[e]]);
      if (e > 0) {
        const gap = out.ts[e] - out.ts[e - 1];
        assert.ok(gap >= 1 && (gap <= 1500 || gap > 1800), `gap ${gap}`);
      }
    }
  }
});

test('simulateUser ordering styles (seed 4): impulse acts right after the view, compare at session end, return at the next session start', () => {
  const out = new EventBuffer();
  const pending = new EventBuffer();
  const r = randomSource(4);
  const isAction = (b: number) => b !== BEHAVIOR_CODE.pv;
  let returned = 0;
  for (let u = 0; u < 100; u++) {
    simulateUser(profile('impulse'), catalog, r, out, pending);
    for (let e = 0; e < out.length; e++) {
      if (!isAction(out.behaviors[e])) continue;
      let p = e - 1;
      while (isAction(out.behaviors[p])) p--;
      assert.equal(out.items[p], out.items[e], 'impulse: the action is on the item viewed just before');
    }
    simulateUser(profile('compare'), catalog, r, out, pending);
    const sc = sessions(out);
    for (let e = 1; e < out.length; e++) {
      if (isAction(out.behaviors[e - 1]) && !isAction(out.behaviors[e]))
        assert.notEqual(sc[e - 1], sc[e], 'compare: no view after an action in a session');
    }
    simulateUser(profile('return', { meanSessionViews: 4 }), catalog, r, out, pending);
    const sr = sessions(out);
    const last = sr[out.length - 1];
    for (let e = 1; e < out.length; e++) {
      if (
        sr[e] !== last &&
        sr[e] === sr[e - 1] &&
        isAction(out.behaviors[e]) &&
        !isAction(out.behaviors[e - 1])
      ) {
        assert.fail('return: an action follows a view inside a session other than the last');
      }
      if (sr[e] !== sr[e - 1] && isAction(out.behaviors[e])) returned++;
    }
  }
  assert.ok(returned > 100, `only ${returned} sessions open with a returned action`);
});

test('simulateUser(profile with peakHour 9, spread 1, seed 5) starts sessions near 09:00 local time', () => {
  const out = new EventBuffer();
  const pending = new EventBuffer();
  const r = randomSource(5);
  const hours = new Float64Array(24);
  for (let u = 0; u < 300; u++) {
    simulateUser(
      profile('impulse', { peakHour: 9, hourSpread: 1, meanSessionViews: 20 }),
      catalog,
      r,
      out,
      pending,
    );
    const s = sessions(out);
    for (let e = 0; e < out.length; e++)
      if (e === 0 || s[e] !== s[e - 1])
        hours[Math.floor(((out.ts[e] - GENERATE_WINDOW.start) % 86400) / 3600)]++;
  }
  const total = hours.reduce((a, b) => a + b, 0);
  // normal(9, 1): P(7 <= h < 11) = 0.95; pushes past a previous session only delay a few starts.
  assert.ok((hours[7] + hours[8] + hours[9] + hours[10]) / total > 0.85);
});

test('simulateUser(botProfile, seed 6): hundreds of views at a fixed interval (+-1 s), almost no buys', () => {
  const out = new EventBuffer();
  const pending = new EventBuffer();
  const r = randomSource(6);
  const bot = botProfile(catalog, randomSource(7));
  simulateUser(bot, catalog, r, out, pending);
  assert.ok(out.length >= 300);
  let regular = 0;
  for (let e = 1; e < out.length; e++)
    if (Math.abs(out.ts[e] - out.ts[e - 1] - bot.medianGapSeconds) <= 1) regular++;
  assert.ok(regular / (out.length - 1) > 0.95);
});
