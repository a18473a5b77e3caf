import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { main } from '../../src/cli/main.js';
import { GaussianMixture } from '../../src/cluster/gmm.js';
import { KMeans } from '../../src/cluster/kmeans.js';
import { CLUSTER_ALGOS, CLUSTERERS } from '../../src/cluster/registry.js';
import { readNpy, writeNpy } from '../../src/io/npy.js';

const blobsPath = fileURLToPath(new URL('../../../fixtures/cluster/blobs.npy', import.meta.url));
const gmmPath = fileURLToPath(new URL('../../../fixtures/cluster/gmm_blobs.npy', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'segscope-cluster-'));

function sink(): Writable & { text: string } {
  const s = new Writable({
    write(chunk, _enc, done) {
      s.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  s.text = '';
  return s;
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(['cluster', ...args], { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function readLabels(path: string): number[] {
  return readFileSync(path, 'utf8').trimEnd().split('\n').map(Number);
}

const blobs = readNpy(blobsPath);
const X = { rows: blobs.shape[0], cols: blobs.shape[1], data: blobs.data as Float32Array };

test('segscope cluster --algo kmeans writes one label per row and a JSON summary equal to KMeans (seed 3)', async () => {
  const out = join(dir, 'km.txt');
  const r = await cli(
    '--vectors',
    blobsPath,
    '--algo',
    'kmeans',
    '--k',
    '5',
    '--seed',
    '3',
    '--out',
    out,
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  const km = await new KMeans({ k: 5, seed: 3 }).fit(X);
  assert.deepEqual(readLabels(out), [...km.labels]);
  assert.equal(summary.n_clusters, 5);
  assert.equal(summary.noise_fraction, 0);
  assert.equal(summary.inertia, km.inertia);
  assert.equal(typeof summary.seconds, 'number');
  assert.equal(summary.log_likelihood, undefined);
});

test('segscope cluster --algo gmm reports log_likelihood (mean per row) and bic equal to GaussianMixture', async () => {
  const out = join(dir, 'gmm.txt');
  const r = await cli(
    '--vectors',
    gmmPath,
    '--algo',
    'gmm',
    '--k',
    '3',
    '--covariance',
    'diag',
    '--seed',
    '1',
    '--out',
    out,
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const g = readNpy(gmmPath);
  const G = { rows: g.shape[0], cols: g.shape[1], data: g.data as Float32Array };
  const gm = await new GaussianMixture({ k: 3, covariance: 'diag', seed: 1 }).fit(G);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.log_likelihood, gm.logLikelihood);
  assert.equal(summary.bic, await gm.bic(G));
  assert.equal(summary.inertia, undefined);
  assert.deepEqual(readLabels(out), [...gm.labels]);
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
    const r = await cli('--vectors', file, '--algo', 'kmeans', '--k', '4', '--seed', '9', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /kmeans: 4 clusters, noise 0.0%, inertia/);
    results.push(readLabels(out));
  }
  assert.deepEqual(results[1], results[0]);
  assert.deepEqual(results[2], results[0]);
});

test('segscope cluster --algo dbscan / agglomerative / hdbscan / kmedoids run through the registry', async () => {
  const out = join(dir, 'db.txt');
  const r = await cli(
    '--vectors',
    blobsPath,
    '--algo',
    'dbscan',
    '--eps',
    '1.5',
    '--min-samples',
    '5',
    '--out',
    out,
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  const labels = readLabels(out);
  assert.equal(s.noise_fraction, labels.filter((l) => l === -1).length / labels.length);
  const r2 = await cli(
    '--vectors',
    blobsPath,
    '--algo',
    'agglomerative',
    '--k',
    '5',
    '--linkage',
    'average',
    '--out',
    out,
    '--json',
  );
  assert.equal(r2.code, 0, r2.stderr);
  assert.equal(JSON.parse(r2.stdout).n_clusters, 5);
  const r3 = await cli(
    '--vectors',
    blobsPath,
    '--algo',
    'hdbscan',
    '--min-cluster-size',
    '10',
    '--out',
    out,
    '--json',
  );
  assert.equal(r3.code, 0, r3.stderr);
  assert.ok(JSON.parse(r3.stdout).n_clusters >= 1);
  const r4 = await cli(
    '--vectors',
    blobsPath,
    '--algo',
    'kmedoids',
    '--k',
    '5',
    '--seed',
    '1',
    '--out',
    out,
    '--json',
  );
  assert.equal(r4.code, 0, r4.stderr);
  const s4 = JSON.parse(r4.stdout);
  assert.equal(s4.n_clusters, 5);
  assert.ok(s4.inertia > 0);
});

test('segscope cluster --algo hdbscan / kmedoids run through the registry', async () => {
  const out = join(dir, 'hd.txt');
  const r = await cli(
    '--vectors',
    blobsPath,
    '--algo',
    'hdbscan',
    '--min-cluster-size',
    '10',
    '--out',
    out,
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  const labels = readLabels(out);
  assert.equal(s.n_clusters, new Set(labels.filter((l) => l >= 0)).size);
  assert.equal(s.noise_fraction, labels.filter((l) => l === -1).length / labels.length);
  const r2 = await cli(
    '--vectors',
    blobsPath,
    '--algo',
    'kmedoids',
    '--k',
    '4',
    '--seed',
    '1',
    '--out',
    out,
    '--json',
  );
  assert.equal(r2.code, 0, r2.stderr);
  assert.equal(JSON.parse(r2.stdout).n_clusters, 4);
  assert.ok(readLabels(out).every((l) => l >= 0 && l < 4));
});

test('segscope cluster exits 2 with a clear message for an algorithm missing from the build, or unknown', async () => {
  // Every algorithm is built now; remove one entry for the duration of the test to exercise the path.
  const saved = CLUSTERERS.kmedoids;
  delete CLUSTERERS.kmedoids;
  try {
    const r = await cli(
      '--vectors',
      blobsPath,
      '--algo',
      'kmedoids',
      '--k',
      '2',
      '--out',
      join(dir, 'x.txt'),
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /algorithm "kmedoids" is not available in this build/);
  } finally {
    CLUSTERERS.kmedoids = saved;
  }
  for (const algo of CLUSTER_ALGOS) assert.ok(CLUSTERERS[algo] !== undefined, `${algo} is registered`);
  const unknown = await cli('--vectors', blobsPath, '--algo', 'spectral', '--out', join(dir, 'x.txt'));
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--algo: "spectral" is not one of/);
});

test('segscope cluster exits 2 naming flags: missing --k, unused --eps/--linkage, k > rows', async () => {
  const out = join(dir, 'bad.txt');
  const r = await cli(
    '--vectors',
    blobsPath,
    '--algo',
    'kmeans',
    '--eps',
    '0.3',
    '--linkage',
    'ward',
    '--out',
    out,
  );
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--k: is required by kmeans/);
  assert.match(r.stderr, /--eps: is not used by kmeans/);
  assert.match(r.stderr, /--linkage: is not used by kmeans/);
  const big = await cli('--vectors', blobsPath, '--algo', 'kmeans', '--k', '301', '--out', out);
  assert.equal(big.code, 2);
  assert.match(big.stderr, /k \(301\) > rows \(300\)/);
});

test('segscope cluster exits 2 for NaN (naming row/col or line/field) and zero rows under cosine', async () => {
  const npy = join(dir, 'nan.npy');
  const data = new Float32Array([1, 2, 3, 4, 5, Number.NaN]);
  writeNpy(npy, { dtype: 'float32', shape: [3, 2], data });
  const r = await cli('--vectors', npy, '--algo', 'kmeans', '--k', '2', '--out', join(dir, 'n.txt'));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /X\[2, 1\] is NaN/);
  const csv = join(dir, 'nan.csv');
  writeFileSync(csv, 'x,y\n1,2\n3,nan\n');
  const c = await cli('--vectors', csv, '--algo', 'kmeans', '--k', '1', '--out', join(dir, 'n.txt'));
  assert.equal(c.code, 2);
  assert.match(c.stderr, /nan\.csv:3: field "y": "nan" is not a finite number/);
  const zero = join(dir, 'zero.npy');
  writeNpy(zero, { dtype: 'float32', shape: [3, 2], data: new Float32Array([1, 0, 0, 0, 0, 1]) });
  const z = await cli(
    '--vectors',
    zero,
    '--algo',
    'kmeans',
    '--k',
    '2',
    '--metric',
    'cosine',
    '--out',
    join(dir, 'n.txt'),
  );
  assert.equal(z.code, 2);
  assert.match(z.stderr, /row 1 is a zero vector/);
});
