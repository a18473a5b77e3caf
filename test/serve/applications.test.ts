import assert from 'node:assert/strict';
import { test } from 'node:test';
import { protocolHoldout } from '../../src/evaluate/holdout.js';
import { fitModel } from '../../src/serve/fit-model.js';
import { recommendHoldout } from '../../src/serve/recommend-holdout.js';
import { evaluateRisk } from '../../src/serve/risk.js';
import { smallLog } from './fixture-model.js';

test('recommendHoldout on a planted log (seed 11): rates in [0, 1], baselines equal the protocol downstream facet, lift = ratio', async () => {
  const log = smallLog(300);
  const { history, future } = protocolHoldout(log.sequences, { quantile: 0.2 });
  const { fitted, model } = await fitModel(history, {
    id: 'x',
    encoder: { name: 'stats', params: {} },
    algorithm: { name: 'kmeans', params: { k: 3 } },
    seed: 1,
  });
  const r = recommendHoldout(history, future, fitted.labels, model.clusters.k, { k: 10 });
  assert.ok(r.n_users_evaluated > 50);
  for (const v of [r.hit_rate, r.ndcg, r.popularity_hit_rate, r.popularity_ndcg]) assert.ok(v >= 0 && v <= 1);
  assert.equal(r.ndcg_lift, r.ndcg / r.popularity_ndcg);
});

test("risk of the fitted users ranks the generator's injected bots first (seed 11): AUROC > 0.9", async () => {
  const log = smallLog(300);
  const { fitted } = await fitModel(log.sequences, {
    id: 'x',
    encoder: { name: 'stats', params: {} },
    algorithm: { name: 'kmeans', params: { k: 3 } },
    seed: 1,
  });
  const bots = log.truth.isBot.reduce((a, b) => a + b, 0);
  assert.ok(bots > 0);
  const r = evaluateRisk(fitted.risk, log.truth.isBot, bots);
  assert.ok(r.auroc > 0.9, `auroc ${r.auroc}`);
});

test('fitModel with HDBSCAN uses its GLOSH outlier scores for risk; with DBSCAN noise users get outlier 1 (seed 11)', async () => {
  const { sequences } = smallLog(200);
  const h = await fitModel(sequences, {
    id: 'h',
    encoder: { name: 'stats', params: {} },
    algorithm: { name: 'hdbscan', params: { minClusterSize: 10 } },
    seed: 1,
  });
  assert.equal(h.model.clusters.source, 'segment-means');
  assert.equal(h.model.clusters.k, h.model.tags.length);
  for (const r of h.fitted.risk) assert.ok(r >= 0 && r <= 1);
  const d = await fitModel(sequences, {
    id: 'd',
    encoder: { name: 'stats', params: {} },
    algorithm: { name: 'dbscan', params: { eps: 3, minSamples: 5 } },
    seed: 1,
  });
  assert.ok(d.model.training.noise_users > 0 && d.model.clusters.k === 2);
  d.fitted.labels.forEach((l, i) => {
    if (l < 0) assert.equal(d.fitted.risk[i], 1);
  });
  assert.equal(d.model.training.noise_users, d.fitted.labels.filter((l) => l < 0).length);
});
