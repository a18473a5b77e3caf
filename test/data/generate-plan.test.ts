import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveGenerateOptions } from '../../src/data/generate-options.js';
import { planGeneration, plannedSegmentSizes } from '../../src/data/generate-plan.js';

test('plannedSegmentSizes(100 users, K=3, sizeRatio 4, 10% noise, 5% bots) is 49/24/12 + 10 + 5 by hand', () => {
  // humans 85; weights 1, 1/2, 1/4 -> quotas 48.57, 24.29, 12.14 -> floors 48, 24, 12, the left-over one to the largest remainder.
  const r = resolveGenerateOptions({
    users: 100,
    segments: 3,
    seed: 1,
    sizeRatio: 4,
    noiseFraction: 0.1,
    botFraction: 0.05,
  });
  const { sizes, noise, bots } = plannedSegmentSizes(r);
  assert.deepEqual(Array.from(sizes), [49, 24, 12]);
  assert.equal(noise, 10);
  assert.equal(bots, 5);
});

test('planGeneration(seed 2) assigns exactly the planned sizes, bots with segment -1, in shuffled order', () => {
  const plan = planGeneration({ users: 1000, segments: 4, seed: 2, difficulty: 'noisy' });
  const { sizes, noise, bots } = plannedSegmentSizes(plan.options);
  const counts = new Map<number, number>();
  for (const s of plan.truth.segment) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (let s = 0; s < 4; s++) assert.equal(counts.get(s), sizes[s]);
  assert.equal(counts.get(-1), noise + bots);
  let botCount = 0;
  plan.truth.isBot.forEach((b, u) => {
    botCount += b;
    if (b === 1) assert.equal(plan.truth.segment[u], -1);
  });
  assert.equal(botCount, bots);
  assert.equal(plan.profiles.length, 4);
  // Shuffled: the first 250 users are not all one segment.
  assert.ok(new Set(plan.truth.segment.subarray(0, 250)).size > 1);
  assert.deepEqual(plan.truth.users.slice(0, 3), ['1', '2', '3']);
});
