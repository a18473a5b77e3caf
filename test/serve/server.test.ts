import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ServedModel } from '../../src/serve/served-model.js';
import { buildServer } from '../../src/serve/server.js';
import { randomSource } from '../../src/util/random.js';
import { smallModel } from './fixture-model.js';

let app: FastifyInstance;
let dir: string;
let log: Awaited<ReturnType<typeof smallModel>>['log'];
let served: ServedModel;

/** The first user's events as the service takes them. */
function userEvents(s: number) {
  const q = log.sequences;
  const out = [];
  for (let e = q.offsets[s]; e < q.offsets[s + 1]; e++) {
    out.push({
      item: q.itemVocab[q.items[e]],
      category: q.categoryVocab![q.categories![e]],
      behavior: (['pv', 'cart', 'fav', 'buy', 'search', 'other'] as const)[q.behaviors[e]],
      ts: q.ts[e],
    });
  }
  return out;
}

before(async () => {
  const fixture = await smallModel('tfidf');
  log = fixture.log;
  dir = mkdtempSync(join(tmpdir(), 'segscope-serve-'));
  served = await ServedModel.create(JSON.parse(JSON.stringify(fixture.model)));
  app = await buildServer({
    model: served,
    journalPath: join(dir, 'events.jsonl'),
    token: 'test-token-0123456789',
    fittedSegments: new Map([['fitted-user', 1]]),
    bodyLimit: 64 * 1024,
  });
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const auth = { authorization: 'Bearer test-token-0123456789' };

test('POST /v1/assign returns segment, distance, tag and risk equal to ServedModel.assign', async () => {
  const events = userEvents(0);
  const r = await app.inject({
    method: 'POST',
    url: '/v1/assign',
    headers: auth,
    payload: { user_id: log.sequences.users[0], events },
  });
  assert.equal(r.statusCode, 200);
  const body = r.json();
  const { sequencesFromEvents } = await import('../../src/serve/event-sequences.js');
  const [expected] = await served.assign(sequencesFromEvents([{ user: 'x', events }]));
  assert.deepEqual(
    { segment: body.segment, distance: body.distance, tag: body.tag, risk: body.risk },
    expected,
  );
});

test("POST /v1/recommend returns k items without the user's bought items", async () => {
  const events = [
    ...userEvents(1).slice(0, 50),
    { item: log.sequences.itemVocab[0], behavior: 'buy' as const, ts: 1e9 },
  ];
  const r = await app.inject({
    method: 'POST',
    url: '/v1/recommend',
    headers: auth,
    payload: { user_id: 'r1', events, k: 5 },
  });
  assert.equal(r.statusCode, 200);
  const items: { item: string }[] = r.json().items;
  assert.equal(items.length, 5);
  const bought = new Set(events.filter((e) => e.behavior === 'buy').map((e) => e.item));
  for (const { item } of items) assert.ok(!bought.has(item));
});

test('POST /v1/recommend by a fitted user id alone answers from the segment list', async () => {
  const r = await app.inject({
    method: 'POST',
    url: '/v1/recommend',
    headers: auth,
    payload: { user_id: 'fitted-user', k: 3 },
  });
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().segment, 1);
  assert.deepEqual(
    r.json().items.map((i: { item: string }) => i.item),
    served.model.items.per_segment[1].slice(0, 3).map((i) => i.item),
  );
});

test('POST /v1/events persists the batch before answering; assign and recommend then work by user id', async () => {
  const events = userEvents(2).slice(0, 5);
  const r = await app.inject({
    method: 'POST',
    url: '/v1/events',
    headers: auth,
    payload: { user_id: 'e1', events },
  });
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().accepted, 5);
  const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8').trim().split('\n');
  assert.deepEqual(JSON.parse(lines.at(-1)!), { user_id: 'e1', events });
  const a = await app.inject({
    method: 'POST',
    url: '/v1/assign',
    headers: auth,
    payload: { user_id: 'e1', events: [] },
  });
  assert.equal(a.statusCode, 200);
  assert.equal(a.json().segment, r.json().segment);
  const none = await app.inject({
    method: 'POST',
    url: '/v1/assign',
    headers: auth,
    payload: { user_id: 'never-seen', events: [] },
  });
  assert.equal(none.statusCode, 400);
});

