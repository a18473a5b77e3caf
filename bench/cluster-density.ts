/**
 * DBSCAN 20,000 x 8, Ward 10,000 x 8 and HDBSCAN 20,000 x 8: segscope vs scikit-learn 1.2 on the
 * same data in one run. scikit-learn runs as a /usr/bin/python3 subprocess that loads the same .npy
 * and times only `fit`. scikit-learn 1.2 has no HDBSCAN, so that row is segscope alone (target < 2 s).
 * Timings are noisy on a shared machine: compare the ratios of one run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agglomerative } from '../src/cluster/agglomerative.js';
import { Dbscan } from '../src/cluster/dbscan.js';
import { Hdbscan } from '../src/cluster/hdbscan.js';
import { writeNpy } from '../src/io/npy.js';
import { compactLabels } from '../src/util/labels.js';
import { type Matrix, matrix } from '../src/util/matrix.js';
import { randomSource } from '../src/util/random.js';

const PYTHON = `
import json, sys, time
import numpy as np
from sklearn.cluster import DBSCAN, AgglomerativeClustering
X = np.load(sys.argv[1]).astype(np.float64)
out = {}
t = time.perf_counter(); c = time.process_time(); m = DBSCAN(eps=float(sys.argv[2]), min_samples=int(sys.argv[3])).fit(X)
out['dbscan'] = time.perf_counter() - t; out['dbscan_cpu'] = time.process_time() - c
out['dbscan_clusters'] = int(m.labels_.max() + 1); out['dbscan_noise'] = int((m.labels_ == -1).sum())
W = X[: int(sys.argv[4])]
t = time.perf_counter(); c = time.process_time(); a = AgglomerativeClustering(n_clusters=10, linkage='ward').fit(W)
out['ward'] = time.perf_counter() - t; out['ward_cpu'] = time.process_time() - c
out['ward_labels'] = a.labels_.tolist()
print(json.dumps(out))
`;

/** Ten gaussian blobs (unit variance) with centers uniform in [-6, 6]^d, seed fixed. */
function blobs(n: number, d: number, seed: number): Matrix {
  const r = randomSource(seed);
  const centers = Array.from({ length: 10 }, () => Array.from({ length: d }, () => (r.uniform() - 0.5) * 12));
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = centers[r.int(10)];
    for (let j = 0; j < d; j++) data[i * d + j] = c[j] + r.normal();
  }
  return matrix(n, d, data);
}

/** Wall and CPU seconds of `f` (CPU time is steadier when other jobs share the cores). */
async function time<T>(f: () => Promise<T>): Promise<{ seconds: number; cpu: number; value: T }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await f();
  const u = process.cpuUsage(c);
  return { seconds: (performance.now() - t) / 1000, cpu: (u.user + u.system) / 1e6, value };
}

function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const x = compactLabels(a).labels;
  const y = compactLabels(b).labels;
  return x.every((v, i) => v === y[i]);
}

export async function run(): Promise<void> {
  const n = 20_000;
  const d = 8;
  const wardRows = 10_000;
  const eps = 2.0;
  const minSamples = 10;
  const X = blobs(n, d, 2026);
  const dir = mkdtempSync(join(tmpdir(), 'segscope-bench-'));
  try {
    const file = join(dir, 'X.npy');
    writeNpy(file, { dtype: 'float32', shape: [n, d], data: X.data });
    const sk = JSON.parse(
      execFileSync(
        '/usr/bin/python3',
        ['-c', PYTHON, file, String(eps), String(minSamples), String(wardRows)],
        {
          encoding: 'utf8',
          maxBuffer: 64 << 20,
        },
      ),
    ) as {
      dbscan: number;
      dbscan_cpu: number;
      ward: number;
      ward_cpu: number;
      dbscan_clusters: number;
      dbscan_noise: number;
      ward_labels: number[];
    };
    const db = await time(() => new Dbscan({ eps, minSamples }).fit(X));
    const W = matrix(wardRows, d, X.data.slice(0, wardRows * d));
    const ward = await time(() => new Agglomerative({ linkage: 'ward', nClusters: 10 }).fit(W));
    const hd = await time(() => new Hdbscan({ minClusterSize: 25 }).fit(X));
    let noise = 0;
    for (const l of db.value.labels) if (l < 0) noise++;
    const rows = [
      [
        'dbscan 20000x8 eps 2 minSamples 10',
        db.seconds,
        sk.dbscan,
        db.cpu,
        sk.dbscan_cpu,
        0.5,
        `clusters ${compactLabels(db.value.labels).k}/${sk.dbscan_clusters}, noise ${noise}/${sk.dbscan_noise}`,
      ],
      [
        'ward 10000x8 nClusters 10',
        ward.seconds,
        sk.ward,
        ward.cpu,
        sk.ward_cpu,
        0.3,
        `labels ${samePartition(ward.value.labels, sk.ward_labels) ? 'equal' : 'DIFFER'} to sklearn up to renaming`,
      ],
      [
        'hdbscan 20000x8 minClusterSize 25',
        hd.seconds,
        Number.NaN,
        hd.cpu,
        Number.NaN,
        Number.NaN,
        `clusters ${hd.value.selectedClusters.length}; target < 2 s`,
      ],
    ] as const;
    console.log('bench cluster-density (one run; shared machine, timings noisy)');
    const fmt = (v: number, w: number, digits = 3) => (Number.isNaN(v) ? '-' : v.toFixed(digits)).padStart(w);
    console.log(
      [
        'task'.padEnd(36),
        'segscope s',
        'sklearn s',
        'ratio',
        'cpu: ours',
        'sklearn',
        'ratio',
        'target',
        'check',
      ].join('  '),
    );
    for (const [task, ours, theirs, oursCpu, theirsCpu, target, check] of rows) {
      console.log(
        [
          task.padEnd(36),
          fmt(ours, 10),
          fmt(theirs, 9),
          fmt(ours / theirs, 5, 2),
          fmt(oursCpu, 9),
          fmt(theirsCpu, 7),
          fmt(oursCpu / theirsCpu, 5, 2),
          (Number.isNaN(target) ? '< 2 s' : `<= ${target}`).padStart(6),
          check,
        ].join('  '),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
