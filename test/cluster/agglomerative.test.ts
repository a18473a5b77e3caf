import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agglomerative, type Linkage, linkageTree } from '../../src/cluster/agglomerative.js';
import type { DistanceMetric } from '../../src/kernels/distance-metric.js';
import { matrix, matrixFromRows } from '../../src/util/matrix.js';
import { assertSamePartition, fixtureMatrix, loadFixture } from './fixture.js';

interface AggCase {
  name: string;
  linkage: Linkage;
  metric: DistanceMetric;
  n_clusters: number;
  X: number[][];
  labels: number[];
  sklearn_distances: number[];
  scipy_linkage: number[][];
  distance_threshold: number;
  threshold_labels: number[];
  threshold_n_clusters: number;
}
const { cases } = loadFixture<{ cases: AggCase[] }>('agglomerative.json');

for (const c of cases) {
  test(`Agglomerative(${c.linkage}, ${c.metric}) labels equal scikit-learn's up to renaming and heights equal scipy's to 1e-9`, async () => {
    const model = await new Agglomerative({
      linkage: c.linkage,
      metric: c.metric,
      nClusters: c.n_clusters,
    }).fit(fixtureMatrix(c.X));
    assertSamePartition(model.labels, c.labels, c.name);
    const t = model.tree;
    assert.equal(t.heights.length, c.scipy_linkage.length);
    for (let k = 0; k < t.heights.length; k++) {
      const [l, r, h, s] = c.scipy_linkage[k];
      assert.ok(
        Math.abs(t.heights[k] - h) <= 1e-9 * Math.abs(h),
        `${c.name} step ${k}: ${t.heights[k]} vs ${h}`,
      );
      assert.ok(Math.abs(t.heights[k] - c.sklearn_distances[k]) <= 1e-9 * Math.abs(h));
      assert.deepEqual([t.left[k], t.right[k], t.sizes[k]], [l, r, s], `${c.name} step ${k} children`);
    }
    const cut = await new Agglomerative({
      linkage: c.linkage,
      metric: c.metric,
      distanceThreshold: c.distance_threshold,
    }).fit(fixtureMatrix(c.X));
    assert.equal(cut.nClusters, c.threshold_n_clusters);
    assertSamePartition(cut.labels, c.threshold_labels, `${c.name} threshold`);
  });
}

test('linkageTree(X, linkage) on hand-checkable points: heights by hand for 0, 1, 3, 7 on a line', () => {
  const X = matrixFromRows([[0], [1], [3], [7]]);
  const heights = (l: Linkage) => Array.from(linkageTree(X, l).heights);
  assert.deepEqual(heights('single'), [1, 2, 4]);
  assert.deepEqual(heights('complete'), [1, 3, 7]);
  assert.deepEqual(heights('average'), [1, 2.5, (7 + 6 + 4) / 3]);
  // Ward: sqrt(2 |u||v|/(|u|+|v|)) * |c_u - c_v|: {0,1} at 1; {0,1}+{3} at sqrt(4/3)*2.5; then +{7}.
  const w = heights('ward');
  assert.ok(Math.abs(w[0] - 1) < 1e-15);
  assert.ok(Math.abs(w[1] - Math.sqrt(4 / 3) * 2.5) < 1e-12);
  assert.ok(Math.abs(w[2] - Math.sqrt(1.5) * (7 - 4 / 3)) < 1e-12);
});

test('Agglomerative degenerate input: one row, identical points, nClusters > n, NaN, cosine zero row, ward + cosine', async () => {
  const one = await new Agglomerative({ nClusters: 1 }).fit(matrixFromRows([[2, 2]]));
  assert.deepEqual(Array.from(one.labels), [0]);
  assert.equal(one.tree.heights.length, 0);
  const same = await new Agglomerative({ linkage: 'average', nClusters: 2 }).fit(
    matrixFromRows(new Array(5).fill([1, 1])),
  );
  assert.deepEqual(Array.from(same.tree.heights), [0, 0, 0, 0]);
  for (const linkage of ['ward', 'complete', 'single'] as const) {
    assert.deepEqual(
      Array.from(linkageTree(matrixFromRows(new Array(5).fill([1, 1])), linkage).heights),
      [0, 0, 0, 0],
    );
  }
  // Duplicates then a group: Ward joins {0,0,0} and {5,5} at sqrt(2 * 3 * 2 / 5) * 5.
  const dup = await new Agglomerative({ linkage: 'ward', nClusters: 2 }).fit(
    matrixFromRows([[0], [0], [0], [5], [5]]),
  );
  assertSamePartition(dup.labels, [0, 0, 0, 1, 1]);
  assert.ok(Math.abs(dup.tree.heights[3] - Math.sqrt(2.4) * 5) < 1e-12);
  await assert.rejects(
    new Agglomerative({ nClusters: 3 }).fit(matrixFromRows([[0], [1]])),
    /nClusters \(3\) > rows \(2\)/,
  );
  await assert.rejects(new Agglomerative().fit(matrix(0, 2)), /no rows/);
  await assert.rejects(new Agglomerative().fit(matrixFromRows([[0], [Number.NaN]])), /NaN/);
  await assert.rejects(
    new Agglomerative({ linkage: 'single', metric: 'cosine' }).fit(
      matrixFromRows([
        [0, 0],
        [1, 1],
      ]),
    ),
    /zero vector/,
  );
  assert.throws(
    () => new Agglomerative({ linkage: 'ward', metric: 'cosine' }),
    /ward linkage needs metric euclidean/,
  );
  assert.throws(() => new Agglomerative({ linkage: 'median' as Linkage }), /linkage/);
});
