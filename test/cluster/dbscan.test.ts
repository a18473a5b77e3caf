import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Dbscan } from '../../src/cluster/dbscan.js';
import { dbscanLabels } from '../../src/cluster/dbscan-labels.js';
import {
  coreComponents,
  dbscanOnTree,
  labelsByRow,
  PARALLEL_DBSCAN_POINTS,
} from '../../src/cluster/dbscan-tree.js';
import { passes, withWorker } from '../../src/cluster/dbscan-tree-parallel.js';
import { DBSCAN_CHUNK } from '../../src/cluster/dbscan-tree-queries.js';
import { epsNeighborhoods } from '../../src/cluster/eps-neighborhoods.js';
import { buildKdTree, sharedKdTree } from '../../src/cluster/kd-tree.js';
import { randomSource } from '../../src/util/random.js';
import type { DistanceMetric } from '../../src/kernels/distance-metric.js';
import { matrix, matrixFromRows } from '../../src/util/matrix.js';
import { fixtureMatrix, loadFixture } from './fixture.js';

interface DbscanCase {
  name: string;
  metric: DistanceMetric;
  eps: number;
  min_samples: number;
  X: number[][];
  labels: number[];
  core: number[];
}
const { cases } = loadFixture<{ cases: DbscanCase[] }>('dbscan.json');

for (const c of cases) {
  test(`Dbscan.fit(X) labels and core points equal scikit-learn's exactly on ${c.name} (${c.metric})`, async () => {
    const model = await new Dbscan({ eps: c.eps, minSamples: c.min_samples, metric: c.metric }).fit(
      fixtureMatrix(c.X),
    );
    assert.deepEqual(Array.from(model.isCore), c.core);
    assert.deepEqual(Array.from(model.labels), c.labels);
  });
}

test('Dbscan.fit(X) in 16 dims (radiusNeighbors kernel, brute force) equals scikit-learn on zero-padded blobs5d', async () => {
  for (const name of ['blobs5d', 'cosine3d']) {
    const c = cases.find((k) => k.name === name);
    assert.ok(c);
    const padded = c.X.map((r) => [...r, ...new Array(16 - r.length).fill(0)]);
    const model = await new Dbscan({ eps: c.eps, minSamples: c.min_samples, metric: c.metric }).fit(
      fixtureMatrix(padded),
    );
    assert.deepEqual(Array.from(model.labels), c.labels);
  }
});

test('Dbscan border rule: a border point reachable from two clusters joins the one with the smaller first core index', async () => {
  const c = cases.find((k) => k.name === 'shared_border');
  assert.ok(c);
  const model = await new Dbscan({ eps: c.eps, minSamples: c.min_samples }).fit(fixtureMatrix(c.X));
  assert.equal(model.isCore[10], 0);
  assert.equal(model.labels[10], 0); // cluster 0 starts at row 0 (the right-hand group)
  // Moving the left group first flips the owner, as scikit-learn's expansion order does.
  const reordered = [...c.X.slice(5, 10), ...c.X.slice(0, 5), c.X[10]];
  const again = await new Dbscan({ eps: c.eps, minSamples: c.min_samples }).fit(fixtureMatrix(reordered));
  assert.equal(again.labels[10], 0);
  assert.deepEqual(Array.from(again.labels.subarray(0, 5)), [0, 0, 0, 0, 0]);
});

test('Dbscan degenerate input: empty, one point, identical points, duplicates, minSamples > n', async () => {
  assert.equal((await new Dbscan().fit(matrix(0, 3))).labels.length, 0);
  assert.deepEqual(
    Array.from((await new Dbscan({ minSamples: 1 }).fit(matrixFromRows([[1, 2]]))).labels),
    [0],
  );
  assert.deepEqual(
    Array.from((await new Dbscan({ minSamples: 2 }).fit(matrixFromRows([[1, 2]]))).labels),
    [-1],
  );
  const same = matrixFromRows(new Array(7).fill([3, 3, 3]));
  assert.deepEqual(Array.from((await new Dbscan({ minSamples: 7 }).fit(same)).labels), new Array(7).fill(0));
  assert.deepEqual(Array.from((await new Dbscan({ minSamples: 8 }).fit(same)).labels), new Array(7).fill(-1));
  const dup = matrixFromRows([
    [0, 0],
    [0, 0],
    [5, 5],
    [5, 5],
    [9, 0],
  ]);
  assert.deepEqual(
    Array.from((await new Dbscan({ eps: 0.1, minSamples: 2 }).fit(dup)).labels),
    [0, 0, 1, 1, -1],
  );
});

