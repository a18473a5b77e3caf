/**
 * Kernel benchmark against scikit-learn on the same data in one run:
 * - exact silhouette samples on 20,000 x 64, k = 10 (clusterDistanceSums + the O(n k) finish)
 *   vs `sklearn.metrics.silhouette_samples`;
 * - nearestRows for 100,000 x 64 vs 20 centroids vs `pairwise_distances_argmin_min`;
 * - kNearest (k = 10) and radiusNeighbors (eps = 1.5) on 20,000 x 8 vs `NearestNeighbors` (k-d tree,
 *   fit included), the shapes of HDBSCAN core distances and DBSCAN region queries.
 * Also checks that the answers agree. `node dist/bench/index.js kernels`
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readNpy, writeNpy } from '../src/io/npy.js';
import {
  clusterDistanceSums,
  kernelBackend,
  kNearest,
  nearestRows,
  radiusNeighbors,
} from '../src/kernels/kernels.js';
import type { Matrix } from '../src/util/matrix.js';
import { randomSource } from '../src/util/random.js';

const PEER = fileURLToPath(new URL('../../bench/kernels_peer.py', import.meta.url));

/** n points around k centers in d dimensions (center spread 3, point spread 1), seeded. */
function blobs(n: number, d: number, k: number, seed: number): { X: Matrix; labels: Int32Array } {
  const r = randomSource(seed);
  const centers = Float64Array.from({ length: k * d }, () => 3 * r.normal());
  const labels = Int32Array.from({ length: n }, () => r.int(k));
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) data[i * d + j] = centers[labels[i] * d + j] + r.normal();
  return { X: { rows: n, cols: d, data }, labels };
}

/** Silhouette per sample from per-cluster distance sums (Rousseeuw 1987; 0 for singletons, as scikit-learn). */
function silhouetteFromSums(sums: Float64Array, labels: Int32Array, k: number): Float64Array {
  const sizes = new Float64Array(k);
  for (const c of labels) sizes[c]++;
  const s = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[i * k + own] / (sizes[own] - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[i * k + c] / sizes[c]);
    s[i] = (b - a) / Math.max(a, b);
  }
  return s;
}

interface Seconds {
  wall: number;
  cpu: number;
}

/** Best wall and best CPU seconds (all threads of this process) over `repeats` calls. */
async function bestOf<T>(repeats: number, fn: () => Promise<T>): Promise<{ seconds: Seconds; result: T }> {
  const seconds = { wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY };
  let result: T | undefined;
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = await fn();
    const used = process.cpuUsage(c);
    seconds.wall = Math.min(seconds.wall, (performance.now() - t) / 1000);
    seconds.cpu = Math.min(seconds.cpu, (used.user + used.system) / 1e6);
  }
  return { seconds, result: result as T };
}