test('GET /v1/segments, /healthz and /metrics (Prometheus text)', async () => {
  const s = await app.inject({ method: 'GET', url: '/v1/segments', headers: auth });
  assert.equal(s.statusCode, 200);
  assert.equal(s.json().segments.length, 3);
  assert.ok(typeof s.json().segments[0].tag === 'string');
  const h = await app.inject({ method: 'GET', url: '/healthz' });
  assert.deepEqual(h.json(), { status: 'ok', model: 'tfidf+kmeans.k=3', format_version: 1, segments: 3 });
  const m = await app.inject({ method: 'GET', url: '/metrics', headers: auth });
  assert.match(m.headers['content-type'] as string, /^text\/plain/);
  assert.match(m.body, /^segscope_requests_total\{route="\/v1\/assign",status="200"\} \d+$/m);
  assert.match(m.body, /^segscope_events_accepted_total 5$/m);
  assert.match(m.body, /^segscope_segment_size\{segment="0"\} \d+$/m);
});

test('bearer token: 401 without it on /v1 routes; /healthz stays open', async () => {
  const r = await app.inject({ method: 'GET', url: '/v1/segments' });
  assert.equal(r.statusCode, 401);
  const w = await app.inject({
    method: 'GET',
    url: '/v1/segments',
    headers: { authorization: 'Bearer wrong' },
  });
  assert.equal(w.statusCode, 401);
});

test('schema errors are 400 naming the field; oversized bodies 413; bad JSON 400; unknown route 404; no stack traces', async () => {
  const cases: [unknown, RegExp][] = [
    [{ events: [] }, /user_id/],
    [{ user_id: 'u', events: [{ item: 'a', behavior: 'look', ts: 1 }] }, /behavior/],
    [{ user_id: 'u', events: [{ item: 'a', behavior: 'pv', ts: '1' }] }, /ts/],
    [{ user_id: 'u', events: [], extra: 1 }, /additional/],
  ];
  for (const [payload, field] of cases) {
    const r = await app.inject({
      method: 'POST',
      url: '/v1/assign',
      headers: auth,
      payload: payload as object,
    });
    assert.equal(r.statusCode, 400, JSON.stringify(payload));
    assert.match(r.json().message, field);
    assert.ok(!/at .*\.js:\d+/.test(r.body));
  }
  const big = await app.inject({
    method: 'POST',
    url: '/v1/assign',
    headers: { ...auth, 'content-type': 'application/json' },
    payload: JSON.stringify({ user_id: 'u', events: [], pad: 'x'.repeat(70 * 1024) }),
  });
  assert.equal(big.statusCode, 413);
  const bad = await app.inject({
    method: 'POST',
    url: '/v1/assign',
    headers: { ...auth, 'content-type': 'application/json' },
    payload: '{"user_id":',
  });
  assert.equal(bad.statusCode, 400);
  assert.equal((await app.inject({ method: 'GET', url: '/v2/nothing', headers: auth })).statusCode, 404);
});

test('fuzz (seed 5, 400 mutated bodies over the three request schemas): never a 5xx', async () => {
  const random = randomSource(5);
  const pick = <T>(xs: readonly T[]): T => xs[random.int(xs.length)];
  const junk = [
    null,
    true,
    -1,
    0,
    1e308,
    Number.MAX_SAFE_INTEGER,
    '',
    'x'.repeat(300),
    [],
    {},
    [1, 2],
    { a: 1 },
    'pv',
    'buy',
    1.5,
  ];
  const valid = () => ({
    user_id: `u${random.int(50)}`,
    events: userEvents(random.int(20)).slice(0, 1 + random.int(5)),
    k: 1 + random.int(20),
  });
  for (let i = 0; i < 400; i++) {
    const body: Record<string, unknown> = valid();
    const url = pick(['/v1/assign', '/v1/recommend', '/v1/events']);
    if (url !== '/v1/recommend') delete body.k;
    const mutations = 1 + random.int(3);
    for (let m = 0; m < mutations; m++) {
      const where = random.int(3);
      if (where === 0) body[pick(['user_id', 'events', 'k', 'zzz'])] = pick(junk);
      else if (where === 1 && Array.isArray(body.events) && body.events.length > 0) {
        const ev = body.events[random.int(body.events.length)] as Record<string, unknown>;
        ev[pick(['item', 'category', 'behavior', 'ts', 'other'])] = pick(junk);
      } else if (where === 2) delete body[pick(['user_id', 'events'])];
    }
    const raw = random.uniform() < 0.1 ? JSON.stringify(body).slice(0, random.int(40)) : JSON.stringify(body);
    const r = await app.inject({
      method: 'POST',
      url,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: raw,
    });
    assert.ok(r.statusCode < 500, `${url} ${raw} -> ${r.statusCode} ${r.body}`);
  }
});
