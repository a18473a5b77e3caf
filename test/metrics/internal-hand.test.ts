import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calinskiHarabasz, calinskiHarabaszFromMoments } from '../../src/metrics/calinski-harabasz.js';
import { cIndex } from '../../src/metrics/c-index.js';
import { clusterMoments, momentsAdd, momentsInit, momentsMerge } from '../../src/metrics/cluster-moments.js';
import {
  daviesBouldin,
  daviesBouldinAdd,
  daviesBouldinInit,
  daviesBouldinMerge,
  daviesBouldinValue,
} from '../../src/metrics/davies-bouldin.js';
import { dissimilarity } from '../../src/util/dissimilarity.js';
import {
  ballHall,
  ballHallFromMoments,
  rSquared,
  rSquaredFromMoments,
  wcss,
  wcssFromMoments,
} from '../../src/metrics/dispersion-indices.js';
import { dunn, generalizedDunn } from '../../src/metrics/dunn.js';
import { gamma } from '../../src/metrics/gamma.js';
import { pointBiserial } from '../../src/metrics/point-biserial.js';
import { sDbw } from '../../src/metrics/s-dbw.js';
import { silhouette } from '../../src/metrics/silhouette.js';
import { matrix, selectRows } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';
import { assertClose, labelsOf, matrixOf } from './helpers.js';

// Two 1-D clusters {0, 1, 2} and {3, 4, 5}: W = 4, T = 17.5, B = 13.5.
const line = matrixOf(6, 1, [0, 1, 2, 3, 4, 5]);
const halves = labelsOf([0, 0, 0, 1, 1, 1]);

describe('internal indices: hand computations', () => {
  it('wcss, rSquared, ballHall, calinskiHarabasz on {0,1,2} | {3,4,5}: 4, 27/35, 2/3, 13.5', () => {
    assertClose(wcss(line, halves).value, 4, 'wcss');
    assertClose(rSquared(line, halves).value, 27 / 35, 'r2');
    assertClose(ballHall(line, halves).value, 2 / 3, 'ball-hall');
    assertClose(calinskiHarabasz(line, halves).value, 13.5, 'ch');
  });

  it('daviesBouldin on {0,1,2} | {3,4,5}: S = 2/3 each, centroids 3 apart -> (4/3)/3 = 4/9', () => {
    assertClose(daviesBouldin(line, halves).value, 4 / 9, 'db');
  });

  it('sDbw on {0,1,2} | {3,4,5}: Scat = 8/35, stdev = sqrt(4/3)/2, Dens_bw = 2 -> 8/35 + 2', () => {
    assertClose(sDbw(line, halves).value, 8 / 35 + 2, 's_dbw');
  });

  it('dunn and generalizedDunn on {0,1,2} | {3,4,5}: 1/2 and 3/(4/3) = 9/4', async () => {
    assertClose((await dunn(line, halves)).value, 0.5, 'dunn');
    // Mean between distance 3; mean within distance (1 + 2 + 1) / 3 = 4/3.
    assertClose((await generalizedDunn(line, halves)).value, 9 / 4, 'dunn2');
  });

  it('generalizedDunn degrades far less than dunn under one outlier: two 20-point clusters, one point moved halfway', async () => {
    const values = [
      ...Array.from({ length: 20 }, (_, i) => i / 20),
      ...Array.from({ length: 20 }, (_, i) => 10 + i / 20),
    ];
    const labels = Int32Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 1));
    const clean = matrixOf(40, 1, values);
    const outlier = matrixOf(
      40,
      1,
      values.map((v, i) => (i === 19 ? 5 : v)),
    );
    const dunnRatio = (await dunn(outlier, labels)).value / (await dunn(clean, labels)).value;
    const generalizedRatio =
      (await generalizedDunn(outlier, labels)).value / (await generalizedDunn(clean, labels)).value;
    assert.ok(dunnRatio < 0.2, `dunn fell to ${dunnRatio} of its value`);
    // Measured: Dunn keeps 0.105 of its value, the generalized index 0.454.
    assert.ok(
      generalizedRatio > 0.4 && generalizedRatio > 3 * dunnRatio,
      `generalized Dunn fell to ${generalizedRatio} of its value`,
    );
  });

  it('gamma and cIndex on {0,1,2} | {3,4,5} match a direct count over all pair comparisons', async () => {
    // Within: 1,2,1 (x2 clusters); between: 1,2,3,2,3,4,3,4,5 (3 - 0 etc.).
    const within = [1, 2, 1, 1, 2, 1];
    const between = [1, 2, 3, 2, 3, 4, 3, 4, 5];
    let plus = 0;
    let minus = 0;
    for (const w of within) {
      for (const b of between) {
        if (w < b) plus++;
        else if (w > b) minus++;
      }
    }
    assertClose((await gamma(line, halves)).value, (plus - minus) / (plus + minus), 'gamma');
    const all = [...within, ...between].sort((a, b) => a - b);
    const smin = all.slice(0, 6).reduce((s, v) => s + v, 0);
    const smax = all.slice(-6).reduce((s, v) => s + v, 0);
    assertClose((await cIndex(line, halves)).value, (8 - smin) / (smax - smin), 'c-index');
  });

  it('silhouette on a precomputed dissimilarity by hand: points 0,1 | 2 with D = [[0,1,4],[1,0,3],[4,3,0]]', async () => {
    const D = dissimilarity(3, Float64Array.of(0, 1, 4, 1, 0, 3, 4, 3, 0));
    const s = await silhouette(D, labelsOf([0, 0, 1]));
    assertClose(s.samples[0], (4 - 1) / 4, 's0');
    assertClose(s.samples[1], (3 - 1) / 3, 's1');
    assert.equal(s.samples[2], 0);
    assertClose(s.score.value, (0.75 + 2 / 3) / 3, 'score');
    assertClose(s.byCluster[0], (0.75 + 2 / 3) / 2, 'cluster 0');
  });
});

