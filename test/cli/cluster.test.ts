import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { GaussianMixture } from '../../src/cluster/gmm.js';
import { KMeans } from '../../src/cluster/kmeans.js';
import { MiniBatchKMeans } from '../../src/cluster/minibatch-kmeans.js';
import { CLUSTER_ALGOS, CLUSTERERS } from '../../src/cluster/registry.js';
import { readNpy, writeNpy } from '../../src/io/npy.js';
import { runCli } from './run-cli.js';

const blobsPath = fileURLToPath(new URL('../../../fixtures/cluster/blobs.npy', import.meta.url));
const gmmPath = fileURLToPath(new URL('../../../fixtures/cluster/gmm_blobs.npy', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'segscope-cluster-'));

/** `segscope cluster --vectors <vectors> --algo <algo> <flags> --out <out>`. */
const cluster = (vectors: string, algo: string, flags: string[], out: string) =>
  runCli(['cluster', '--vectors', vectors, '--algo', algo, ...flags, '--out', out]);

/** `cluster` with `--json`, which must exit 0: its summary and the labels written. */
async function clusterJson(vectors: string, algo: string, flags: string[], out: string) {
  const r = await cluster(vectors, algo, [...flags, '--json'], out);
  assert.equal(r.code, 0, r.stderr);
  return { summary: JSON.parse(r.stdout), labels: readLabels(out) };
}

function readLabels(path: string): number[] {
  return readFileSync(path, 'utf8').trimEnd().split('\n').map(Number);
}

const blobs = readNpy(blobsPath);
const X = { rows: blobs.shape[0], cols: blobs.shape[1], data: blobs.data as Float32Array };

test('segscope cluster --algo kmeans writes one label per row and a JSON summary equal to KMeans (seed 3)', async () => {
  const { summary, labels } = await clusterJson(
    blobsPath,
    'kmeans',
    ['--k', '5', '--seed', '3'],
    join(dir, 'km.txt'),
  );
  const km = await new KMeans({ k: 5, seed: 3 }).fit(X);
  assert.deepEqual(labels, [...km.labels]);
  assert.equal(summary.n_clusters, 5);
  assert.equal(summary.noise_fraction, 0);
  assert.equal(summary.inertia, km.inertia);
  assert.equal(typeof summary.seconds, 'number');
  assert.equal(summary.log_likelihood, undefined);
});

test('segscope cluster --algo gmm reports log_likelihood (mean per row) and bic equal to GaussianMixture', async () => {
  const { summary, labels } = await clusterJson(
    gmmPath,
    'gmm',
    ['--k', '3', '--covariance', 'diag', '--seed', '1'],
    join(dir, 'gmm.txt'),
  );
  const g = readNpy(gmmPath);
  const G = { rows: g.shape[0], cols: g.shape[1], data: g.data as Float32Array };
  const gm = await new GaussianMixture({ k: 3, covariance: 'diag', seed: 1 }).fit(G);
  assert.equal(summary.log_likelihood, gm.logLikelihood);
  assert.equal(summary.bic, await gm.bic(G));
  assert.equal(summary.inertia, undefined);
  assert.deepEqual(labels, [...gm.labels]);
});

test('segscope cluster reads .csv (with header) and .parquet to the same labels as .npy', async () => {
  const csv = join(dir, 'blobs.csv');
  const lines = ['a,b,c,d'];
  for (let i = 0; i < X.rows; i++)
    lines.push(Array.from(X.data.subarray(i * 4, i * 4 + 4), (v) => v.toPrecision(9)).join(','));
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const parquet = join(dir, 'blobs.parquet');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run(`COPY (SELECT * FROM read_csv('${csv}', header = true)) TO '${parquet}' (FORMAT parquet)`);
  con.closeSync();
  db.closeSync();
  const results: number[][] = [];
  for (const file of [blobsPath, csv, parquet]) {
    const out = join(dir, 'same.txt');
    const r = await cluster(file, 'kmeans', ['--k', '4', '--seed', '9'], out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /kmeans: 4 clusters, noise 0.0%, inertia/);
    results.push(readLabels(out));
  }
  assert.deepEqual(results[1], results[0]);
  assert.deepEqual(results[2], results[0]);
});

