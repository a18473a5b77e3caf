import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dbcv } from '../../src/metrics/dbcv.js';
import { silhouette } from '../../src/metrics/silhouette.js';
import { matrix } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';
import { assertClose, labelsOf, matrixOf } from './helpers.js';
import { TestKMeans } from './kmeans-for-tests.js';

describe('dbcv', () => {
  // Hand computation (D = 1, so core distances are harmonic means of in-cluster distances):
  // A = {0, 1, 3}: core = 3/2, 4/3, 12/5; mutual reachability 0-1: 3/2, 1-3: 12/5, 0-3: 3.
  //   MST edges 3/2 and 12/5; only x=1 has degree 2, so no internal edge: DSC(A) = 12/5.
  // B = {10, 11}: core 1 and 1; one MST edge of 1, no internal vertex, so vertex 10 stands in:
  //   DSC(B) = 1. DSPC(A, B) = max(|1 - 10|, 4/3, 1) = 9.
  // V(A) = (9 - 12/5)/9 = 11/15, V(B) = 8/9. With a noise point at 5: n = 6 and
  // DBCV = (3/6)(11/15) + (2/6)(8/9) = 537/810; without it, n = 5: 537/675.
  it('dbcv on a hand-computed 1-D case matches Moulavi et al. step by step, with and without noise', async () => {
    const withNoise = await dbcv(matrixOf(6, 1, [0, 1, 3, 10, 11, 5]), labelsOf([0, 0, 0, 1, 1, -1]), {
      precision: 'float64',
    });
    assertClose(withNoise.score.value, 537 / 810, 'dbcv with noise');
    assertClose(withNoise.byCluster[0], 11 / 15, 'V(A)');
    assertClose(withNoise.byCluster[1], 8 / 9, 'V(B)');
    const clean = await dbcv(matrixOf(5, 1, [0, 1, 3, 10, 11]), labelsOf([0, 0, 0, 1, 1]), {
      precision: 'float64',
    });
    assertClose(clean.score.value, 537 / 675, 'dbcv');
  });

  it('dbcv ranks the density-shaped truth above k-means on two moons (seed 5), where silhouette prefers k-means', async () => {
    const random = randomSource(5);
    const n = 300;
    const data = new Float32Array(2 * n);
    const truth = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const upper = i < n / 2;
      const t = Math.PI * random.uniform();
      data[2 * i] = (upper ? Math.cos(t) : 1 - Math.cos(t)) + 0.05 * random.normal();
      data[2 * i + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + 0.05 * random.normal();
      truth[i] = upper ? 0 : 1;
    }
    const X = matrix(n, 2, data);
    const kmeans = (await new TestKMeans(2, 5).fit(X)).labels;
    const byTruth = (await dbcv(X, truth)).score.value;
    const byKmeans = (await dbcv(X, kmeans)).score.value;
    assert.ok(byTruth > byKmeans, `dbcv truth ${byTruth} <= k-means ${byKmeans}`);
    assert.ok(byTruth > 0.3 && byKmeans < 0.3, `dbcv truth ${byTruth}, k-means ${byKmeans}`);
    const silTruth = (await silhouette(X, truth)).score.value;
    const silKmeans = (await silhouette(X, kmeans)).score.value;
    assert.ok(silKmeans > silTruth, `silhouette k-means ${silKmeans} <= truth ${silTruth}`);
  });

  it('dbcv: one cluster and all noise are degenerate; a singleton cluster is NaN with a reason', async () => {
    const X = matrixOf(4, 1, [0, 1, 2, 9]);
    assert.equal((await dbcv(X, labelsOf([0, 0, 0, 0]))).score.reason, 'one cluster');
    assert.equal((await dbcv(X, labelsOf([-1, -1, -1, -1]))).score.reason, 'all noise');
    assert.equal((await dbcv(X, labelsOf([0, 0, 0, 1]))).score.reason, 'a cluster has a single point');
  });

  it('dbcv in 64 dimensions stays finite (the core distance is computed without overflow)', async () => {
    const random = randomSource(9);
    const X = matrix(
      40,
      64,
      Float32Array.from(
        { length: 40 * 64 },
        (_, i) => (Math.floor(i / 64) < 20 ? 0 : 5) + 0.01 * random.normal(),
      ),
    );
    const labels = Int32Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 1));
    const v = (await dbcv(X, labels)).score.value;
    assert.ok(Number.isFinite(v) && v > 0.9, `dbcv ${v}`);
  });

  it('dbcv rejects a dissimilarity without a dimension and a length mismatch', async () => {
    await assert.rejects(
      dbcv(matrixOf(3, 1, [0, 1, 2]), labelsOf([0, 1])),
      /dbcv: labels.length \(2\) != rows \(3\)/,
    );
  });
});