describe('internal indices: degenerate input returns NaN with a reason', () => {
  it('one cluster: silhouette, CH, DB, dunn, point-biserial report "one cluster"', async () => {
    const one = labelsOf([0, 0, 0, 0, 0, 0]);
    assert.equal((await silhouette(line, one)).score.reason, 'one cluster');
    assert.equal(calinskiHarabasz(line, one).reason, 'one cluster');
    assert.equal(daviesBouldin(line, one).reason, 'one cluster');
    assert.equal((await dunn(line, one)).reason, 'one cluster');
    assert.equal((await pointBiserial(line, one)).reason, 'one cluster');
    assert.ok(Number.isNaN(rSquared(line, one).value));
  });

  it('all noise: every internal index reports "all noise"', async () => {
    const noise = labelsOf([-1, -1, -1, -1, -1, -1]);
    const s = await silhouette(line, noise);
    assert.deepEqual([s.score.reason, Number.isNaN(s.score.value)], ['all noise', true]);
    assert.equal(calinskiHarabasz(line, noise).reason, 'all noise');
    assert.equal(wcss(line, noise).reason, 'all noise');
    assert.equal(sDbw(line, noise).reason, 'all noise');
    assert.equal((await gamma(line, noise)).reason, 'all noise');
  });

  it('only singletons: silhouette, CH, DB report "every cluster is a singleton"', async () => {
    const single = labelsOf([0, 1, 2, 3, 4, 5]);
    assert.equal((await silhouette(line, single)).score.reason, 'every cluster is a singleton');
    assert.equal(calinskiHarabasz(line, single).reason, 'every cluster is a singleton');
    assert.equal(daviesBouldin(line, single).reason, 'every cluster is a singleton');
  });

  it('noise is excluded: adding noise points leaves silhouette and CH unchanged and sets noiseFraction', async () => {
    const withNoise = matrixOf(8, 1, [0, 1, 2, 3, 4, 5, 100, -50]);
    const labels = labelsOf([0, 0, 0, 1, 1, 1, -1, -1]);
    const s = await silhouette(withNoise, labels, { precision: 'float64' });
    assertClose(
      s.score.value,
      (await silhouette(line, halves, { precision: 'float64' })).score.value,
      'silhouette',
    );
    assert.equal(s.noiseFraction, 0.25);
    assert.ok(Number.isNaN(s.samples[6]));
    assertClose(calinskiHarabasz(withNoise, labels).value, 13.5, 'ch');
  });
});

