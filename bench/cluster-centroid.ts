/**
 * k-means and mini-batch k-means against scikit-learn, same data, same run:
 * - Lloyd, 100,000 x 64, k = 20, 20 iterations (maxIter 20, tol 0), one k-means++ init, vs
 *   KMeans(algorithm='lloyd', n_init=1, max_iter=20, tol=0); also Hamerly vs scikit-learn's Elkan.
 *   Each side: best of 3 fits after a warm-up (wall time, with that fit's CPU seconds, all threads);
 *   scikit-learn's time covers `fit` only. The two sides alternate for ROUNDS rounds (`--rounds N`),
 *   so drifting machine load falls on both; the table gives each round's ratio and their median.
 * - Mini-batch k-means, 1,000,000 x 64, k = 20, batch 1024, in a child process so its peak RSS is
 *   its own; scikit-learn's MiniBatchKMeans (n_init=1) on the same .npy for time and peak memory.
 * Target (issue 3): Lloyd ratio <= 0.5; mini-batch peak < 4 GB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KMeans, type KMeansAlgorithm } from '../src/cluster/kmeans.js';
import { MiniBatchKMeans } from '../src/cluster/minibatch-kmeans.js';
import { quantile } from '../src/evaluate/bootstrap.js';
import { writeNpy } from '../src/io/npy.js';
import { kernelBackend } from '../src/kernels/kernels.js';
import type { Matrix } from '../src/util/matrix.js';
import { randomSource } from '../src/util/random.js';

const PYTHON = '/usr/bin/python3';

/** n points around k Gaussian centers (scale `spread`) in d dims, unit noise; seeded. */
function blobs(n: number, d: number, k: number, spread: number, seed: number): Matrix {
  const random = randomSource(seed);
  const centers = new Float32Array(k * d).map(() => random.normal() * spread);
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = random.int(k);
    for (let j = 0; j < d; j++) data[i * d + j] = centers[c * d + j] + random.normal();
  }
  return { rows: n, cols: d, data };
}

