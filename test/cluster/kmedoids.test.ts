import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KMedoids } from '../../src/cluster/kmedoids.js';
import { dissimilarityFromRows, rowDistance } from '../../src/cluster/row-dissimilarity.js';
import { dissimilarity } from '../../src/util/dissimilarity.js';
import { matrixFromRows } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';
import { loadFixture } from './fixture.js';

interface PamCase {
  name: string;
  k: number;
  D: number[][];
  medoids: number[];
  total_deviation: number;
}
const { cases } = loadFixture<{ cases: PamCase[] }>('kmedoids_pam.json');

const cost = (D: ArrayLike<number>, n: number, medoids: ArrayLike<number>) => {
  let s = 0;
  for (let o = 0; o < n; o++) {
    let b = Number.POSITIVE_INFINITY;
    for (let i = 0; i < medoids.length; i++) b = Math.min(b, D[o * n + medoids[i]]);
    s += b;
  }
  return s;
};

for (const c of cases) {
  test(`KMedoids (FasterPAM, BUILD) matches R cluster::pam on ${c.name}: same medoids and total deviation`, async () => {
    const n = c.D.length;
    const D = Float64Array.from(c.D.flat());
    const m = await new KMedoids({ k: c.k }).fitDissimilarity(dissimilarity(n, D));
    assert.ok(m.cost <= c.total_deviation * (1 + 1e-12), `${m.cost} vs pam ${c.total_deviation}`);
    assert.ok(Math.abs(m.cost - cost(D, n, m.medoids)) < 1e-9);
    assert.deepEqual(
      Array.from(m.medoids).sort((a, b) => a - b),
      c.medoids,
    );
  });
}

test('KMedoids ends in a PAM local optimum: no single swap lowers the cost (seed 21, 60 points, k 5, both inits)', async () => {
  const r = randomSource(21);
  const X = matrixFromRows(Array.from({ length: 60 }, () => [r.normal() * 3, r.normal(), r.uniform()]));
  const D = dissimilarityFromRows(X, 'euclidean');
  for (const init of ['build', 'k-medoids++'] as const) {
    const m = await new KMedoids({ k: 5, init, seed: 21 }).fitDissimilarity(D);
    const base = cost(D.data, 60, m.medoids);
    for (let i = 0; i < 5; i++) {
      for (let c = 0; c < 60; c++) {
        if (m.medoids.includes(c)) continue;
        const trial = Array.from(m.medoids);
        trial[i] = c;
        assert.ok(cost(D.data, 60, trial) >= base - 1e-9, `${init}: swap ${i}->${c} improves`);
      }
    }
  }
});

test('KMedoids finds the exhaustive optimum on 12 points, k 3 (seed 2); k-medoids++ is reproducible from its seed and fitDistance equals fitDissimilarity', async () => {
  const r = randomSource(2);
  const X = matrixFromRows(Array.from({ length: 12 }, (_, i) => [(i % 3) * 4 + r.normal(), r.normal()]));
  const D = dissimilarityFromRows(X, 'euclidean');
  let best = Number.POSITIVE_INFINITY;
  for (let a = 0; a < 12; a++)
    for (let b = a + 1; b < 12; b++)
      for (let c = b + 1; c < 12; c++) best = Math.min(best, cost(D.data, 12, [a, b, c]));
  const m = await new KMedoids({ k: 3 }).fit(X);
  assert.ok(Math.abs(m.cost - best) < 1e-12);
  const p1 = await new KMedoids({ k: 3, init: 'k-medoids++', seed: 5 }).fitDissimilarity(D);
  const p2 = await new KMedoids({ k: 3, init: 'k-medoids++', seed: 5 }).fitDistance(
    12,
    (i, j) => D.data[i * 12 + j],
  );
  assert.deepEqual(Array.from(p1.medoids), Array.from(p2.medoids));
  assert.equal(p1.cost, p2.cost);
  assert.ok(Math.abs(p1.cost - best) < 1e-12);
});