describe('internal indices: invalid input throws RangeError naming the parameter', () => {
  it('silhouette: labels.length (5) != rows (6)', async () => {
    await assert.rejects(
      silhouette(line, labelsOf([0, 0, 1, 1, 1])),
      /silhouette: labels.length \(5\) != rows \(6\)/,
    );
  });
  it('calinskiHarabasz and dunn reject NaN values naming the cell', async () => {
    const bad = matrix(2, 1, Float32Array.of(0, Number.NaN));
    assert.throws(() => calinskiHarabasz(bad, labelsOf([0, 1])), /X\[1, 0\] is NaN/);
    await assert.rejects(dunn(bad, labelsOf([0, 1])), /dunn: X\[1, 0\] is NaN/);
  });
  it('silhouette rejects an unknown metric and precision', async () => {
    await assert.rejects(
      silhouette(line, halves, { metric: 'manhattan' as 'euclidean' }),
      /metric \(manhattan\)/,
    );
    await assert.rejects(
      silhouette(line, halves, { precision: 'float16' as 'float32' }),
      /precision \(float16\)/,
    );
  });
});

describe('mergeable state: shards merged equal the whole', () => {
  const random = randomSource(11);
  const X = matrix(
    300,
    5,
    Float32Array.from({ length: 1500 }, () => random.normal() * 3 + 10),
  );
  const labels = Int32Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? -1 : i % 4));
  const cuts = [0, 37, 150, 151, 300];
  const shard = (s: number) => ({
    X: selectRows(
      X,
      Int32Array.from({ length: cuts[s + 1] - cuts[s] }, (_, r) => cuts[s] + r),
    ),
    labels: labels.subarray(cuts[s], cuts[s + 1]),
  });

  it('momentsMerge of 4 shards gives CH, R^2, WCSS, Ball-Hall equal to the whole to 1e-12', () => {
    const merged = [0, 1, 2, 3]
      .map((s) => momentsAdd(momentsInit(5), shard(s).X, shard(s).labels))
      .reduce((a, b) => momentsMerge(a, b));
    const whole = clusterMoments(X, labels);
    assertClose(
      calinskiHarabaszFromMoments(merged).value,
      calinskiHarabaszFromMoments(whole).value,
      'ch',
      1e-12,
    );
    assertClose(rSquaredFromMoments(merged).value, rSquaredFromMoments(whole).value, 'r2', 1e-12);
    assertClose(wcssFromMoments(merged).value, wcssFromMoments(whole).value, 'wcss', 1e-12);
    assertClose(ballHallFromMoments(merged).value, ballHallFromMoments(whole).value, 'ball-hall', 1e-12);
  });

  it('daviesBouldin two-pass over 4 shards (moments, then distances to the merged centroids) equals the whole', () => {
    const moments = [0, 1, 2, 3]
      .map((s) => momentsAdd(momentsInit(5), shard(s).X, shard(s).labels))
      .reduce((a, b) => momentsMerge(a, b));
    const states = [0, 1, 2, 3].map((s) =>
      daviesBouldinAdd(daviesBouldinInit(moments), shard(s).X, shard(s).labels),
    );
    const merged = states.reduce((a, b) => daviesBouldinMerge(a, b));
    assertClose(daviesBouldinValue(merged).value, daviesBouldin(X, labels).value, 'db', 1e-12);
  });
});