/** Float64 euclidean distance between rows i and j of X. */
function distance64(X: Matrix, i: number, j: number): number {
  let s = 0;
  for (let c = 0; c < X.cols; c++) s += (X.data[i * X.cols + c] - X.data[j * X.cols + c]) ** 2;
  return Math.sqrt(s);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'segscope-bench-kernels-'));
  try {
    const k = 10;
    const sil = blobs(20_000, 64, k, 1);
    const near = blobs(100_000, 64, 20, 2);
    const C = blobs(20, 64, 20, 3).X;
    writeNpy(join(dir, 'silhouette_X.npy'), { dtype: 'float32', shape: [sil.X.rows, 64], data: sil.X.data });
    writeNpy(join(dir, 'silhouette_labels.npy'), { dtype: 'int32', shape: [sil.X.rows], data: sil.labels });
    writeNpy(join(dir, 'nearest_X.npy'), { dtype: 'float32', shape: [near.X.rows, 64], data: near.X.data });
    writeNpy(join(dir, 'nearest_C.npy'), { dtype: 'float32', shape: [20, 64], data: C.data });
    const low = blobs(20_000, 8, 10, 4).X;
    writeNpy(join(dir, 'neighbors_X.npy'), { dtype: 'float32', shape: [low.rows, 8], data: low.data });
    const peer = JSON.parse(execFileSync('/usr/bin/python3', [PEER, dir], { encoding: 'utf8' })) as Record<
      string,
      Seconds
    >;

    const backend = (await kernelBackend()).name;
    // Warm-up on a slice builds the onnxruntime sessions, which are cached for the process.
    const slice = { rows: 600, cols: 64, data: sil.X.data.subarray(0, 600 * 64) };
    await clusterDistanceSums(slice, sil.labels.subarray(0, 600), k, 'euclidean');
    await nearestRows(slice, C);
    const silhouette = await bestOf(1, async () =>
      silhouetteFromSums(await clusterDistanceSums(sil.X, sil.labels, k, 'euclidean'), sil.labels, k),
    );
    const nearest = await bestOf(5, () => nearestRows(near.X, C));
    await kNearest(slice, 3, 'euclidean');
    await radiusNeighbors(slice, 1, 'euclidean');
    const knn = await bestOf(1, () => kNearest(low, 10, 'euclidean'));
    const radius = await bestOf(1, () => radiusNeighbors(low, 1.5, 'euclidean'));

    const skSilhouette = readNpy(join(dir, 'sk_silhouette.npy')).data;
    const skIndex = readNpy(join(dir, 'sk_nearest_index.npy')).data;
    const skDistance = readNpy(join(dir, 'sk_nearest_distance.npy')).data;
    let indexMismatches = 0;
    for (let i = 0; i < skIndex.length; i++) if (skIndex[i] !== nearest.result.index[i]) indexMismatches++;
    const distance = Float64Array.from(nearest.result.distance, Math.sqrt);
    const skKnn = readNpy(join(dir, 'sk_knn_index.npy')).data;
    // A mismatch is harmless when both neighbors are equally far in float64 (a near-tie that float32 orders differently).
    let knnMismatches = 0;
    let knnWorstGap = 0;
    for (let i = 0; i < skKnn.length; i++) {
      if (skKnn[i] === knn.result.indices[i]) continue;
      knnMismatches++;
      const q = Math.floor(i / 10);
      const gap = Math.abs(distance64(low, q, skKnn[i]) - distance64(low, q, knn.result.indices[i]));
      knnWorstGap = Math.max(knnWorstGap, gap / distance64(low, q, skKnn[i]));
    }
    const skPairs = readNpy(join(dir, 'sk_radius_pairs.npy')).data[0];

    const rows = [
      [
        'silhouette samples 20,000 x 64, k=10',
        silhouette.seconds,
        peer.silhouette_samples,
        `max |s - s_sk| ${maxAbsDiff(silhouette.result, skSilhouette).toExponential(1)}`,
      ],
      [
        'nearestRows 100,000 x 64 vs 20',
        nearest.seconds,
        peer.pairwise_distances_argmin_min,
        `index mismatches ${indexMismatches}, max |d - d_sk| ${maxAbsDiff(distance, skDistance).toExponential(1)}`,
      ],
      [
        'kNearest 20,000 x 8, k=10',
        knn.seconds,
        peer.kneighbors,
        `index mismatches ${knnMismatches} of ${skKnn.length}, all within ${knnWorstGap.toExponential(1)} relative distance`,
      ],
      [
        'radiusNeighbors 20,000 x 8, eps=1.5',
        radius.seconds,
        peer.radius_neighbors,
        `pairs ${radius.result.indices.length} vs ${skPairs}`,
      ],
    ] as const;
    console.log(
      `kernels (backend ${backend}; segscope vs scikit-learn in one run; wall times on a shared machine are noisy, CPU times less so)`,
    );
    console.log(
      '| kernel | segscope wall s | sklearn wall s | wall ratio | segscope CPU s | sklearn CPU s | CPU ratio | agreement |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const [name, ours, theirs, agreement] of rows) {
      const cells = [
        ours.wall,
        theirs.wall,
        ours.wall / theirs.wall,
        ours.cpu,
        theirs.cpu,
        ours.cpu / theirs.cpu,
      ];
      console.log(`| ${name} | ${cells.map((v) => v.toFixed(3)).join(' | ')} | ${agreement} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