test('KMedoids degenerate input: k = n (cost 0), k = 1, identical points, k > n, NaN, bad parameters', async () => {
  const X = matrixFromRows([[0], [1], [5]]);
  const all = await new KMedoids({ k: 3 }).fit(X);
  assert.equal(all.cost, 0);
  assert.deepEqual(Array.from(all.medoids).sort(), [0, 1, 2]);
  const one = await new KMedoids({ k: 1 }).fit(X);
  assert.deepEqual(Array.from(one.medoids), [1]);
  assert.equal(one.cost, 5);
  const same = await new KMedoids({ k: 2 }).fit(matrixFromRows([[2], [2], [2], [2]]));
  assert.equal(same.cost, 0);
  await assert.rejects(new KMedoids({ k: 4 }).fit(X), /k \(4\) > objects \(3\)/);
  await assert.rejects(new KMedoids({ k: 1 }).fit(matrixFromRows([[Number.NaN]])), /NaN/);
  await assert.rejects(
    new KMedoids({ k: 3 }).fitDistance(2, () => 1),
    /k \(3\) > objects \(2\)/,
  );
  await assert.rejects(
    new KMedoids({ k: 1 }).fitDistance(-1, () => 1),
    /fitDistance: n \(-1\)/,
  );
  assert.throws(() => new KMedoids({ k: 0 }), /k \(0\)/);
  assert.throws(() => new KMedoids({ init: 'random' as 'build' }), /init/);
});

test('rowDistance(X) computes dissimilarityFromRows(X) on demand, bit for bit (seed 8, euclidean and cosine)', () => {
  const r = randomSource(8);
  const n = 40;
  const data = new Float32Array(n * 3);
  for (let i = 0; i < data.length; i++) data[i] = r.normal();
  const X = { rows: n, cols: 3, data };
  for (const metric of ['euclidean', 'cosine'] as const) {
    const dense = dissimilarityFromRows(X, metric);
    const distance = rowDistance(X, metric);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) assert.equal(distance(i, j), dense.data[i * n + j], `${metric} ${i},${j}`);
  }
});

test("KMedoids.fit above denseMaxRows computes distances on demand and gives the stored path's result (seed 9, 60 x 3, euclidean and cosine)", async () => {
  const r = randomSource(9);
  const data = new Float32Array(60 * 3);
  for (let i = 0; i < data.length; i++) data[i] = r.normal() + (i % 2) * 3;
  const X = { rows: 60, cols: 3, data };
  for (const metric of ['euclidean', 'cosine'] as const) {
    const stored = await new KMedoids({ k: 4, metric }).fit(X);
    const onDemand = new KMedoids({ k: 4, metric, denseMaxRows: 59 });
    // The on-demand path never builds the n x n matrix.
    onDemand.fitDissimilarity = () => assert.fail('the stored path was taken');
    await onDemand.fit(X);
    assert.deepEqual(Array.from(onDemand.medoids), Array.from(stored.medoids), metric);
    assert.deepEqual(Array.from(onDemand.labels), Array.from(stored.labels), metric);
    assert.equal(onDemand.cost, stored.cost, metric);
  }
  assert.throws(() => new KMedoids({ denseMaxRows: -1 }), /denseMaxRows \(-1\)/);
  assert.throws(() => new KMedoids({ denseMaxRows: 1.5 }), /denseMaxRows \(1\.5\)/);
});

test('dissimilarityFromRows by hand: a 3-4-5 triangle, and cosine 1 - cos', () => {
  const D = dissimilarityFromRows(
    matrixFromRows([
      [0, 0],
      [3, 0],
      [3, 4],
    ]),
    'euclidean',
  );
  assert.deepEqual(Array.from(D.data), [0, 3, 5, 3, 0, 4, 5, 4, 0]);
  const C = dissimilarityFromRows(
    matrixFromRows([
      [1, 0],
      [0, 2],
      [-3, 0],
    ]),
    'cosine',
  );
  assert.deepEqual(Array.from(C.data), [0, 1, 2, 1, 0, 1, 2, 1, 0]);
  assert.throws(
    () =>
      dissimilarityFromRows(
        matrixFromRows([
          [0, 0],
          [1, 0],
        ]),
        'cosine',
      ),
    /row 0 is a zero vector/,
  );
});
