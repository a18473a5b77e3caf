import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { readNpy } from '../../src/io/npy.js';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stderr.on('data', (c) => {
    err += c;
  });
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

const dir = mkdtempSync(join(tmpdir(), 'segscope-cli-encode-'));
const events = join(dir, 'events.csv');

test('segscope encode writes vectors.npy and vectors.users.txt in row order (generated taobao log, seed 3)', async () => {
  const g = io();
  assert.equal(
    await main(
      [
        'generate',
        '--users',
        '40',
        '--segments',
        '2',
        '--difficulty',
        'easy',
        '--seed',
        '3',
        '--out',
        events,
      ],
      g.io,
    ),
    0,
  );
  for (const encoder of ['tfidf', 'stats', 'item2vec']) {
    const r = io();
    const out = join(dir, `${encoder}.npy`);
    const code = await main(
      [
        'encode',
        '--events',
        events,
        '--preset',
        'taobao',
        '--encoder',
        encoder,
        '--dim',
        encoder === 'stats' ? '' : '8',
        '--seed',
        '1',
        '--out',
        out,
        '--json',
      ].filter((a, i, all) => !(encoder === 'stats' && (a === '--dim' || all[i - 1] === '--dim'))),
      r.io,
    );
    assert.equal(code, 0, r.err());
    const summary = JSON.parse(r.out());
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
  const pre = io();
  const code = await main(
    [
      'encode',
      '--events',
      events,
      '--preset',
      'taobao',
      '--encoder',
      'precomputed',
      '--vectors',
      join(dir, 'tfidf.npy'),
      '--out',
      join(dir, 'pre.npy'),
    ],
    pre.io,
  );
  assert.equal(code, 0, pre.err());
  assert.deepEqual(readNpy(join(dir, 'pre.npy')).data, readNpy(join(dir, 'tfidf.npy')).data);
});

test('segscope encode: bad usage and bad input exit 2 with the problem named', async () => {
  const missing = io();
  assert.equal(
    await main(
      ['encode', '--events', events, '--preset', 'taobao', '--encoder', 'nope', '--out', join(dir, 'x.npy')],
      missing.io,
    ),
    2,
  );
  assert.match(missing.err(), /--encoder: "nope" is not one of/);
  const wrongOption = io();
  assert.equal(
    await main(
      [
        'encode',
        '--events',
        events,
        '--preset',
        'taobao',
        '--encoder',
        'stats',
        '--window',
        '3',
        '--out',
        join(dir, 'x.npy'),
      ],
      wrongOption.io,
    ),
    2,
  );
  assert.match(wrongOption.err(), /stats does not take option\(s\) window/);
  const noModel = io();
  assert.equal(
    await main(
      [
        'encode',
        '--events',
        events,
        '--preset',
        'taobao',
        '--encoder',
        'text',
        '--model-dir',
        join(dir, 'no-model'),
        '--out',
        join(dir, 'x.npy'),
      ],
      noModel.io,
    ),
    2,
  );
  assert.match(noModel.err(), /no-model: model folder not found/);
  const badSet = io();
  assert.equal(
    await main(
      [
        'encode',
        '--events',
        events,
        '--preset',
        'taobao',
        '--encoder',
        'tfidf',
        '--set',
        'oops',
        '--out',
        join(dir, 'x.npy'),
      ],
      badSet.io,
    ),
    2,
  );
  assert.match(badSet.err(), /--set: "oops" is not key=value/);
});

test('segscope encode --set passes options through (tfidf ngramMax=0 via --set, counts encoder)', async () => {
  const r = io();
  const out = join(dir, 'counts.npy');
  assert.equal(
    await main(
      [
        'encode',
        '--events',
        events,
        '--preset',
        'taobao',
        '--encoder',
        'counts',
        '--dim',
        '0',
        '--set',
        'ngramMax=0',
        '--tokens',
        'category',
        '--out',
        out,
        '--json',
      ],
      r.io,
    ),
    0,
    r.err(),
  );
  const summary = JSON.parse(r.out());
  assert.equal(summary.params.ngramMax, 0);
  assert.equal(summary.params.counts, true);
  assert.equal(summary.encoder, 'counts');
});

test("segscope encode --set takes a list value: stats groups=volume,sessions keeps those groups' features only", async () => {
  const r = io();
  const out = join(dir, 'activity.npy');
  const args = ['encode', '--events', events, '--preset', 'taobao', '--encoder', 'stats'];
  assert.equal(
    await main([...args, '--set', 'groups=volume,sessions,standardize=false', '--out', out, '--json'], r.io),
    0,
    r.err(),
  );
  const summary = JSON.parse(r.out());
  assert.deepEqual(summary.params.groups, ['volume', 'sessions']);
  assert.equal(summary.params.standardize, false);
  assert.equal(readNpy(out).shape[1], 7);
  const bad = io();
  assert.equal(
    await main([...args, '--set', 'groups=volume,tempo', '--out', join(dir, 'bad.npy')], bad.io),
    2,
  );
  assert.match(bad.err(), /groups .* must be a non-empty list/);
});
