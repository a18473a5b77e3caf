/**
 * Throughput of the streaming generator: `writeGeneratedLog` to a Taobao-schema CSV of about
 * SEGSCOPE_BENCH_EVENTS events (default 10M), with peak memory; the peer is pandas `to_csv` of a
 * frame with the same number of rows and columns (writing only, no simulation), run in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSequences } from '../src/data/generate.js';
import { writeGeneratedLog } from '../src/data/generate-writer.js';

const PEER = `
import sys, time, numpy as np, pandas as pd
n = int(sys.argv[1]); rng = np.random.default_rng(0)
df = pd.DataFrame({'u': rng.integers(1, 10**6, n), 'i': rng.integers(10**6, 5*10**6, n), 'c': rng.integers(1000, 2000, n),
  'b': np.array(['pv', 'cart', 'fav', 'buy'])[rng.integers(0, 4, n)], 't': rng.integers(1511539200, 1512316800, n)})
t0 = time.perf_counter(); df.to_csv(sys.argv[2], header=False, index=False); print(time.perf_counter() - t0)
`;

export async function run(): Promise<void> {
  const target = Number(process.env.SEGSCOPE_BENCH_EVENTS ?? 10_000_000);
  const options = { segments: 8, difficulty: 'medium' as const, seed: 1 };
  const sample = generateSequences({ ...options, users: 2000 }).sequences;
  const users = Math.max(1, Math.round(target / (sample.offsets[2000] / 2000)));
  const dir = mkdtempSync(join(tmpdir(), 'segscope-bench-gen-'));
  try {
    const eventsPath = join(dir, 'events.csv');
    const t0 = performance.now();
    const summary = await writeGeneratedLog({ ...options, users }, { eventsPath });
    const seconds = (performance.now() - t0) / 1000;
    const bytes = statSync(eventsPath).size;
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    const peer = spawnSync('/usr/bin/python3', ['-c', PEER, String(summary.events), join(dir, 'peer.csv')], {
      encoding: 'utf8',
    });
    const peerSeconds = peer.status === 0 ? Number(peer.stdout.trim()) : Number.NaN;
    console.log('generate (writeGeneratedLog, medium, 8 segments, CSV)');
    console.log(`  users ${users}, events ${summary.events}, file ${(bytes / 2 ** 20).toFixed(0)} MiB`);
    console.log('  | what | seconds | events/s |');
    console.log(
      `  | segscope generate + write | ${seconds.toFixed(2)} | ${(summary.events / seconds).toExponential(2)} |`,
    );
    if (peer.status === 0) {
      console.log(
        `  | pandas to_csv (write only) | ${peerSeconds.toFixed(2)} | ${(summary.events / peerSeconds).toExponential(2)} |`,
      );
      console.log(`  ratio pandas / segscope time: ${(peerSeconds / seconds).toFixed(2)}`);
    } else console.log(`  peer not run: ${peer.stderr.trim().split('\n').pop()}`);
    console.log(`  peak RSS of this process ${peakMiB.toFixed(0)} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
