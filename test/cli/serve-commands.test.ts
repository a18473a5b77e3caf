import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateEasyLog, runCli } from './run-cli.js';

const run = runCli;

test('segscope run -> export -> drift on a generated log (seed 3); serve refuses a public host without a token', {
  timeout: 180_000,
}, async () => {
  const d = mkdtempSync(join(tmpdir(), 'segscope-cli-serve-'));
  try {
    const events = join(d, 'ev.csv');
    await generateEasyLog(
      events,
      { users: 200, segments: 3, seed: 3 },
      '--items',
      '300',
      '--categories',
      '20',
    );
    const config = join(d, 'cfg.json');
    writeFileSync(
      config,
      JSON.stringify({
        encoders: [{ name: 'stats' }],
        algorithms: [{ name: 'kmeans', params: { k: [3] } }],
        resamples: 1,
        nullReplicates: 1,
        bootstrap: 20,
        permutations: 2,
      }),
    );
    const load = ['--preset', 'taobao', '--bot-per-minute', '0', '--bot-per-day', '0'];
    assert.equal(
      (await run(['run', '--events', events, ...load, '--config', config, '--out', join(d, 'run')])).code,
      0,
    );
    const model = join(d, 'model');
    const ex = await run(['export', '--results', join(d, 'run'), '--out', model, ...load, '--json']);
    assert.equal(ex.code, 0, ex.stderr);
    assert.deepEqual(JSON.parse(ex.stdout).segments, 3);
    // Without the load flags, export reads the log as the run recorded it and writes the same model.
    const again = await run(['export', '--results', join(d, 'run'), '--out', join(d, 'model2'), '--json']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(
      readFileSync(join(d, 'model2', 'model.json'), 'utf8'),
      readFileSync(join(model, 'model.json'), 'utf8'),
    );
    const tags = readFileSync(join(model, 'tags.csv'), 'utf8').trim().split('\n');
    assert.equal(tags[0], 'user_id,segment,tag');
    // By default the run's history is fit: the exported segments are the run's labels.
    const results = JSON.parse(readFileSync(join(d, 'run', 'results.json'), 'utf8'));
    const summary = JSON.parse(ex.stdout);
    assert.equal(summary.fit_on, 'history');
    assert.deepEqual(summary.bounds, {
      fit_users: 2000,
      quadratic_fit_users: 2000,
      encoder_fit_sample: results.dataset.n_history_users,
      cluster_fit_rows: results.dataset.n_history_users,
    });
    const runLabels = readFileSync(join(d, 'run', 'labels', `${results.winner}.csv`), 'utf8')
      .trim()
      .split('\n');
    assert.deepEqual(
      tags.slice(1).map((l) => l.split(',').slice(0, 2).join(',')),
      runLabels.slice(1),
    );
    const whole = await run([
      'export',
      '--results',
      join(d, 'run'),
      '--out',
      join(d, 'model-log'),
      '--fit-on',
      'log',
      '--json',
    ]);
    assert.equal(whole.code, 0, whole.stderr);
    assert.equal(JSON.parse(whole.stdout).fit_on, 'log');
    assert.equal(
      readFileSync(join(d, 'model-log', 'tags.csv'), 'utf8')
        .trim()
        .split('\n').length,
      201,
    );
    const unknown = await run([
      'export',
      '--results',
      join(d, 'run'),
      '--candidate',
      'nope',
      '--out',
      model,
      ...load,
    ]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no candidate "nope"/);
    const drift = await run([
      'drift',
      '--events',
      events,
      ...load,
      '--model',
      model,
      '--window',
      '2d',
      '--json',
    ]);
    assert.equal(drift.code, 0, drift.stderr);
    const windows = JSON.parse(drift.stdout).windows;
    assert.ok(windows.length >= 2);
    for (const w of windows) {
      assert.equal(
        w.sizes.reduce((a: number, b: number) => a + b, 0),
        w.users,
      );
      assert.ok(w.psi >= 0);
    }
    const open = await run(['serve', '--model', model, '--host', '0.0.0.0']);
    assert.equal(open.code, 2);
    assert.match(open.stderr, /needs --token/);
    const missing = await run(['serve', '--model', join(d, 'none')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no model folder/);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
