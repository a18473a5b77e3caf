import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agglomerative } from '../../src/cluster/agglomerative.js';
import { fitSummary } from '../../src/cluster/fit-summary.js';
import { GaussianMixture } from '../../src/cluster/gmm.js';
import { Hdbscan } from '../../src/cluster/hdbscan.js';
import { KMeans } from '../../src/cluster/kmeans.js';
import { KMedoids } from '../../src/cluster/kmedoids.js';
import { createClusterer } from '../../src/cluster/registry.js';
import { UsageError } from '../../src/util/errors.js';
import { matrixFromRows } from '../../src/util/matrix.js';

test('createClusterer maps flat options to constructors, leaving unset options at their defaults', () => {
  const km = createClusterer('kmeans', { k: 3, seed: 4 });
  assert.ok(km instanceof KMeans);
  assert.equal(km.params.k, 3);
  assert.equal(km.params.seed, 4);
  assert.equal(km.params.maxIter, 300);
  const gm = createClusterer('gmm', { k: 2, covariance: 'spherical' });
  assert.ok(gm instanceof GaussianMixture);
  assert.equal(gm.params.covariance, 'spherical');
  assert.equal(gm.params.regCovar, 1e-6);
  const ag = createClusterer('agglomerative', { k: 4, linkage: 'single' });
  assert.ok(ag instanceof Agglomerative);
  assert.equal(ag.params.nClusters, 4);
  const kmed = createClusterer('kmedoids', { k: 3, maxIter: 7 });
  assert.ok(kmed instanceof KMedoids);
  assert.equal(kmed.params.maxIterations, 7);
});

test('createClusterer lists every missing and unused option in one UsageError', () => {
  assert.throws(
    () => createClusterer('gmm', { eps: 1, linkage: 'ward' }),
    (e: unknown) =>
      e instanceof UsageError &&
      e.issues.map((i) => `${i.path} ${i.message}`).join('; ') ===
        'k is required by gmm; eps is not used by gmm; linkage is not used by gmm',
  );
  assert.throws(() => createClusterer('spectral'), /unknown algorithm "spectral"/);
});

test('fitSummary counts clusters and noise, and reports inertia for k-means and k-medoids (hand-checked)', async () => {
  const X = matrixFromRows([[0], [2], [10], [12]]);
  const km = await createClusterer('kmeans', { k: 2, seed: 0 }).fit(X);
  assert.deepEqual(await fitSummary(km, X), { n_clusters: 2, noise_fraction: 0, inertia: 4 });
  // k-medoids: medoids one per pair, each other point at distance 2: inertia = 2 + 2 (unsquared).
  const kmed = await createClusterer('kmedoids', { k: 2 }).fit(X);
  assert.deepEqual(await fitSummary(kmed, X), { n_clusters: 2, noise_fraction: 0, inertia: 4 });
  const db = await createClusterer('dbscan', { eps: 2.5, minSamples: 2 }).fit(
    matrixFromRows([[0], [2], [10], [30]]),
  );
  const s = await fitSummary(db, X);
  assert.equal(s.n_clusters, 1);
  assert.equal(s.noise_fraction, 0.5);
  assert.equal(s.inertia, undefined);
});

test('createClusterer builds hdbscan and kmedoids from flat options (maxIter -> maxIterations)', () => {
  const hd = createClusterer('hdbscan', { minClusterSize: 7, metric: 'cosine' });
  assert.ok(hd instanceof Hdbscan);
  assert.equal(hd.params.minClusterSize, 7);
  assert.equal(hd.params.minSamples, undefined);
  assert.equal(hd.params.metric, 'cosine');
  const km = createClusterer('kmedoids', { k: 3, maxIter: 5, seed: 2 });
  assert.ok(km instanceof KMedoids);
  assert.equal(km.params.maxIterations, 5);
  assert.equal(km.params.init, 'build');
  assert.throws(
    () => createClusterer('kmedoids', { eps: 1 }),
    (e: unknown) =>
      e instanceof UsageError &&
      e.issues.map((i) => `${i.path} ${i.message}`).join('; ') ===
        'k is required by kmedoids; eps is not used by kmedoids',
  );
});
