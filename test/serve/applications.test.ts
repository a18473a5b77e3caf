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
  const { fitted, model } = await fitModel(history, { id: 'x', encoder: { name: 'stats', params: {} }, algorithm: { name: 'kmeans', params: { k: 3 } }, seed: 1 });
  const r = recommendHoldout(history, future, fitted.labels, model.clusters.k, { k: 10 });
  assert.ok(r.n_users_evaluated > 50);
  for (const v of [r.hit_rate, r.ndcg, r.popularity_hit_rate, r.popularity_ndcg]) assert.ok(v >= 0 && v <= 1);
  assert.equal(r.ndcg_lift, r.ndcg / r.popularity_ndcg);
});

test('risk of the fitted users ranks the generator\'s injected bots first (seed 11): AUROC > 0.9', async () => {
  const log = smallLog(300);
  const { fitted } = await fitModel(log.sequences, { id: 'x', encoder: { name: 'stats', params: {} }, algorithm: { name: 'kmeans', params: { k: 3 } }, seed: 1 });
  const bots = log.truth.isBot.reduce((a, b) => a + b, 0);
  assert.ok(bots > 0);
  const r = evaluateRisk(fitted.risk, log.truth.isBot, bots);
  assert.ok(r.auroc > 0.9, `auroc ${r.auroc}`);
});
