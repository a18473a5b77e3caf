import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './run-cli.js';
import { smallProtocolRun } from '../report/protocol-fixture.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(argv);
  return { code, out: stdout, err: stderr };
}

test('segscope report --results DIR/results.json --out FILE writes the HTML card and report.md beside it', async () => {
  const { dir } = await smallProtocolRun();
  const results = join(dir, 'run', 'results.json');
  const out = join(dir, 'card.html');
  const r = await cli('report', '--results', results, '--out', out);
  assert.equal(r.code, 0, r.err);
  assert.ok(readFileSync(out, 'utf8').includes('<section id="leaderboard">'));
  assert.ok(readFileSync(join(dir, 'report.md'), 'utf8').startsWith('# segscope evaluation card'));
  assert.match(r.out, /report: .*card\.html/);
  // Without --out: report.html next to results.json.
  assert.equal((await cli('report', '--results', results)).code, 0);
  assert.ok(existsSync(join(dir, 'run', 'report.html')));
});

test('segscope report on a file that is not results.json exits 2 naming the file; nothing written', async () => {
  const { dir } = await smallProtocolRun();
  const bad = join(dir, 'not-results.json');
  writeFileSync(bad, '[1, 2]');
  const r = await cli('report', '--results', bad, '--out', join(dir, 'bad.html'));
  assert.equal(r.code, 2);
  assert.match(r.err, /not-results\.json: not a segscope results\.json/);
  assert.ok(!existsSync(join(dir, 'bad.html')));
  assert.equal((await cli('report')).code, 2);
});