test('segscope cluster --algo dbscan / agglomerative / hdbscan / kmedoids run through the registry', async () => {
  const out = join(dir, 'registry.txt');
  const noiseFraction = (labels: number[]) => labels.filter((l) => l === -1).length / labels.length;
  const db = await clusterJson(blobsPath, 'dbscan', ['--eps', '1.5', '--min-samples', '5'], out);
  assert.equal(db.summary.noise_fraction, noiseFraction(db.labels));
  const agg = await clusterJson(blobsPath, 'agglomerative', ['--k', '5', '--linkage', 'average'], out);
  assert.equal(agg.summary.n_clusters, 5);
  const hd = await clusterJson(blobsPath, 'hdbscan', ['--min-cluster-size', '10'], out);
  assert.ok(hd.summary.n_clusters >= 1);
  assert.equal(hd.summary.n_clusters, new Set(hd.labels.filter((l) => l >= 0)).size);
  assert.equal(hd.summary.noise_fraction, noiseFraction(hd.labels));
  for (const k of [5, 4]) {
    const km = await clusterJson(blobsPath, 'kmedoids', ['--k', String(k), '--seed', '1'], out);
    assert.equal(km.summary.n_clusters, k);
    assert.ok(km.summary.inertia > 0);
    assert.ok(km.labels.every((l) => l >= 0 && l < k));
  }
});

test('segscope cluster exits 2 with a clear message for an algorithm missing from the build, or unknown', async () => {
  // Every algorithm is built now; remove one entry for the duration of the test to exercise the path.
  const saved = CLUSTERERS.kmedoids;
  delete CLUSTERERS.kmedoids;
  try {
    const r = await cluster(blobsPath, 'kmedoids', ['--k', '2'], join(dir, 'x.txt'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /algorithm "kmedoids" is not available in this build/);
  } finally {
    CLUSTERERS.kmedoids = saved;
  }
  for (const algo of CLUSTER_ALGOS) assert.ok(CLUSTERERS[algo] !== undefined, `${algo} is registered`);
  const unknown = await cluster(blobsPath, 'spectral', [], join(dir, 'x.txt'));
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--algo: "spectral" is not one of/);
  // The bad value is the one problem named: not also "--algo is required", no doubled prefix.
  assert.doesNotMatch(unknown.stderr, /is required/);
  assert.match(unknown.stderr, /^segscope cluster: bad usage \(see segscope cluster --help\)\n/);
});

test('segscope cluster --algo minibatch-kmeans writes the labels and inertia of MiniBatchKMeans (seed 2)', async () => {
  const { summary, labels } = await clusterJson(
    blobsPath,
    'minibatch-kmeans',
    ['--k', '5', '--seed', '2'],
    join(dir, 'mb.txt'),
  );
  const mb = await new MiniBatchKMeans({ k: 5, seed: 2 }).fit(X);
  assert.deepEqual(labels, [...mb.labels]);
  assert.equal(summary.inertia, mb.inertia);
  assert.equal(summary.n_clusters, 5);
});

test('segscope cluster takes --seed for every algorithm (the deterministic ones ignore it) and wants integer seeds and counts', async () => {
  const out = join(dir, 'seeded.txt');
  const plain = await clusterJson(blobsPath, 'dbscan', ['--eps', '1.5'], out);
  const seeded = await clusterJson(blobsPath, 'dbscan', ['--eps', '1.5', '--seed', '7'], out);
  assert.deepEqual(seeded.labels, plain.labels);
  for (const algo of ['hdbscan', 'agglomerative'])
    await clusterJson(
      blobsPath,
      algo,
      [...(algo === 'agglomerative' ? ['--k', '3'] : []), '--seed', '7'],
      out,
    );
  for (const [name, value] of [
    ['--seed', '1.5'],
    ['--k', '2.5'],
    ['--n-init', '1e-3'],
  ]) {
    const r = await cluster(blobsPath, 'kmeans', ['--k', '3', name, value], out);
    assert.equal(r.code, 2, `${name} ${value}`);
    assert.match(r.stderr, new RegExp(`${name}: "${value.replace('.', '\\.')}" is not an integer`));
  }
});

