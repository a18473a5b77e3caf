import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DistanceMetric } from '../../src/kernels/distance-metric.js';
import { distanceRowsFloat64, rowNormsFloat64 } from '../../src/kernels/distances-float64.js';
import { calinskiHarabasz } from '../../src/metrics/calinski-harabasz.js';
import { daviesBouldin } from '../../src/metrics/davies-bouldin.js';
import { dissimilarity } from '../../src/util/dissimilarity.js';
import { silhouette } from '../../src/metrics/silhouette.js';
import { assertClose, fixture, labelsOf, matrixOf } from './helpers.js';

interface Case {
  name: string;
  metric: DistanceMetric;
  rows: number;
  cols: number;
  X: number[];
  labels: number[];
  internal: {
    silhouette: number;
    silhouette_samples: (number | null)[];
    calinski_harabasz?: number;
    davies_bouldin?: number;
  };
}
const { cases } = fixture<{ cases: Case[] }>('sklearn.json');

describe('internal indices match scikit-learn 1.2 (fixtures/scripts/metrics_sklearn.py)', () => {
  for (const c of cases) {
    const X = matrixOf(c.rows, c.cols, c.X);
    const labels = labelsOf(c.labels);
    it(`silhouette(X, labels, { precision: 'float64' }) on "${c.name}" matches silhouette_score and silhouette_samples to 1e-9`, async () => {
      const s = await silhouette(X, labels, { metric: c.metric, precision: 'float64' });
      assertClose(s.score.value, c.internal.silhouette, 'score');
      c.internal.silhouette_samples.forEach((v, i) => {
        if (v === null) assert.ok(Number.isNaN(s.samples[i]), `noise point ${i} has NaN`);
        else assertClose(s.samples[i], v, `sample ${i}`);
      });
    });
    it(`silhouette(X, labels) on "${c.name}" through the float32 kernel path agrees to 1e-5`, async () => {
      const s = await silhouette(X, labels, { metric: c.metric });
      assertClose(s.score.value, c.internal.silhouette, 'score', 1e-5, 1e-6);
    });
    it(`silhouette(dissimilarity(D), labels) on "${c.name}" matches sklearn to 1e-9`, async () => {
      const norms = c.metric === 'cosine' ? rowNormsFloat64(X, 'test') : undefined;
      const D = distanceRowsFloat64(X, 0, X.rows, c.metric, norms);
      // Symmetrize exactly (float64 rounding of a-b vs b-a can differ in the last bit for cosine).
      for (let i = 0; i < X.rows; i++) for (let j = 0; j < i; j++) D[j * X.rows + i] = D[i * X.rows + j];
      const s = await silhouette(dissimilarity(X.rows, D), labels);
      assertClose(s.score.value, c.internal.silhouette, 'score');
    });
    if (c.internal.calinski_harabasz !== undefined) {
      it(`calinskiHarabasz(X, labels) on "${c.name}" matches calinski_harabasz_score to 1e-9`, () => {
        assertClose(calinskiHarabasz(X, labels).value, c.internal.calinski_harabasz as number, 'CH');
      });
      it(`daviesBouldin(X, labels) on "${c.name}" matches davies_bouldin_score to 1e-9`, () => {
        assertClose(daviesBouldin(X, labels).value, c.internal.davies_bouldin as number, 'DB');
      });
    }
  }
});
