import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { runCli } from './run-cli.js';
import { main } from '../../src/cli/main.js';
import { generateSequences } from '../../src/data/generate.js';

const run = runCli;

test('segscope generate --json writes events + default truth and a summary matching generateSequences (seed 41)', async () => {
  const d = mkdtempSync(join(tmpdir(), 'segscope-cli-gen-'));
  try {
    const r = await run([
      'generate',
      '--users',
      '300',
      '--segments',
      '3',
      '--difficulty',
      'easy',
      '--seed',
      '41',
      '--out',
      join(d, 'ev.csv'),
      '--json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    const { sequences } = generateSequences({ users: 300, segments: 3, difficulty: 'easy', seed: 41 });
    assert.equal(summary.n_events, sequences.offsets[300]);
    assert.equal(summary.n_users, 300);
    assert.deepEqual(summary.segment_sizes, [100, 100, 100]);
    assert.equal(summary.truth_path, join(d, 'ev.truth.csv'));
    assert.equal(readFileSync(join(d, 'ev.csv'), 'utf8').split('\n').length - 1, sequences.offsets[300]);
    assert.deepEqual(readdirSync(d).sort(), ['ev.csv', 'ev.truth.csv']);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('segscope generate with bad parameters exits 2 naming every bad flag and writes nothing', async () => {
  const d = mkdtempSync(join(tmpdir(), 'segscope-cli-gen-'));
  try {
    const r = await run([
      'generate',
      '--users',
      '-3',
      '--segments',
      '0',
      '--seed',
      '1',
      '--out',
      join(d, 'ev.csv'),
      '--bot-fraction',
      '1.5',
      '--median-views',
      '0',
    ]);
    assert.equal(r.code, 2);
    for (const name of ['--users', '--segments', '--bot-fraction', '--median-views'])
      assert.ok(r.stderr.includes(name), `${name} in ${r.stderr}`);
    const missing = await run(['generate', '--users', '10', '--segments', '2', '--difficulty', 'impossible']);
    assert.equal(missing.code, 2);
    for (const name of ['--difficulty', '--seed', '--out'])
      assert.ok(missing.stderr.includes(name), `${name} in ${missing.stderr}`);
    assert.deepEqual(readdirSync(d), []);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('segscope generate --help lists the difficulty kinds', async () => {
  const r = await run(['generate', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /order-only/);
  assert.match(r.stdout, /activity-only/);
});

test('segscope generate shows progress on a TTY stderr and prints a plain summary without --json', async () => {
  const d = mkdtempSync(join(tmpdir(), 'segscope-cli-gen-'));
  try {
    const stdout = new PassThrough();
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    let out = '';
    let err = '';
    stdout.on('data', (c) => (out += c));
    stderr.on('data', (c) => (err += c));
    const code = await main(
      ['generate', '--users', '2000', '--segments', '2', '--seed', '42', '--out', join(d, 'e.csv')],
      { stdout, stderr },
    );
    assert.equal(code, 0);
    assert.match(err, /generate\s+100% 2000\/2000/);
    assert.match(out, /^wrote \d+ events of 2000 users to .*e\.csv \(csv\)/);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