function python(script: string, ...args: string[]): Record<string, number> {
  const r = spawnSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`scikit-learn run failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const SKLEARN_KMEANS = `
import json, resource, sys, time, numpy as np
from sklearn.cluster import KMeans
X = np.load(sys.argv[1]); algo = sys.argv[2]
KMeans(n_clusters=20, algorithm=algo, n_init=1, max_iter=20, tol=0, random_state=0).fit(X[:2000])
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
best = None
for rep in range(3):
    c = cpu(); t = time.perf_counter(); km = KMeans(n_clusters=20, algorithm=algo, n_init=1, max_iter=20, tol=0, random_state=rep).fit(X)
    s = time.perf_counter() - t; c = cpu() - c
    if best is None or s < best[0]: best = (s, km, c)
print(json.dumps({"seconds": best[0], "cpu": best[2], "n_iter": int(best[1].n_iter_), "inertia": float(best[1].inertia_)}))
`;

const SKLEARN_MINIBATCH = `
import json, resource, sys, time, numpy as np
from sklearn.cluster import MiniBatchKMeans
X = np.load(sys.argv[1])
t = time.perf_counter(); mb = MiniBatchKMeans(n_clusters=20, n_init=1, batch_size=1024, random_state=0).fit(X)
s = time.perf_counter() - t
print(json.dumps({"seconds": s, "n_steps": int(mb.n_steps_), "inertia": float(mb.inertia_),
                  "peak_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
`;

interface KMeansTiming {
  seconds: number;
  /** CPU seconds of the process (all threads) during the same fit. */
  cpu: number;
  nIter: number;
  inertia: number;
}

async function segscopeKMeans(X: Matrix, algorithm: KMeansAlgorithm): Promise<KMeansTiming> {
  await new KMeans({ k: 20, maxIter: 20, tol: 0, algorithm }).fit({
    rows: 2000,
    cols: X.cols,
    data: X.data.subarray(0, 2000 * X.cols),
  });
  let best: KMeansTiming | undefined;
  for (let rep = 0; rep < 3; rep++) {
    const c = process.cpuUsage();
    const t = performance.now();
    const km = await new KMeans({ k: 20, maxIter: 20, tol: 0, nInit: 1, seed: rep, algorithm }).fit(X);
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(c);
    const cpu = (used.user + used.system) / 1e6;
    if (best === undefined || seconds < best.seconds)
      best = { seconds, cpu, nIter: km.nIter, inertia: km.inertia };
  }
  return best!;
}

/** Child-process body: generate 1M x 64, save it for scikit-learn, fit, report time and peak RSS. */
async function miniBatchChild(dir: string): Promise<void> {
  const X = blobs(1_000_000, 64, 20, 0.5, 7);
  writeNpy(join(dir, 'mb.npy'), { dtype: 'float32', shape: [X.rows, X.cols], data: X.data });
  const t = performance.now();
  const mb = await new MiniBatchKMeans({ k: 20, seed: 0, batchSize: 1024 }).fit(X);
  const seconds = (performance.now() - t) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ seconds, n_steps: mb.nSteps, inertia: mb.inertia, peak_bytes: peak })}\n`,
  );
}

/** Rounds of (segscope best of 3, scikit-learn best of 3) per k-means row. */
const ROUNDS = 3;

/** `--rounds N` from the bench's arguments, else ROUNDS. */
function roundsFrom(argv: readonly string[]): number {
  const at = argv.indexOf('--rounds');
  if (at < 0) return ROUNDS;
  const r = Number(argv[at + 1]);
  if (!Number.isInteger(r) || r < 1)
    throw new RangeError(`--rounds (${argv[at + 1]}) must be a positive integer`);
  return r;
}

const median = (values: readonly number[]): number =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

export async function run(argv: readonly string[] = []): Promise<void> {
  const rounds = roundsFrom(argv);
  const dir = mkdtempSync(join(tmpdir(), 'segscope-bench-centroid-'));
  try {
    const X = blobs(100_000, 64, 20, 0.3, 42);
    const path = join(dir, 'x.npy');
    writeNpy(path, { dtype: 'float32', shape: [X.rows, X.cols], data: X.data });
    const backend = (await kernelBackend()).name;
    const rows: string[][] = [];
    for (const [ours, theirs] of [
      ['lloyd', 'lloyd'],
      ['hamerly', 'elkan'],
    ] as const) {
      const pairs: Array<{ s: KMeansTiming; p: Record<string, number> }> = [];
      for (let r = 0; r < rounds; r++)
        pairs.push({ s: await segscopeKMeans(X, ours), p: python(SKLEARN_KMEANS, path, theirs) });
      const ratios = pairs.map(({ s, p }) => s.seconds / p.seconds);
      const cpuRatios = pairs.map(({ s, p }) => s.cpu / p.cpu);
      const { s, p } = pairs[pairs.length - 1];
      rows.push([
        `kmeans ${ours} vs sklearn ${theirs}, 100000x64 k=20, 20 iter`,
        fmt(median(pairs.map((q) => q.s.seconds))),
        fmt(median(pairs.map((q) => q.p.seconds))),
        median(ratios).toFixed(2),
        `rounds ${ratios.map((v) => v.toFixed(2)).join(' ')}; cpu ratio ${median(cpuRatios).toFixed(2)}; last round: iters ${s.nIter}/${p.n_iter}, inertia ratio ${(s.inertia / p.inertia).toFixed(4)}`,
      ]);
    }
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--minibatch-child', dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`mini-batch child failed: ${child.stderr}`);
    const mb = JSON.parse(child.stdout.trim().split('\n').pop()!);
    const pmb = python(SKLEARN_MINIBATCH, join(dir, 'mb.npy'));
    rows.push([
      'minibatch-kmeans 1000000x64 k=20 batch 1024',
      fmt(mb.seconds),
      fmt(pmb.seconds),
      (mb.seconds / pmb.seconds).toFixed(2),
      `peak ${gb(mb.peak_bytes)} vs ${gb(pmb.peak_bytes)} (target < 4 GB), steps ${mb.n_steps}/${pmb.n_steps}, inertia ratio ${(mb.inertia / pmb.inertia).toFixed(4)}`,
    ]);
    process.stdout.write(
      `load average at the end: ${loadavg()
        .map((v) => v.toFixed(1))
        .join(' ')} (2 cores; timings are noisy under load)\n`,
    );
    printTable(
      [
        `cluster-centroid (kernels: ${backend}; k-means: median of ${rounds} rounds)`,
        'segscope s',
        'sklearn s',
        'ratio',
        'notes',
      ],
      rows,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fmt(s: number): string {
  return s.toFixed(3);
}

function gb(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(2)} GB`;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((v, c) => v.padEnd(widths[c])).join('  ');
  process.stdout.write(
    `${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--minibatch-child') {
  await miniBatchChild(process.argv[3]);
}
