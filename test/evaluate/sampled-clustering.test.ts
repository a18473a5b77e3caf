import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agglomerative } from '../../src/cluster/agglomerative.js';
import { Hdbscan } from '../../src/cluster/hdbscan.js';
import { KMeans } from '../../src/cluster/kmeans.js';
import { clusterWith } from '../../src/evaluate/fit-candidate.js';
import { extendLabels } from '../../src/evaluate/sampled-clustering.js';
import { userSample } from '../../src/evaluate/user-sample.js';
import { matrixFromRows, selectRows } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';

// Sampled rows 0..5 (1-D): {0, 1, 2, 3, 4} and {10}. Row 6 (x = 6.5) is nearer the centroid of
// {10} (3.5 < 4.5) but nearer the sampled point 4 (2.5 < 3.5): ward and average disagree on it.
const X = matrixFromRows([[0], [1], [2], [3], [4], [10], [6.5], [-1]]);
const rows = Int32Array.from([0, 1, 2, 3, 4, 5]);

test('extendLabels(ward) assigns each other row to the nearest segment centroid (hand)', async () => {
  const ward = await new Agglomerative({ linkage: 'ward', nClusters: 2 }).fit(selectRows(X, rows));
  const labels = await extendLabels(ward, X, rows);
  const a = labels[0];
  const b = labels[5];
  assert.notEqual(a, b);
  assert.deepEqual(Array.from(labels), [a, a, a, a, a, b, b, a]);
});

test('extendLabels(average) assigns each other row to the segment of its nearest sampled row (hand)', async () => {
  const average = await new Agglomerative({ linkage: 'average', nClusters: 2 }).fit(selectRows(X, rows));
  const labels = await extendLabels(average, X, rows);
  const a = labels[0];
  assert.deepEqual(Array.from(labels), [a, a, a, a, a, labels[5], a, a]);
  assert.notEqual(labels[5], a);
});

test('extendLabels(hdbscan) keeps the fitted labels and gives the others approximatePredict (blobs, seed 6)', async () => {
  const random = randomSource(6);
  const points: number[][] = [];
  for (let i = 0; i < 90; i++) {
    const c = i % 3;
    points.push([c * 8 + random.normal(), (c === 1 ? 8 : 0) + random.normal()]);
  }
  const all = matrixFromRows(points);
  const sample = userSample(90, 45, randomSource(1));
  const hdb = await new Hdbscan({ minClusterSize: 5 }).fit(selectRows(all, sample));
  const labels = await extendLabels(hdb, all, sample);
  const inSample = new Set(sample);
  const rest = Array.from({ length: 90 }, (_, i) => i).filter((i) => !inSample.has(i));
  assert.deepEqual(
    Array.from(sample, (i) => labels[i]),
    Array.from(hdb.labels),
  );
  assert.deepEqual(
    rest.map((i) => labels[i]),
    Array.from(await hdb.predict(selectRows(all, rest))),
  );
  await assert.rejects(
    extendLabels(await new KMeans({ k: 2, seed: 1 }).fit(all), all, sample),
    /cannot extend kmeans/,
  );
});

test('clusterWith(step, X, seed, bound) fits only O(n^2) algorithms on a sample, labels every row, and records fitRows', async () => {
  const random = randomSource(8);
  const big = matrixFromRows(
    Array.from({ length: 60 }, (_, i) => [(i % 2) * 10 + random.normal(), random.normal()]),
  );
  const bound = { maxRows: 20, random: () => randomSource(2) };
  const ward = await clusterWith({ name: 'agglomerative', params: { k: 2, linkage: 'ward' } }, big, 1, bound);
  assert.equal(ward.labels.length, 60);
  assert.equal(ward.info.fitRows, 20);
  assert.equal(ward.k, 2);
  const direct = await new Agglomerative({ linkage: 'ward', nClusters: 2 }).fit(
    selectRows(big, userSample(60, 20, randomSource(2))),
  );
  assert.deepEqual(
    Array.from(userSample(60, 20, randomSource(2)), (i) => ward.labels[i]),
    Array.from(direct.labels),
  );
  const km = await clusterWith({ name: 'kmeans', params: { k: 2 } }, big, 1, bound);
  assert.equal(km.info.fitRows, undefined, 'k-means is linear: fit on every row');
  const below = await clusterWith({ name: 'agglomerative', params: { k: 2, linkage: 'ward' } }, big, 1, {
    maxRows: 60,
    random: () => assert.fail('no sample at the bound'),
  });
  assert.equal(below.info.fitRows, undefined);
});
