import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readNpy } from '../../src/io/npy.js';
import { generateEasyLog, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'segscope-cli-encode-'));
const events = join(dir, 'events.csv');

/** `segscope encode --events <events> --preset taobao --encoder <encoder> <flags>`. */
const encode = (encoder: string, ...flags: string[]) =>
  runCli(['encode', '--events', events, '--preset', 'taobao', '--encoder', encoder, ...flags]);

/** `encode` with `--out <out> --json`, which must exit 0; its JSON summary. */
async function encodeSummary(encoder: string, out: string, ...flags: string[]) {
  const r = await encode(encoder, ...flags, '--out', out, '--json');
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('segscope encode writes vectors.npy and vectors.users.txt in row order (generated taobao log, seed 3)', async () => {
  await generateEasyLog(events, { users: 40, segments: 2, seed: 3 });
  for (const encoder of ['tfidf', 'stats', 'item2vec']) {
    const out = join(dir, `${encoder}.npy`);
    const dim = encoder === 'stats' ? [] : ['--dim', '8'];
    const summary = await encodeSummary(encoder, out, ...dim, '--seed', '1');
    const X = readNpy(out);
    const users = readFileSync(join(dir, `${encoder}.users.txt`), 'utf8')
      .trimEnd()
      .split('\n');
    assert.equal(users.length, 40);
    assert.equal(X.shape[0], 40);
    assert.equal(summary.n_users, 40);
    assert.equal(summary.dim, X.shape[1]);
    assert.equal(summary.encoder, encoder);
    if (encoder !== 'stats') assert.equal(X.shape[1], 8);
  }
  const pre = await encode('precomputed', '--vectors', join(dir, 'tfidf.npy'), '--out', join(dir, 'pre.npy'));
  assert.equal(pre.code, 0, pre.stderr);
  assert.deepEqual(readNpy(join(dir, 'pre.npy')).data, readNpy(join(dir, 'tfidf.npy')).data);
});

test('segscope encode: bad usage and bad input exit 2 with the problem named', async () => {
  const x = join(dir, 'x.npy');
  for (const [encoder, flags, problem] of [
    ['nope', [], /--encoder: "nope" is not one of/],
    ['stats', ['--window', '3'], /stats does not take option\(s\) window/],
    ['text', ['--model-dir', join(dir, 'no-model')], /no-model: model folder not found/],
    ['tfidf', ['--set', 'oops'], /--set: "oops" is not key=value/],
  ] as const) {
    const r = await encode(encoder, ...flags, '--out', x);
    assert.equal(r.code, 2, encoder);
    assert.match(r.stderr, problem);
  }
});

test('segscope encode --set passes options through (tfidf ngramMax=0 via --set, counts encoder)', async () => {
  const out = join(dir, 'counts.npy');
  const summary = await encodeSummary(
    'counts',
    out,
    '--dim',
    '0',
    '--set',
    'ngramMax=0',
    '--tokens',
    'category',
  );
  assert.equal(summary.params.ngramMax, 0);
  assert.equal(summary.params.counts, true);
  assert.equal(summary.encoder, 'counts');
});

test("segscope encode --set takes a list value: stats groups=volume,sessions keeps those groups' features only", async () => {
  const out = join(dir, 'activity.npy');
  const summary = await encodeSummary('stats', out, '--set', 'groups=volume,sessions,standardize=false');
  assert.deepEqual(summary.params.groups, ['volume', 'sessions']);
  assert.equal(summary.params.standardize, false);
  assert.equal(readNpy(out).shape[1], 7);
  const bad = await encode('stats', '--set', 'groups=volume,tempo', '--out', join(dir, 'bad.npy'));
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /groups .* must be a non-empty list/);
});
