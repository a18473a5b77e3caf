import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adjustedMutualInfo } from '../../src/metrics/adjusted-mutual-info.js';
import { normalizedClusteringAccuracy } from '../../src/metrics/clustering-accuracy.js';
import { contingency, contingencyMatrix, tableFromIds } from '../../src/metrics/contingency.js';
import {
  contingencyAdd,
  contingencyInit,
  contingencyMerge,
  contingencyValue,
} from '../../src/metrics/contingency-state.js';
import { expectedMutualInfo } from '../../src/metrics/expected-mutual-info.js';
import { maxWeightAssignment } from '../../src/metrics/linear-assignment.js';
import { logFactorial } from '../../src/metrics/log-factorial.js';
import { mutualInfo, normalizedMutualInfo } from '../../src/metrics/mutual-info.js';
import { inversePurity, purity } from '../../src/metrics/purity.js';
import { adjustedRand, rand } from '../../src/metrics/rand.js';
import { variationOfInformation } from '../../src/metrics/variation-of-information.js';
import { assertClose, labelsOf } from './helpers.js';

/** A labeling pair whose contingency table is `m` (rows truth, columns pred). */
function fromTable(m: number[][]): { truth: Int32Array; pred: Int32Array } {
  const truth: number[] = [];
  const pred: number[] = [];
  for (let i = 0; i < m.length; i++) {
    for (let j = 0; j < m[i].length; j++) {
      for (let t = 0; t < m[i][j]; t++) {
        truth.push(i);
        pred.push(j);
      }
    }
  }
  return { truth: labelsOf(truth), pred: labelsOf(pred) };
}

