import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { saveModel } from '../../src/serve/saved-model.js';
import { smallModel } from './fixture-model.js';

const BIN = fileURLToPath(new URL('../../../bin/segscope.js', import.meta.url));

/** Start `segscope serve` on a free loopback port; resolve with the child and its base URL. */
function startServer(modelDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--model', modelDir, '--port', '0', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

test('kill -9 during a stream of /v1/events loses nothing acknowledged; the restart replays it; SIGTERM exits 0', {
  timeout: 120_000,
}, async () => {
  const { model, fitted } = await smallModel('stats');
  const dir = mkdtempSync(join(tmpdir(), 'segscope-restart-'));
  try {
    saveModel(dir, model, fitted);
    const first = await startServer(dir);
    const acked: string[] = [];
    let sent = 0;
    let stop = false;
    // 4 concurrent writers, each sending numbered batches until the server dies (bounded: 2,000 batches).
    const writer = async (w: number) => {
      while (!stop && sent < 2000) {
        const id = `w${w}-${sent++}`;
        try {
          const r = await fetch(`${first.url}/v1/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              user_id: `u${w}`,
              events: [{ item: id, behavior: 'pv', ts: 1_700_000_000 + sent }],
            }),
          });
          if (r.status === 200) acked.push(id);
        } catch {
          return; // connection refused or reset: the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acked.length < 150) await new Promise((r) => setTimeout(r, 5));
    const died = exited(first.child);
    first.child.kill('SIGKILL');
    await died;
    stop = true;
    await Promise.all(writers);
    assert.ok(acked.length >= 150);
    const journal = readFileSync(join(dir, 'events.jsonl'), 'utf8');
    const persisted = new Set<string>();
    for (const line of journal.split('\n')) {
      try {
        for (const e of JSON.parse(line).events) persisted.add(e.item);
      } catch {
        // a torn final line is allowed (never acknowledged)
      }
    }
    for (const id of acked) assert.ok(persisted.has(id), `acknowledged ${id} is not in the journal`);

    const second = await startServer(dir);
    const metrics = await (await fetch(`${second.url}/metrics`)).text();
    const replayed = Number(/^segscope_events_replayed (\d+)$/m.exec(metrics)![1]);
    assert.ok(replayed >= acked.length, `replayed ${replayed} < acknowledged ${acked.length}`);
    const more = await fetch(`${second.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 'after', events: [{ item: 'z', behavior: 'pv', ts: 1 }] }),
    });
    assert.equal(more.status, 200);
    const done = exited(second.child);
    second.child.kill('SIGTERM');
    assert.equal(await done, 0);
    assert.match(readFileSync(join(dir, 'events.jsonl'), 'utf8'), /"user_id":"after"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
