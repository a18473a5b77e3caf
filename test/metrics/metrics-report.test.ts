import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calinskiHarabasz } from '../../src/metrics/calinski-harabasz.js';
import { contingency } from '../../src/metrics/contingency.js';
import { type MetricName, metricsReport } from '../../src/metrics/metrics-report.js';
import { adjustedRand } from '../../src/metrics/rand.js';
import { matrix } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';

// 200 points, 4 blobs in 3-D (seed 23), 10 noise points; truth = blob index.
const random = randomSource(23);
const X = matrix(
  200,
  3,
  Float32Array.from({ length: 600 }, (_, i) => Math.floor(i / 150) * 4 + random.normal()),
);
const truth = Int32Array.from({ length: 200 }, (_, i) => Math.floor(i / 50));
const labels = Int32Array.from(truth, (t, i) => (i % 20 === 0 ? -1 : t));

describe('metricsReport', () => {
  it('computes every internal index by default and agrees with the single-index functions', async () => {
    const r = await metricsReport(X, labels);
    assert.equal(Object.keys(r.values).length, 13);
    assert.equal(r.noiseFraction, 0.05);
    assert.equal(r.values.calinski_harabasz?.value, calinskiHarabasz(X, labels).value);
    assert.equal(r.values.adjusted_rand, undefined);
  });

  it('with truth adds the external indices computed on the singleton-noise contingency table', async () => {
    const r = await metricsReport(X, labels, {
      truth,
      only: ['adjusted_rand', 'normalized_clustering_accuracy'],
    });
    assert.deepEqual(Object.keys(r.values).sort(), ['adjusted_rand', 'normalized_clustering_accuracy']);
    assert.equal(r.values.adjusted_rand?.value, adjustedRand(contingency(truth, labels)));
  });

  it('indices that hold all pair distances report a reason above maxPairPoints instead of running', async () => {
    const r = await metricsReport(X, labels, { only: ['c_index', 'gamma', 'dbcv'], maxPairPoints: 100 });
    assert.match(r.values.gamma?.reason ?? '', /190 points exceed 100; use a sample/);
    assert.ok(Number.isNaN(r.values.dbcv?.value as number));
    const sampled = await metricsReport(X, labels, {
      only: ['gamma'],
      maxPairPoints: 100,
      sample: { size: 60, seed: 1 },
    });
    assert.ok(Number.isFinite(sampled.values.gamma?.value as number));
  });

  it('rejects an unknown name and an external name without truth with RangeError', async () => {
    await assert.rejects(
      metricsReport(X, labels, { only: ['silhouete' as MetricName] }),
      /unknown metric \(silhouete\)/,
    );
    await assert.rejects(metricsReport(X, labels, { only: ['purity'] }), /purity needs truth labels/);
  });
});
