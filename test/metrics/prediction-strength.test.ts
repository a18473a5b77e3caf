import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Clusterer } from '../../src/cluster/clusterer.js';
import { minPairAgreement, predictionStrength } from '../../src/metrics/prediction-strength.js';
import { seedStability } from '../../src/metrics/seed-stability.js';
import { matrix } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';
import { fixture, labelsOf, matrixOf } from './helpers.js';
import { TestKMeans } from './kmeans-for-tests.js';

// Three well-separated 2-D blobs of 60 points (seed 13).
const random = randomSource(13);
const centers = [
  [0, 0],
  [8, 0],
  [4, 7],
];
const X = matrix(
  180,
  2,
  Float32Array.from({ length: 360 }, (_, i) => centers[Math.floor(i / 120)][i % 2] + 0.6 * random.normal()),
);

describe('predictionStrength and seedStability', () => {
  it('minPairAgreement by hand: cluster {0,1,2} predicted as {a,a,b} keeps 2 of 6 ordered pairs -> 1/3', () => {
    assert.equal(minPairAgreement(labelsOf([0, 0, 0, 1]), labelsOf([7, 7, 8, 8])), 1 / 3);
    assert.equal(minPairAgreement(labelsOf([0, 1]), labelsOf([3, 4])), 1, 'singletons score 1');
  });

  it('predictionStrength for k = 2..6 agrees with fpc::prediction.strength within 0.1 and picks the same k (4)', async () => {
    const ref = fixture<{
      prediction_strength: {
        X: number[];
        rows: number;
        cols: number;
        M: number;
        k: number[];
        mean: number[];
        optimalk: number;
      };
    }>('fpc.json').prediction_strength;
    const Y = matrixOf(ref.rows, ref.cols, ref.X);
    let optimal = 1;
    for (let t = 0; t < ref.k.length; t++) {
      const k = ref.k[t];
      const ours = await predictionStrength((seed) => new TestKMeans(k, seed, 10), Y, {
        runs: ref.M,
        seed: 1,
      });
      assert.ok(Math.abs(ours.mean - ref.mean[t]) < 0.1, `k=${k}: ours ${ours.mean}, fpc ${ref.mean[t]}`);
      if (ours.mean > 0.8) optimal = k;
    }
    assert.equal(optimal, ref.optimalk);
  });

  it('predictionStrength supports the true k = 3 (>= 0.8) and rejects k = 5 on three blobs (seed 2)', async () => {
    const three = await predictionStrength((seed) => new TestKMeans(3, seed, 3), X, { runs: 10, seed: 2 });
    const five = await predictionStrength((seed) => new TestKMeans(5, seed, 3), X, { runs: 10, seed: 2 });
    assert.ok(three.mean >= 0.8, `k=3 strength ${three.mean}`);
    assert.ok(five.mean < 0.8, `k=5 strength ${five.mean}`);
    assert.ok(three.mean > five.mean);
  });

  it('predictionStrength without predict falls back to nearest centroids: same value as k-means predict (seed 4)', async () => {
    const noPredict = (seed: number): Clusterer => {
      const inner = new TestKMeans(3, seed, 3);
      const view: Clusterer = {
        name: inner.name,
        params: inner.params,
        get labels() {
          return inner.labels;
        },
        fit: async (Y) => {
          await inner.fit(Y);
          return view;
        },
      };
      return view;
    };
    const a = await predictionStrength((seed) => new TestKMeans(3, seed, 3), X, { runs: 3, seed: 4 });
    const b = await predictionStrength(noPredict, X, { runs: 3, seed: 4 });
    assert.deepEqual(b.perRun, a.perRun);
  });

  it('seedStability: k = 3 on three blobs is seed-independent (mean ARI 1); k = 4 is not (seed 6)', async () => {
    const three = await seedStability((seed) => new TestKMeans(3, seed, 1), X, { runs: 5, seed: 6 });
    assert.equal(three.min, 1);
    assert.deepEqual(Array.from(three.clusterJaccard), [1, 1, 1]);
    const four = await seedStability((seed) => new TestKMeans(4, seed, 1), X, { runs: 6, seed: 6 });
    assert.ok(four.mean < 1, `k=4 mean ARI ${four.mean}`);
    assert.equal(four.ari[0], 1);
  });

  it('seedStability rejects runs < 2 with RangeError', async () => {
    await assert.rejects(
      seedStability((seed) => new TestKMeans(3, seed), X, { runs: 1 }),
      /runs \(1\)/,
    );
  });
});
