import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sequencesFromEvents } from '../../src/serve/event-sequences.js';
import { behaviorRiskFeatures, evaluateRisk, outlierFromZ, riskScore } from '../../src/serve/risk.js';

test('behaviorRiskFeatures: events per active hour and views per purchase (hand computation)', () => {
  const seqs = sequencesFromEvents([
    {
      user: 'u',
      events: [
        { item: 'a', behavior: 'pv', ts: 0 },
        { item: 'b', behavior: 'pv', ts: 600 },
        { item: 'b', behavior: 'buy', ts: 1200 },
        { item: 'c', behavior: 'pv', ts: 90000 },
      ],
    },
  ]);
  // active = 600 + 600 (the 88800 s gap is not active); 4 events in 1200 s = 12/h; 3 views / (1 + 1)
  assert.deepEqual(behaviorRiskFeatures(seqs, 0), { eventsPerHour: 12, viewsPerBuy: 1.5 });
});

test('riskScore = 1 - (1 - outlier)(1 - rate alarm)(1 - funnel alarm), alarms 1/(1 + (t/v)^2)', () => {
  const seqs = sequencesFromEvents([
    {
      user: 'u',
      events: [
        { item: 'a', behavior: 'pv', ts: 0 },
        { item: 'a', behavior: 'pv', ts: 36 },
      ],
    },
  ]);
  // active 36 s -> floored to 60 s: 2 events -> 120/h; views per buy 2.
  const rate = 1 / (1 + (400 / 120) ** 2);
  const funnel = 1 / (1 + (300 / 2) ** 2);
  assert.ok(Math.abs(riskScore(seqs, 0, 0.2) - (1 - 0.8 * (1 - rate) * (1 - funnel))) < 1e-12);
  assert.equal(outlierFromZ(0), 0);
  assert.ok(Math.abs(outlierFromZ(2) - (1 - Math.exp(-1))) < 1e-12);
  assert.throws(() => riskScore(seqs, 0, 1.5), /outlier/);
});

test('evaluateRisk: precision@k by hand and AUROC as sklearn roc_auc_score([0,0,1,1],[0.1,0.4,0.35,0.8]) = 0.75', () => {
  const r = evaluateRisk(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1), 2);
  assert.equal(r.precision_at_k, 0.5);
  assert.equal(r.auroc, 0.75);
  assert.equal(r.n_bots, 2);
  assert.throws(() => evaluateRisk([1], [1], 2), /k/);
});
