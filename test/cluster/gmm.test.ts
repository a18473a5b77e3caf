import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GaussianMixture } from '../../src/cluster/gmm.js';
import { choleskyLower, mixtureParameterCount, precisionCholesky } from '../../src/cluster/gmm-covariance.js';
import type { CovarianceType } from '../../src/cluster/gmm-covariance.js';
import { estimateGaussianParameters } from '../../src/cluster/gmm-estimate.js';
import { logGaussianProb, normalizeLogResponsibilities } from '../../src/cluster/gmm-log-prob.js';
import { matrixFromRows, selectRows } from '../../src/util/matrix.js';
import { fixtureMatrix, fixtures, mean, variance } from './centroid-fixtures.js';

const X = fixtureMatrix('gmm_blobs');
const TYPES: CovarianceType[] = ['full', 'diag', 'spherical'];
const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v as number]);

function close(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const tol = rel * Math.max(1, Math.abs(expected[i]));
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol, `${what}[${i}]: ${actual[i]} vs ${expected[i]}`);
  }
}

test('choleskyLower([[4, 2], [2, 3]]) = [[2, 0], [1, sqrt 2]] (hand computation); indefinite -> false', () => {
  const L = new Float64Array(4);
  assert.ok(choleskyLower([4, 2, 2, 3], 2, L));
  close(L, [2, 0, 1, Math.SQRT2], 1e-15, 'L');
  assert.equal(choleskyLower([1, 2, 2, 1], 2, L), false);
});

for (const type of TYPES) {
  const fx = fixtures.gmm_blobs[type];

  test(`logGaussianProb + log-sum-exp with scikit-learn's fitted ${type} parameters reproduce score_samples and predict_proba`, () => {
    const k = 3;
    const prec = precisionCholesky(new Float64Array(flat(fx.covariances)), type, k, X.cols);
    const first = selectRows(X, [...Array(10).keys()]);
    const logResp = logGaussianProb(first, new Float64Array(flat(fx.means)), prec, type, k);
    const perRow = normalizeLogResponsibilities(logResp, new Float64Array(fx.weights.map(Math.log)), 10, k);
    close(perRow, fx.score_samples_first10, 1e-9, 'score_samples');
    close(logResp.map(Math.exp), flat(fx.predict_proba_first10), 1e-9, 'predict_proba');
  });

  test(`estimateGaussianParameters (${type}) matches scikit-learn's _estimate_gaussian_parameters and precision Cholesky`, () => {
    const sub = selectRows(X, [...Array(30).keys()]);
    const est = estimateGaussianParameters(sub, new Float64Array(flat(fx.mstep_resp)), 3, 1e-6, type);
    close(est.nk, fx.mstep_nk, 1e-12, 'nk');
    close(est.means, flat(fx.mstep_means), 1e-9, 'means');
    close(est.covariances, flat(fx.mstep_covariances), 1e-9, 'covariances');
    close(
      precisionCholesky(est.covariances, type, 3, X.cols),
      flat(fx.mstep_precisions_cholesky),
      1e-8,
      'precisions_cholesky',
    );
    assert.equal(mixtureParameterCount(type, 3, X.cols), fx.n_parameters);
  });

  test(`GaussianMixture({ covariance: ${type} }) mean log-likelihood >= scikit-learn's score - 1e-3 (n_init 1 and 5, seed 0)`, async () => {
    const gm = await new GaussianMixture({ k: 3, covariance: type, seed: 0 }).fit(X);
    assert.ok(gm.logLikelihood >= fx.score - 1e-3, `${gm.logLikelihood} vs ${fx.score}`);
    const gm5 = await new GaussianMixture({ k: 3, covariance: type, seed: 0, nInit: 5 }).fit(X);
    assert.ok(gm5.logLikelihood >= fx.score_n_init_5 - 1e-3, `${gm5.logLikelihood} vs ${fx.score_n_init_5}`);
    assert.ok(gm.converged);
    close([await gm.score(X)], [gm.logLikelihood], 1e-12, 'score = logLikelihood');
    const n = X.rows;
    close([await gm.bic(X)], [-2 * gm.logLikelihood * n + fx.n_parameters * Math.log(n)], 1e-12, 'bic');
    close([await gm.aic(X)], [-2 * gm.logLikelihood * n + 2 * fx.n_parameters], 1e-12, 'aic');
    assert.ok((await gm.bic(X)) <= fx.bic + 2 * n * 1e-3);
  });
}

test('GaussianMixture mean log-likelihood over seeds 0-19 >= scikit-learn - 1e-3 on taobao LSA embeddings (k 4)', async () => {
  // EM lands in different local optima per seed on real data; compare means over 20 seeds each,
  // allowing two standard errors of the difference.
  const T = fixtureMatrix('taobao_tfidf');
  for (const type of TYPES) {
    const ours: number[] = [];
    for (let seed = 0; seed < 20; seed++)
      ours.push((await new GaussianMixture({ k: 4, covariance: type, seed }).fit(T)).logLikelihood);
    const reference = fixtures.gmm_taobao[type];
    const se = Math.sqrt(variance(ours) / ours.length + variance(reference) / reference.length);
    assert.ok(
      mean(ours) >= mean(reference) - 1e-3 - 2 * se,
      `${type}: ${mean(ours)} vs ${mean(reference)} (se ${se})`,
    );
  }
});

test('GaussianMixture.predictProba rows sum to 1 and predict(X) = labels on the training rows (seed 4)', async () => {
  const gm = await new GaussianMixture({ k: 3, covariance: 'full', seed: 4 }).fit(X);
  const proba = await gm.predictProba(X);
  for (let i = 0; i < X.rows; i++)
    close([proba[i * 3] + proba[i * 3 + 1] + proba[i * 3 + 2]], [1], 1e-12, `row ${i}`);
  assert.deepEqual(await gm.predict(X), gm.labels);
  const again = await new GaussianMixture({ k: 3, covariance: 'full', seed: 4 }).fit(X);
  assert.deepEqual(again.means, gm.means);
});

test('GaussianMixture degenerate inputs: k > n, NaN, collapsed points without regCovar, all points identical', async () => {
  await assert.rejects(
    new GaussianMixture({ k: 3 }).fit(matrixFromRows([[1], [2]])),
    /gmm: k \(3\) > rows \(2\)/,
  );
  const bad = matrixFromRows([
    [1, 2],
    [3, Number.NaN],
  ]);
  await assert.rejects(new GaussianMixture({ k: 1 }).fit(bad), /gmm: X\[1, 1\] is NaN/);
  const dup = matrixFromRows([
    [0, 0],
    [0, 0],
    [5, 5],
    [5, 5],
  ]);
  await assert.rejects(
    new GaussianMixture({ k: 2, regCovar: 0 }).fit(dup),
    /component \d has an ill-defined covariance/,
  );
  // All rows identical: component 0 takes every row with covariance regCovar * I; the rest keep ~0 weight.
  const same = matrixFromRows(Array.from({ length: 5 }, () => [2, 2]));
  const gm = await new GaussianMixture({ k: 2 }).fit(same);
  assert.deepEqual([...gm.labels], [0, 0, 0, 0, 0]);
  close([gm.logLikelihood], [-Math.log(2 * Math.PI) - Math.log(1e-6)], 1e-9, 'log N(x | x, 1e-6 I)');
  assert.throws(() => new GaussianMixture({ k: 2, covariance: 'tied' as 'full' }), /covariance \(tied\)/);
  assert.throws(() => new GaussianMixture({ k: 2, regCovar: -1 }), /regCovar/);
});
