import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DENSE_DISSIMILARITY_MAX_ROWS, dissimilarityFromRows } from '../../src/cluster/dissimilarity.js';
import { KMedoids } from '../../src/cluster/kmedoids.js';
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

const cost = (D: Float64Array, n: number, medoids: ArrayLike<number>) => {
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
    const m = await new KMedoids({ k: c.k }).fitDissimilarity({ n, matrix: D });
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
  assert.ok('matrix' in D);
  for (const init of ['build', 'k-medoids++'] as const) {
    const m = await new KMedoids({ k: 5, init, seed: 21 }).fitDissimilarity(D);
    const base = cost(D.matrix, 60, m.medoids);
    for (let i = 0; i < 5; i++) {
      for (let c = 0; c < 60; c++) {
        if (m.medoids.includes(c)) continue;
        const trial = Array.from(m.medoids);
        trial[i] = c;
        assert.ok(cost(D.matrix, 60, trial) >= base - 1e-9, `${init}: swap ${i}->${c} improves`);
      }
    }
  }
});

test('KMedoids finds the exhaustive optimum on 12 points, k 3 (seed 2), and k-medoids++ is reproducible from its seed', async () => {
  const r = randomSource(2);
  const X = matrixFromRows(Array.from({ length: 12 }, (_, i) => [(i % 3) * 4 + r.normal(), r.normal()]));
  const D = dissimilarityFromRows(X, 'euclidean');
  assert.ok('matrix' in D);
  let best = Number.POSITIVE_INFINITY;
  for (let a = 0; a < 12; a++)
    for (let b = a + 1; b < 12; b++)
      for (let c = b + 1; c < 12; c++) best = Math.min(best, cost(D.matrix, 12, [a, b, c]));
  const m = await new KMedoids({ k: 3 }).fit(X);
  assert.ok(Math.abs(m.cost - best) < 1e-12);
  const p1 = await new KMedoids({ k: 3, init: 'k-medoids++', seed: 5 }).fitDissimilarity(D);
  const p2 = await new KMedoids({ k: 3, init: 'k-medoids++', seed: 5 }).fitDissimilarity({
    n: 12,
    distance: (i, j) => D.matrix[i * 12 + j],
  });
  assert.deepEqual(Array.from(p1.medoids), Array.from(p2.medoids));
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
    new KMedoids({ k: 1 }).fitDissimilarity({
      n: 2,
      matrix: new Float64Array([0, Number.NaN, Number.NaN, 0]),
    }),
    /NaN/,
  );
  assert.throws(() => new KMedoids({ k: 0 }), /k \(0\)/);
  assert.throws(() => new KMedoids({ init: 'random' as 'build' }), /init/);
});

test('dissimilarityFromRows switches to on-demand distances above DENSE_DISSIMILARITY_MAX_ROWS with the same values', () => {
  const r = randomSource(8);
  const n = DENSE_DISSIMILARITY_MAX_ROWS + 1;
  const data = new Float32Array(n * 3);
  for (let i = 0; i < data.length; i++) data[i] = r.normal();
  const big = dissimilarityFromRows({ rows: n, cols: 3, data }, 'euclidean');
  assert.ok('distance' in big);
  const small = dissimilarityFromRows({ rows: 5, cols: 3, data: data.subarray(0, 15) }, 'euclidean');
  assert.ok('matrix' in small);
  for (let i = 0; i < 5; i++)
    for (let j = 0; j < 5; j++) assert.equal(big.distance(i, j), small.matrix[i * 5 + j]);
  const cos = dissimilarityFromRows({ rows: n, cols: 3, data }, 'cosine');
  const cosSmall = dissimilarityFromRows({ rows: 5, cols: 3, data: data.subarray(0, 15) }, 'cosine');
  assert.ok('distance' in cos && 'matrix' in cosSmall);
  for (let i = 0; i < 5; i++)
    for (let j = 0; j < 5; j++) assert.equal(cos.distance(i, j), cosSmall.matrix[i * 5 + j]);
});