describe('external indices: hand computations, published values, noise rule, degenerate input', () => {
  it("normalizedClusteringAccuracy on genieclust's iris example table [[50,0,0],[0,48,2],[0,14,36]] is 0.84 (Gagolewski)", () => {
    const { truth, pred } = fromTable([
      [50, 0, 0],
      [0, 48, 2],
      [0, 14, 36],
    ]);
    assertClose(normalizedClusteringAccuracy(contingency(truth, pred)), 0.84, 'NCA');
  });

  it('normalizedClusteringAccuracy: perfect recovery 1, a permuted perfect recovery 1, one truth class NaN', () => {
    assert.equal(
      normalizedClusteringAccuracy(contingency(labelsOf([0, 0, 1, 1, 2]), labelsOf([2, 2, 0, 0, 1]))),
      1,
    );
    assert.ok(Number.isNaN(normalizedClusteringAccuracy(contingency(labelsOf([0, 0]), labelsOf([0, 1])))));
  });

  it('normalizedClusteringAccuracy with fewer clusters than classes scores the unmatched class 0: (mean(1, 1, 0) - 1/3) / (2/3) = 0.5', () => {
    assertClose(
      normalizedClusteringAccuracy(contingency(labelsOf([0, 0, 1, 1, 2, 2]), labelsOf([0, 0, 1, 1, 1, 1]))),
      0.5,
      'NCA',
    );
  });

  it('normalizedClusteringAccuracy with many noise singletons matches the brute-force assignment', () => {
    // 3 classes of 4; pred finds class 0, half of class 1, and leaves the rest as noise.
    const truth = labelsOf([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    const pred = labelsOf([0, 0, 0, 0, 1, 1, -1, -1, -1, -1, -1, 2]);
    // Best: class0->0 (1), class1->1 (2/4), class2->2 (1/4): mean 7/12.
    assertClose(normalizedClusteringAccuracy(contingency(truth, pred)), (7 / 12 - 1 / 3) / (2 / 3), 'NCA');
  });

  it('maxWeightAssignment finds the best matching on square and rectangular matrices', () => {
    assert.deepEqual(Array.from(maxWeightAssignment(Float64Array.of(1, 5, 4, 2), 2, 2)), [1, 0]);
    assert.deepEqual(Array.from(maxWeightAssignment(Float64Array.of(1, 9, 3, 8, 7, 2), 2, 3)), [1, 0]);
    assert.deepEqual(Array.from(maxWeightAssignment(Float64Array.of(1, 9, 8, 7, 3, 2), 3, 2)), [1, 0, -1]);
  });

  it('purity and inversePurity by hand: table [[3,1],[0,2]] gives 5/6 and 5/6; [[2,2]] gives 1 and 1/2', () => {
    let t = fromTable([
      [3, 1],
      [0, 2],
    ]);
    assertClose(purity(contingency(t.truth, t.pred)), 5 / 6, 'purity');
    assertClose(inversePurity(contingency(t.truth, t.pred)), 5 / 6, 'inverse purity');
    t = fromTable([[2, 2]]);
    assert.equal(purity(contingency(t.truth, t.pred)), 1);
    assert.equal(inversePurity(contingency(t.truth, t.pred)), 0.5);
  });

  it('variationOfInformation by hand: independent 2x2 split of 4 points is 2 ln 2; identical partitions 0', () => {
    assertClose(
      variationOfInformation(contingency(labelsOf([0, 0, 1, 1]), labelsOf([0, 1, 0, 1]))),
      2 * Math.LN2,
      'VI',
    );
    assert.equal(variationOfInformation(contingency(labelsOf([0, 0, 1]), labelsOf([5, 5, 7]))), 0);
  });

  it('noise rule: singletons (default) vs one cluster, by hand on a 4-point example', () => {
    const truth = labelsOf([0, 0, 1, 1]);
    const pred = labelsOf([0, 0, -1, -1]);
    // Singletons: pred = {0,1}, {2}, {3} -> pairs together in pred: 1, in truth: 2, in both: 1.
    const single = contingency(truth, pred);
    assert.deepEqual(contingencyMatrix(single), [
      [2, 0, 0],
      [0, 1, 1],
    ]);
    assertClose(rand(single), 5 / 6, 'rand singletons');
    // One cluster: pred = truth up to renaming.
    assert.equal(adjustedRand(contingency(truth, pred, { noise: 'cluster' })), 1);
  });

  it('all-noise predictions: singletons make every point alone (ARI 0, homogeneity-like purity 1)', () => {
    const table = contingency(labelsOf([0, 0, 1, 1]), labelsOf([-1, -1, -1, -1]));
    assert.equal(adjustedRand(table), 0);
    assert.equal(purity(table), 1);
    assert.equal(inversePurity(table), 0.5);
  });

  it('scikit-learn conventions for one group on both sides: ARI, NMI, AMI = 1; MI = 0', () => {
    const table = contingency(labelsOf([3, 3, 3]), labelsOf([1, 1, 1]));
    assert.equal(adjustedRand(table), 1);
    assert.equal(normalizedMutualInfo(table), 1);
    assert.equal(adjustedMutualInfo(table), 1);
    assert.equal(mutualInfo(table), 0);
  });

  it('contingency rejects a length mismatch and labels below -1 with RangeError naming the parameter', () => {
    assert.throws(
      () => contingency(labelsOf([0, 1]), labelsOf([0])),
      /contingency: pred.length \(1\) != truth.length \(2\)/,
    );
    assert.throws(() => contingency(labelsOf([0, -2]), labelsOf([0, 0])), /truth\[1\] \(-2\) < -1/);
  });

  it('contingency of empty labelings is empty; rand is 1 by convention', () => {
    const table = contingency(new Int32Array(0), new Int32Array(0));
    assert.equal(table.n, 0);
    assert.equal(rand(table), 1);
  });

  it('contingencyAdd/merge/value over three shards equals contingency over the whole (both noise rules)', () => {
    const truth = labelsOf([0, 1, 2, 0, 1, -1, 2, 2, 0, 1, 1, -1]);
    const pred = labelsOf([1, 1, 0, -1, 2, 2, 0, -1, 1, 1, 0, 0]);
    for (const noise of ['singletons', 'cluster'] as const) {
      const shards = [0, 4, 9, 12];
      const states = [0, 1, 2].map((s) =>
        contingencyAdd(
          contingencyInit(),
          truth.subarray(shards[s], shards[s + 1]),
          pred.subarray(shards[s], shards[s + 1]),
        ),
      );
      const merged = contingencyValue(contingencyMerge(contingencyMerge(states[0], states[1]), states[2]), {
        noise,
      });
      const whole = contingency(truth, pred, { noise });
      assert.equal(adjustedRand(merged), adjustedRand(whole));
      assert.equal(adjustedMutualInfo(merged), adjustedMutualInfo(whole));
      assert.deepEqual(Array.from(merged.rowSums).sort(), Array.from(whole.rowSums).sort());
      assert.deepEqual(Array.from(merged.cellCount).sort(), Array.from(whole.cellCount).sort());
    }
  });

  it('expectedMutualInfo groups equal cluster sizes without changing the value (vs a direct triple sum)', () => {
    const table = tableFromIds(
      Int32Array.of(0, 0, 0, 1, 1, 2, 2, 2, 2),
      3,
      Int32Array.of(0, 1, 2, 3, 4, 5, 5, 6, 6),
      7,
    );
    let direct = 0;
    const N = table.n;
    const lf = (k: number) => logFactorial(k);
    for (const a of table.rowSums) {
      for (const b of table.colSums) {
        for (let nij = Math.max(1, a + b - N); nij <= Math.min(a, b); nij++) {
          const p = Math.exp(
            lf(a) +
              lf(b) +
              lf(N - a) +
              lf(N - b) -
              lf(N) -
              lf(nij) -
              lf(a - nij) -
              lf(b - nij) -
              lf(N - a - b + nij),
          );
          direct += (nij / N) * Math.log((N * nij) / (a * b)) * p;
        }
      }
    }
    assertClose(expectedMutualInfo(table), direct, 'EMI');
  });

  it('logFactorial is exact for small k and matches Stirling-free summation at k = 1000 to 1e-13', () => {
    assert.equal(logFactorial(0), 0);
    assertClose(logFactorial(5), Math.log(120), '5!');
    let s = 0;
    for (let i = 2; i <= 1000; i++) s += Math.log(i);
    assertClose(logFactorial(1000), s, '1000!', 1e-13);
    assert.throws(() => logFactorial(-1), RangeError);
  });
});
