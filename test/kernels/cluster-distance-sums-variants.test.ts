import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterDistanceSumsFloat64 } from '../../src/kernels/cluster-distance-sums-float64.js';
import { clusterDistanceSumsOfRows } from '../../src/kernels/cluster-distance-sums-rows.js';
import { distanceRowsFloat64, rowNormsFloat64 } from '../../src/kernels/distances-float64.js';
import { clusterDistanceSumsReference, distancesReference } from '../../src/kernels/reference.js';
import { matrix, matrixFromRows } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';

const random = randomSource(3);
const X = matrix(
  37,
  6,
  Float32Array.from({ length: 37 * 6 }, () => random.normal() + 1),
);
const labels = Int32Array.from({ length: 37 }, (_, i) => (i % 9 === 0 ? -1 : i % 3));

function close(a: ArrayLike<number>, b: ArrayLike<number>, rel: number, what: string): void {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++)
    assert.ok(Math.abs(a[i] - b[i]) <= rel * Math.abs(b[i]) + 1e-6, `${what}[${i}]: ${a[i]} vs ${b[i]}`);
}

describe('float64 and row-subset forms of clusterDistanceSums', () => {
  it('distanceRowsFloat64 by hand: (0,0)-(3,4) is 5 euclidean; (1,0)-(0,1) is 1 cosine; self is 0', () => {
    const P = matrixFromRows([
      [0, 0],
      [3, 4],
    ]);
    assert.deepEqual(Array.from(distanceRowsFloat64(P, 0, 2, 'euclidean')), [0, 5, 5, 0]);
    const Q = matrixFromRows([
      [1, 0],
      [0, 1],
    ]);
    assert.deepEqual(
      Array.from(distanceRowsFloat64(Q, 0, 2, 'cosine', rowNormsFloat64(Q, 't'))),
      [0, 1, 1, 0],
    );
  });

  for (const metric of ['euclidean', 'cosine'] as const) {
    it(`distanceRowsFloat64 agrees with distancesReference (${metric}) to float32 precision`, () => {
      const norms = metric === 'cosine' ? rowNormsFloat64(X, 't') : undefined;
      close(distanceRowsFloat64(X, 0, X.rows, metric, norms), distancesReference(X, X, metric), 1e-5, metric);
    });
    it(`clusterDistanceSumsFloat64 agrees with clusterDistanceSumsReference (${metric})`, () => {
      close(
        clusterDistanceSumsFloat64(X, labels, 3, metric),
        clusterDistanceSumsReference(X, labels, 3, metric),
        1e-5,
        metric,
      );
    });
    it(`clusterDistanceSumsOfRows for rows [5, 0, 36] in blocks of 2 equals those rows of the reference (${metric})`, async () => {
      const rows = Int32Array.of(5, 0, 36);
      const full = clusterDistanceSumsReference(X, labels, 3, metric);
      const expected = Array.from(rows).flatMap((r) => Array.from(full.subarray(r * 3, r * 3 + 3)));
      close(await clusterDistanceSumsOfRows(X, labels, 3, metric, rows, 2), expected, 1e-5, metric);
      close(clusterDistanceSumsFloat64(X, labels, 3, metric, rows), expected, 1e-5, metric);
    });
  }

  it('both reject a labels length mismatch with RangeError', async () => {
    assert.throws(
      () => clusterDistanceSumsFloat64(X, labels.subarray(1), 3, 'euclidean'),
      /labels.length \(36\) != rows \(37\)/,
    );
    await assert.rejects(
      clusterDistanceSumsOfRows(X, labels.subarray(1), 3, 'euclidean', Int32Array.of(0)),
      /labels.length/,
    );
  });
});