test('segscope cluster warns on stderr when fewer distinct clusters than --k come out (3 distinct points, k = 4)', async () => {
  const npy = join(dir, 'three-points.npy');
  const data = new Float32Array(12 * 2);
  for (let i = 0; i < 12; i++) data.set([i % 3, 0], 2 * i);
  writeNpy(npy, { dtype: 'float32', shape: [12, 2], data });
  for (const algo of ['kmeans', 'gmm']) {
    const r = await cluster(npy, algo, ['--k', '4', '--json'], join(dir, 'three.txt'));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).n_clusters, 3, algo);
    assert.match(r.stderr, /warning: 3 distinct clusters found, fewer than --k 4/, algo);
  }
  const fine = await cluster(npy, 'kmeans', ['--k', '3'], join(dir, 'three.txt'));
  assert.doesNotMatch(fine.stderr, /warning/);
});

test('segscope cluster checks --out before the fit and leaves nothing behind when it cannot write, or when --vectors is missing', async () => {
  const root = mkdtempSync(join(tmpdir(), 'segscope-cluster-out-'));
  const folder = join(root, 'a-folder');
  mkdirSync(folder);
  const file = join(root, 'a-file');
  writeFileSync(file, 'keep');
  // The --out check comes before the fit: its error wins over the fit's own (k > rows).
  const asFolder = await cluster(blobsPath, 'kmeans', ['--k', '301'], folder);
  assert.equal(asFolder.code, 2);
  assert.match(asFolder.stderr, /--out .*a-folder: is a folder, not a file/);
  const underFile = await cluster(blobsPath, 'kmeans', ['--k', '3'], join(file, 'sub', 'labels.txt'));
  assert.equal(underFile.code, 2);
  assert.match(underFile.stderr, /--out .*labels\.txt: cannot be created, .*a-file is not a folder/);
  const out = join(root, 'labels.txt');
  const missing = await cluster(join(root, 'nothing.npy'), 'kmeans', ['--k', '3'], out);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nothing\.npy/);
  const empty = join(root, 'empty.npy');
  writeNpy(empty, { dtype: 'float32', shape: [0, 2], data: new Float32Array(0) });
  const none = await cluster(empty, 'dbscan', ['--eps', '1'], out);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /empty\.npy: no rows to cluster/);
  const bad = await cluster(blobsPath, 'kmeans', ['--k', '301'], out);
  assert.equal(bad.code, 2);
  assert.equal(existsSync(out), false);
  assert.deepEqual(readdirSync(root).sort(), ['a-file', 'a-folder', 'empty.npy']);
  assert.deepEqual(readdirSync(folder), []);
  assert.equal(readFileSync(file, 'utf8'), 'keep');
});

test('segscope cluster exits 2 naming flags: missing --k, unused --eps/--linkage, k > rows', async () => {
  const out = join(dir, 'bad.txt');
  const r = await cluster(blobsPath, 'kmeans', ['--eps', '0.3', '--linkage', 'ward'], out);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--k: is required by kmeans/);
  assert.match(r.stderr, /--eps: is not used by kmeans/);
  assert.match(r.stderr, /--linkage: is not used by kmeans/);
  const big = await cluster(blobsPath, 'kmeans', ['--k', '301'], out);
  assert.equal(big.code, 2);
  assert.match(big.stderr, /k \(301\) > rows \(300\)/);
});

test('segscope cluster exits 2 for NaN (naming row/col or line/field) and zero rows under cosine', async () => {
  const npy = join(dir, 'nan.npy');
  const data = new Float32Array([1, 2, 3, 4, 5, Number.NaN]);
  writeNpy(npy, { dtype: 'float32', shape: [3, 2], data });
  const r = await cluster(npy, 'kmeans', ['--k', '2'], join(dir, 'n.txt'));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /X\[2, 1\] is NaN/);
  const csv = join(dir, 'nan.csv');
  writeFileSync(csv, 'x,y\n1,2\n3,nan\n');
  const c = await cluster(csv, 'kmeans', ['--k', '1'], join(dir, 'n.txt'));
  assert.equal(c.code, 2);
  assert.match(c.stderr, /nan\.csv:3: field "y": "nan" is not a finite number/);
  const zero = join(dir, 'zero.npy');
  writeNpy(zero, { dtype: 'float32', shape: [3, 2], data: new Float32Array([1, 0, 0, 0, 0, 1]) });
  const z = await cluster(zero, 'kmeans', ['--k', '2', '--metric', 'cosine'], join(dir, 'n.txt'));
  assert.equal(z.code, 2);
  assert.match(z.stderr, /row 1 is a zero vector/);
});
