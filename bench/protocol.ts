/**
 * The default `segscope run` on a generated log of about SEGSCOPE_BENCH_EVENTS events (default 1M,
 * the target: under 10 minutes on the 2-core machine), with the time per phase (fits of the
 * full history, the stability reruns and the null logs; each facet; the bootstrap ranking), CPU
 * seconds (steadier than wall time on a shared machine), the load average, what the large-log
 * bounds came to, and peak memory. There is no peer that runs this protocol, so no ratio: the table
 * is segscope's own budget.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSequences } from '../src/data/generate.js';
import { writeGeneratedLog } from '../src/data/generate-writer.js';
import { loadSequences } from '../src/data/load.js';
import { DEFAULT_PROTOCOL } from '../src/evaluate/protocol-config.js';
import { runProtocol } from '../src/evaluate/run-protocol.js';
import { readTruthFile } from '../src/io/truth-file.js';

export async function run(): Promise<void> {
  const target = Number(process.env.SEGSCOPE_BENCH_EVENTS ?? 1_000_000);
  const options = { segments: 6, difficulty: 'medium' as const, seed: 1 };
  const sample = generateSequences({ ...options, users: 1000 }).sequences;
  const users = Math.max(50, Math.round(target / (sample.offsets[1000] / 1000)));
  const dir = mkdtempSync(join(tmpdir(), 'segscope-bench-protocol-'));
  try {
    const eventsPath = join(dir, 'events.csv');
    const truthPath = join(dir, 'events.truth.csv');
    const summary = await writeGeneratedLog({ ...options, users }, { eventsPath, truthPath });
    const load0 = loadavg();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { sequences, report } = await loadSequences({ path: eventsPath, preset: 'taobao' });
    const loadSeconds = (performance.now() - t0) / 1000;
    const results = await runProtocol({
      sequences,
      cleaning: report,
      truth: readTruthFile(truthPath),
      config: DEFAULT_PROTOCOL,
      outDir: join(dir, 'out'),
    });
    const total = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `protocol (default grid, ${results.candidates.length} candidates) on ${summary.events} events of ${users} users`,
    );
    console.log('  | phase | seconds |');
    console.log('  |---|---:|');
    console.log(`  | load + clean | ${loadSeconds.toFixed(1)} |`);
    for (const [phase, seconds] of Object.entries(results.reproducibility.timings))
      console.log(`  | ${phase} | ${seconds.toFixed(1)} |`);
    console.log(`  | total | ${total.toFixed(1)} |`);
    console.log(
      `  CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user + system); load average ${load0.map((x) => x.toFixed(2)).join(' ')} at start, ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} at end`,
    );
    console.log(`  large-log bounds: ${JSON.stringify(results.protocol.large_log)}`);
    console.log(
      `  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; target: total under 600 s`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