test('Dbscan rejects bad parameters, NaN/Inf input and zero vectors under cosine with RangeError', async () => {
  assert.throws(() => new Dbscan({ eps: 0 }), /eps/);
  assert.throws(() => new Dbscan({ minSamples: 0 }), /minSamples/);
  assert.throws(() => new Dbscan({ metric: 'manhattan' as DistanceMetric }), /metric/);
  await assert.rejects(new Dbscan().fit(matrixFromRows([[0, Number.NaN]])), /X\[0, 1\] is NaN/);
  await assert.rejects(new Dbscan().fit(matrixFromRows([[0, Number.POSITIVE_INFINITY]])), /Infinity/);
  await assert.rejects(
    new Dbscan({ metric: 'cosine' }).fit(
      matrixFromRows([
        [1, 0],
        [0, 0],
      ]),
    ),
    /row 1 is a zero vector/,
  );
});

test('dbscanOnTree equals dbscanLabels(epsNeighborhoods) exactly on random blobs (seed 17, 3000 x 4, several eps)', async () => {
  const r = randomSource(17);
  const n = 3000;
  const d = 4;
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) data[i * d + j] = (i % 5) * 2 * (j === i % d ? 1 : 0) + r.normal();
  const X = matrix(n, d, data);
  const points = Float64Array.from(data);
  const tree = buildKdTree(points, n, d, 8);
  for (const [eps, minSamples] of [
    [0.6, 5],
    [0.9, 12],
    [0.3, 3],
  ]) {
    const viaTree = await dbscanOnTree(tree, eps, minSamples, false);
    const viaLists = dbscanLabels(await epsNeighborhoods(X, eps, 'euclidean'), minSamples);
    assert.deepEqual(viaTree.isCore, viaLists.isCore);
    assert.deepEqual(viaTree.labels, viaLists.labels);
    // With a worker sharing the core and border passes: the same result.
    assert.deepEqual(await dbscanOnTree(tree, eps, minSamples, true), viaTree);
    // The worker alone (this thread claims no chunk of passes 1 and 3): the same result.
    const shared = sharedKdTree(tree);
    const p = passes(n, shared.nodeCount, true);
    const none = () => {};
    const chunks = await withWorker(
      shared,
      eps * eps,
      minSamples,
      p,
      none,
      () => coreComponents(shared, eps * eps, p),
      none,
    );
    assert.equal(chunks, 2 * Math.ceil(n / DBSCAN_CHUNK), 'the worker answered every chunk of both passes');
    assert.deepEqual(labelsByRow(shared, p), viaTree);
  }
});

test('Dbscan.fit on 12,000 points (above PARALLEL_DBSCAN_POINTS: a worker shares two passes) equals dbscanLabels(epsNeighborhoods) (seed 18)', async () => {
  const r = randomSource(18);
  const n = 12_000;
  const d = 3;
  assert.ok(n >= PARALLEL_DBSCAN_POINTS);
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) data[i * d + j] = (i % 4) * 3 * (j === i % d ? 1 : 0) + r.normal();
  const X = matrix(n, d, data);
  const fitted = await new Dbscan({ eps: 0.35, minSamples: 8 }).fit(X);
  const viaLists = dbscanLabels(await epsNeighborhoods(X, 0.35, 'euclidean'), 8);
  assert.deepEqual(fitted.isCore, viaLists.isCore);
  assert.deepEqual(fitted.labels, viaLists.labels);
  assert.ok(new Set(fitted.labels).size > 2, 'several clusters and noise');
});
