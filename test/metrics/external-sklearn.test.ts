import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adjustedMutualInfo } from '../../src/metrics/adjusted-mutual-info.js';
import { contingency, contingencyMatrix, type NoiseRule } from '../../src/metrics/contingency.js';
import { fowlkesMallows } from '../../src/metrics/fowlkes-mallows.js';
import { type EntropyAverage, mutualInfo, normalizedMutualInfo } from '../../src/metrics/mutual-info.js';
import { pairConfusionMatrix } from '../../src/metrics/pair-confusion.js';
import { adjustedRand, rand } from '../../src/metrics/rand.js';
import { completeness, homogeneity, vMeasure } from '../../src/metrics/v-measure.js';
import { assertClose, fixture, labelsOf } from './helpers.js';

type External = Record<string, number> & {
  contingency_matrix: number[][];
  pair_confusion_matrix: number[][];
};
interface Case {
  name: string;
  labels: number[];
  truth: number[];
  external_noise_cluster: External;
  external_noise_singletons: External;
}
const data = fixture<{
  cases: Case[];
  external_large: { truth: number[]; labels: number[]; external: External };
}>('sklearn.json');

function checkAll(truth: number[], pred: number[], expected: External, noise: NoiseRule, what: string): void {
  const table = contingency(labelsOf(truth), labelsOf(pred), { noise });
  assertClose(rand(table), expected.rand, `${what} rand`);
  assertClose(adjustedRand(table), expected.adjusted_rand, `${what} adjusted_rand`);
  assertClose(mutualInfo(table), expected.mutual_info, `${what} mutual_info`);
  assertClose(homogeneity(table), expected.homogeneity, `${what} homogeneity`);
  assertClose(completeness(table), expected.completeness, `${what} completeness`);
  assertClose(vMeasure(table), expected.v_measure, `${what} v_measure`);
  assertClose(vMeasure(table, { beta: 0.5 }), expected.v_measure_beta_0_5, `${what} v_measure beta 0.5`);
  assertClose(vMeasure(table, { beta: 2 }), expected.v_measure_beta_2, `${what} v_measure beta 2`);
  assertClose(fowlkesMallows(table), expected.fowlkes_mallows, `${what} fowlkes_mallows`);
  for (const average of ['arithmetic', 'geometric', 'min', 'max'] as EntropyAverage[]) {
    assertClose(
      normalizedMutualInfo(table, { average }),
      expected[`normalized_mutual_info_${average}`],
      `${what} nmi ${average}`,
    );
    assertClose(
      adjustedMutualInfo(table, { average }),
      expected[`adjusted_mutual_info_${average}`],
      `${what} ami ${average}`,
    );
  }
  assert.deepEqual(pairConfusionMatrix(table), expected.pair_confusion_matrix, `${what} pair confusion`);
  // Rows/columns agree with scikit-learn's sorted-label order once singleton noise is relabeled.
  assert.deepEqual(contingencyMatrix(table), expected.contingency_matrix, `${what} contingency matrix`);
}

describe('external indices match scikit-learn 1.2 (fixtures/scripts/metrics_sklearn.py)', () => {
  for (const c of data.cases) {
    it(`every external index on "${c.name}" with noise as one cluster matches sklearn on the raw labels`, () => {
      checkAll(c.truth, c.labels, c.external_noise_cluster, 'cluster', c.name);
    });
    it(`every external index on "${c.name}" with noise as singletons matches sklearn on relabeled noise`, () => {
      checkAll(c.truth, c.labels, c.external_noise_singletons, 'singletons', c.name);
    });
  }
  it('every external index on 400 unbalanced points (6 classes, 9 clusters) matches sklearn', () => {
    const { truth, labels, external } = data.external_large;
    checkAll(truth, labels, external, 'singletons', 'large');
  });
});
