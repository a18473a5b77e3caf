/**
 * Ingest benchmark: a `segscope generate` log of about 10M events (taobao schema, CSV) ->
 * SequenceSet through loadSequences with default cleaning. Prints throughput (events/s, wall and
 * per CPU-second), peak RSS and the SequenceSet's bytes per event. The peer is pandas (read_csv,
 * sort, groupby into per-user lists) run as a subprocess on the same file in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSequences } from '../src/data/load.js';
import { sequenceSetBytes } from '../src/data/sequence-memory.js';
import { writeGeneratedLog } from '../src/data/generate-writer.js';

const PANDAS = `
import sys, time, pandas as pd
t = time.perf_counter()
c = time.process_time()
df = pd.read_csv(sys.argv[1], header=None, names=['u','i','c','b','t'], dtype={'b': 'category'})
df = df.sort_values(['u','t'], kind='stable')
g = df.groupby('u', sort=False)['i'].apply(list)
print(time.perf_counter() - t, time.process_time() - c, len(g))
`;

/** Run the benchmark; `events` defaults to 10M (env SEGSCOPE_BENCH_EVENTS overrides). */
export async function run(): Promise<void> {
  const events = Number(process.env.SEGSCOPE_BENCH_EVENTS ?? 10_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'segscope-ingest-'));
  try {
    const path = join(dir, 'events.csv');
    const g0 = performance.now();
    // Calibrate users per event on a small log with the same settings, then generate the big one.
    const pilot = await writeGeneratedLog(
      { users: 2000, segments: 8, seed: 7 },
      { eventsPath: join(dir, 'pilot.csv') },
    );
    const log = await writeGeneratedLog(
      { users: Math.ceil((events * pilot.users) / pilot.events), segments: 8, seed: 7 },
      { eventsPath: path },
    );
    const genSeconds = (performance.now() - g0) / 1000;
    const mb = statSync(path).size / 2 ** 20;
    console.log(
      `ingest: generated ${log.events.toLocaleString('en')} events, ${log.users.toLocaleString('en')} users (${log.bots} bots), ${mb.toFixed(0)} MiB CSV in ${genSeconds.toFixed(1)} s`,
    );
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { sequences, report } = await loadSequences({ path, preset: 'taobao' });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    // CPU time (all threads) says what the work costs when other jobs share the cores.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const kept = sequences.items.length;
    const bytes = sequenceSetBytes(sequences);
    const rows: [string, string][] = [
      ['events kept / read', `${kept.toLocaleString('en')} / ${report.rowsRead.toLocaleString('en')}`],
      ['sequences', sequences.users.length.toLocaleString('en')],
      ['segscope load (s)', seconds.toFixed(2)],
      ['segscope events/s (wall)', Math.round(report.rowsRead / seconds).toLocaleString('en')],
      ['segscope CPU s (all threads)', cpuSeconds.toFixed(2)],
      ['segscope events per CPU-s', Math.round(report.rowsRead / cpuSeconds).toLocaleString('en')],
      ['peak RSS (MiB)', (peak / 2 ** 20).toFixed(0)],
      ['SequenceSet bytes/event', (bytes / kept).toFixed(2)],
    ];
    const py = spawnSync('/usr/bin/python3', ['-c', PANDAS, path], { encoding: 'utf8' });
    if (py.status === 0) {
      const [peerSeconds, peerCpu] = py.stdout.trim().split(/\s+/).map(Number);
      rows.push(
        ['pandas read+sort+group (s)', peerSeconds.toFixed(2)],
        ['pandas CPU s', peerCpu.toFixed(2)],
        ['ratio pandas / segscope (wall)', (peerSeconds / seconds).toFixed(2)],
        ['ratio pandas / segscope (CPU)', (peerCpu / cpuSeconds).toFixed(2)],
      );
    } else rows.push(['pandas peer', `not run (${(py.stderr || 'no pandas').trim().split('\n').pop()})`]);
    rows.push(['load average (1 min)', os.loadavg()[0].toFixed(1)]);
    const width = Math.max(...rows.map(([k]) => k.length)) + 2;
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}${v}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
