import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GENERATE_KINDS, KIND_PRESETS, resolveGenerateOptions } from '../../src/data/generate-options.js';

test('resolveGenerateOptions fills defaults (medium, 10,000 items, 120 categories) and applies overrides', () => {
  const r = resolveGenerateOptions({ users: 10, segments: 2, seed: 1 });
  assert.equal(r.difficulty, 'medium');
  assert.equal(r.items, 10_000);
  assert.equal(r.categories, 120);
  assert.deepEqual(r.preset, KIND_PRESETS.medium);
  const o = resolveGenerateOptions({
    users: 10,
    segments: 2,
    seed: 1,
    difficulty: 'easy',
    botFraction: 0.1,
    sizeRatio: 3,
  });
  assert.equal(o.preset.botFraction, 0.1);
  assert.equal(o.preset.sizeRatio, 3);
  assert.equal(o.preset.preferenceStrength, KIND_PRESETS.easy.preferenceStrength);
});

test('resolveGenerateOptions(order-phase) needs one category per phase: 5 segments (5 phases) in 4 categories throw', () => {
  const options = { users: 10, segments: 5, difficulty: 'order-phase' as const, items: 10, seed: 1 };
  assert.throws(
    () => resolveGenerateOptions({ ...options, categories: 4 }),
    /categories \(4\) must be >= 5 for order-phase with 5 segments/,
  );
  assert.equal(resolveGenerateOptions({ ...options, categories: 5 }).categories, 5);
});

test('resolveGenerateOptions throws one RangeError naming every bad parameter', () => {
  assert.throws(
    () =>
      resolveGenerateOptions({
        users: 0,
        segments: 1.5,
        seed: Number.NaN,
        difficulty: 'weird' as never,
        noiseFraction: 0.7,
        botFraction: 0.4,
        sizeRatio: 0.5,
      }),
    (e: unknown) => {
      assert.ok(e instanceof RangeError);
      for (const name of [
        'users (0)',
        'segments (1.5)',
        'seed (NaN)',
        'difficulty ("weird")',
        'noiseFraction + botFraction',
        'sizeRatio (0.5)',
      ]) {
        assert.ok(e.message.includes(name), `missing ${name} in ${e.message}`);
      }
      return true;
    },
  );
  assert.throws(
    () => resolveGenerateOptions({ users: 5, segments: 1, seed: 1, items: 10, categories: 20 }),
    /items \(10\) must be >= categories \(20\)/,
  );
});

test('every kind in GENERATE_KINDS has a preset; order-only shares composition and varies only order', () => {
  for (const kind of GENERATE_KINDS) assert.ok(KIND_PRESETS[kind] !== undefined, kind);
  const o = KIND_PRESETS['order-only'];
  assert.equal(o.sharedComposition, true);
  assert.deepEqual([o.funnelSpread, o.activitySpread, o.timeSpread, o.preferenceStrength], [0, 0, 0, 0]);
  assert.ok(o.orderSpread > 0);
  const phase = KIND_PRESETS['order-phase'];
  assert.equal(phase.phasedSets, true);
  assert.deepEqual(
    [phase.funnelSpread, phase.activitySpread, phase.timeSpread, phase.preferenceStrength],
    [0, 0, 0, 0],
  );
});
