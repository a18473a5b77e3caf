/**
 * Load test of `segscope serve` on loopback: POST /v1/assign with a 30-event user for ~10 s by
 * autocannon (10 connections), the server in its own process. Targets (issue 8): >= 2,000 req/s,
 * p99 < 20 ms, zero errors. No peer: the table compares against those targets.
 * The model: tfidf(dim=32) + kmeans(k=6) fitted on a generated 2,000-user log (seed 21).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BEHAVIORS } from '../src/data/sequence-set.js';
import { generateSequences } from '../src/data/generate.js';
import { fitModel } from '../src/serve/fit-model.js';
import { saveModel } from '../src/serve/saved-model.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (
  o: Record<string, unknown>,
  cb: (err: Error | null, r: AutocannonResult) => void,
) => unknown;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export async function run(argv: readonly string[] = []): Promise<void> {
  const seconds = Number(argv[0] ?? 10);
  const log = generateSequences({
    users: 2000,
    segments: 6,
    difficulty: 'medium',
    seed: 21,
    items: 3000,
    categories: 60,
  });
  const { model, fitted } = await fitModel(log.sequences, {
    id: 'tfidf.dim=32+kmeans.k=6',
    encoder: { name: 'tfidf', params: { dim: 32 } },
    algorithm: { name: 'kmeans', params: { k: 6, nInit: 2 } },
    seed: 21,
  });
  const dir = mkdtempSync(join(tmpdir(), 'segscope-bench-serve-'));
  saveModel(dir, model, fitted);
  const q = log.sequences;
  const events = [];
  for (let e = q.offsets[5]; e < Math.min(q.offsets[6], q.offsets[5] + 30); e++) {
    events.push({
      item: q.itemVocab[q.items[e]],
      category: q.categoryVocab![q.categories![e]],
      behavior: BEHAVIORS[q.behaviors[e]],
      ts: q.ts[e],
    });
  }
  const bin = fileURLToPath(new URL('../../bin/segscope.js', import.meta.url));
  const child = spawn(process.execPath, [bin, 'serve', '--model', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c) => {
        out += c;
        const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const body = JSON.stringify({ user_id: 'bench', events });
    const request = (duration: number) =>
      new Promise<AutocannonResult>((resolve, reject) =>
        autocannon(
          {
            url: `${url}/v1/assign`,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            connections: 10,
            duration,
          },
          (err, r) => (err ? reject(err) : resolve(r)),
        ),
      );
    await request(1); // warm-up (JIT)
    const r = await request(seconds);
    const rows: [string, string, string, string][] = [
      [
        'requests/s (mean)',
        r.requests.average.toFixed(0),
        '>= 2000',
        r.requests.average >= 2000 ? 'ok' : 'MISSED',
      ],
      ['latency p50 ms', r.latency.p50.toFixed(2), '', ''],
      ['latency p99 ms', r.latency.p99.toFixed(2), '< 20', r.latency.p99 < 20 ? 'ok' : 'MISSED'],
      [
        'errors + timeouts + non-2xx',
        String(r.errors + r.timeouts + r.non2xx),
        '0',
        r.errors + r.timeouts + r.non2xx === 0 ? 'ok' : 'MISSED',
      ],
      ['requests total', String(r.requests.total), '', ''],
    ];
    process.stdout.write(
      `POST /v1/assign, ${events.length} events/user, ${seconds} s, 10 connections, loopback\n`,
    );
    for (const row of rows)
      process.stdout.write(`${row[0].padEnd(30)}${row[1].padStart(10)}  ${row[2].padEnd(8)}  ${row[3]}\n`);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
