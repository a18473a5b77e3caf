import { describe, it } from 'node:test';
import { cIndex } from '../../src/metrics/c-index.js';
import { calinskiHarabasz } from '../../src/metrics/calinski-harabasz.js';
import { contingency } from '../../src/metrics/contingency.js';
import { wcss } from '../../src/metrics/dispersion-indices.js';
import { dunn, generalizedDunn } from '../../src/metrics/dunn.js';
import { gamma } from '../../src/metrics/gamma.js';
import { pointBiserial, withinBetweenRatio } from '../../src/metrics/point-biserial.js';
import { adjustedRand } from '../../src/metrics/rand.js';
import { silhouette } from '../../src/metrics/silhouette.js';
import { variationOfInformation } from '../../src/metrics/variation-of-information.js';
import { assertClose, fixture, labelsOf, matrixOf } from './helpers.js';

interface Case {
  name: string;
  rows: number;
  cols: number;
  X: number[];
  labels: number[];
  alt: number[];
  [stat: string]: number | number[] | string;
}
const { cases } = fixture<{ cases: Case[] }>('fpc.json');
const exact = { precision: 'float64' } as const;

describe('pair-based internal indices match fpc::cluster.stats (fixtures/scripts/metrics_fpc.R)', () => {
  for (const c of cases) {
    const X = matrixOf(c.rows, c.cols, c.X);
    const labels = labelsOf(c.labels);
    const stat = (name: string) => c[name] as number;
    it(`dunn and generalizedDunn on "${c.name}" match fpc dunn and dunn2`, async () => {
      assertClose((await dunn(X, labels, exact)).value, stat('dunn'), 'dunn');
      assertClose((await generalizedDunn(X, labels, exact)).value, stat('dunn2'), 'dunn2');
    });
    it(`pointBiserial on "${c.name}" matches fpc pearsongamma`, async () => {
      assertClose((await pointBiserial(X, labels, exact)).value, stat('pearsongamma'), 'pearsongamma');
    });
    it(`gamma (Baker-Hubert) on "${c.name}" matches fpc g2 and cIndex matches fpc g3`, async () => {
      assertClose((await gamma(X, labels, exact)).value, stat('g2'), 'g2');
      assertClose((await cIndex(X, labels, exact)).value, stat('g3'), 'g3');
    });
    it(`withinBetweenRatio, calinskiHarabasz, wcss and silhouette on "${c.name}" match fpc wb.ratio, ch, within.cluster.ss, avg.silwidth`, async () => {
      assertClose((await withinBetweenRatio(X, labels, exact)).value, stat('wb_ratio'), 'wb.ratio');
      assertClose(calinskiHarabasz(X, labels).value, stat('ch'), 'ch');
      assertClose(wcss(X, labels).value, stat('within_cluster_ss'), 'within.cluster.ss');
      assertClose((await silhouette(X, labels, exact)).score.value, stat('avg_silwidth'), 'avg.silwidth');
    });
    it(`adjustedRand and variationOfInformation on "${c.name}" match fpc corrected.rand and vi`, () => {
      const keep = c.labels.map((l, i) => (l >= 0 ? i : -1)).filter((i) => i >= 0);
      const table = contingency(labelsOf(keep.map((i) => c.labels[i])), labelsOf(keep.map((i) => c.alt[i])));
      assertClose(adjustedRand(table), stat('corrected_rand'), 'corrected.rand');
      assertClose(variationOfInformation(table), stat('vi'), 'vi');
    });
    it(`the float32 kernel path of dunn and gamma on "${c.name}" agrees with fpc to 1e-5`, async () => {
      assertClose((await dunn(X, labels)).value, stat('dunn'), 'dunn', 1e-5);
      assertClose((await gamma(X, labels)).value, stat('g2'), 'g2', 1e-5);
    });
  }
});
