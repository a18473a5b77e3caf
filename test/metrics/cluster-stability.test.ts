import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bestJaccard,
  clusterStability,
  type PerturbationMethod,
  stabilityVerdict,
} from '../../src/metrics/cluster-stability.js';
import { fixture, labelsOf, matrixOf } from './helpers.js';
import { TestKMeans } from './kmeans-for-tests.js';

interface Boot {
  X: number[];
  rows: number;
  cols: number;
  k: number;
  B: number;
  methods: Record<PerturbationMethod, { mean: number[]; centers: number[] }>;
}
const boot = fixture<{ clusterboot: Boot }>('fpc.json').clusterboot;
const X = matrixOf(boot.rows, boot.cols, boot.X);

describe('clusterStability', () => {
  it('stabilityVerdict uses Hennig thresholds: <= 0.5 dissolved, >= 0.75 stable, >= 0.85 highly stable', () => {
    assert.equal(stabilityVerdict(0.5), 'dissolved');
    assert.equal(stabilityVerdict(0.6), 'doubtful');
    assert.equal(stabilityVerdict(0.75), 'stable');
    assert.equal(stabilityVerdict(0.85), 'highly stable');
  });

  it('bestJaccard on a hand example: {0,1,2} vs new {0,1} and {2,3} gives 2/3', () => {
    const points = Int32Array.of(0, 1, 2, 3);
    const j = bestJaccard(labelsOf([0, 0, 0, 1]), Int32Array.of(0, 1), labelsOf([5, 5, 6, 6]), {
      data: X,
      points,
      rows: points,
    });
    assert.deepEqual(Array.from(j), [2 / 3, 0.5]);
  });

  for (const method of ['boot', 'subset', 'jitter', 'noise'] as PerturbationMethod[]) {
    it(`clusterStability(kmeans k=5, X, { method: '${method}', seed: 7 }) gives the same per-cluster verdicts as fpc::clusterboot`, async () => {
      const ref = boot.methods[method];
      const result = await clusterStability((seed) => new TestKMeans(boot.k, seed), X, {
        method,
        runs: boot.B,
        seed: 7,
      });
      assert.equal(result.clusters.length, boot.k);
      // Match each of our clusters to fpc's by nearest center (both cluster the same data).
      for (let c = 0; c < boot.k; c++) {
        let cx = 0;
        let cy = 0;
        let n = 0;
        result.labels.forEach((l, i) => {
          if (l === result.clusters[c]) {
            cx += X.data[2 * i];
            cy += X.data[2 * i + 1];
            n++;
          }
        });
        cx /= n;
        cy /= n;
        let best = 0;
        for (let r = 1; r < boot.k; r++) {
          const d = (x: number) => (ref.centers[2 * x] - cx) ** 2 + (ref.centers[2 * x + 1] - cy) ** 2;
          if (d(r) < d(best)) best = r;
        }
        const theirs = ref.mean[best];
        const ours = result.meanJaccard[c];
        const where = `cluster at (${cx.toFixed(1)}, ${cy.toFixed(1)}): ours ${ours.toFixed(3)}, fpc ${theirs.toFixed(3)}`;
        // Same verdict under Hennig's thresholds (the RNGs differ, so the values differ a little).
        assert.equal(stabilityVerdict(ours), stabilityVerdict(theirs), where);
      }
    });
  }

  it('clusterStability is reproducible: the same seed gives the same Jaccard values; progress counts runs', async () => {
    const done: number[] = [];
    const a = await clusterStability((seed) => new TestKMeans(3, seed, 2), X, {
      runs: 5,
      seed: 3,
      onProgress: (e) => done.push(e.done),
    });
    assert.deepEqual(done, [1, 2, 3, 4, 5]);
    const b = await clusterStability((seed) => new TestKMeans(3, seed, 2), X, { runs: 5, seed: 3 });
    assert.deepEqual(a.jaccard, b.jaccard);
  });

  it('clusterStability rejects runs = 0 and an unknown method with RangeError', async () => {
    await assert.rejects(
      clusterStability((seed) => new TestKMeans(3, seed), X, { runs: 0 }),
      RangeError,
    );
    await assert.rejects(
      clusterStability((seed) => new TestKMeans(3, seed), X, { method: 'shake' as PerturbationMethod }),
      RangeError,
    );
  });
});
