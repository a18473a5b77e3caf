import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEncoder } from '../../src/encode/registry.js';
import { encoderFromState, encoderState } from '../../src/encode/encoder-state.js';
import { smallLog } from './fixture-model.js';

for (const [name, options] of [
  ['tfidf', { dim: 6, seed: 3 }],
  ['counts', { dim: 0 }],
  ['stats', {}],
] as const) {
  test(`encoderFromState(JSON round trip of encoderState(${name})) transforms exactly as the fitted encoder (seed 11 log)`, async () => {
    const { sequences } = smallLog(120);
    const fitted = await (await createEncoder(name, options)).fit(sequences);
    const saved = JSON.parse(JSON.stringify(encoderState(name, { ...options }, fitted)));
    const restored = await encoderFromState(saved);
    const a = await fitted.transform(sequences);
    const b = await restored.transform(sequences);
    assert.equal(b.rows, a.rows);
    assert.equal(b.cols, a.cols);
    assert.deepEqual(b.data, a.data);
  });
}

test('encoderState(item2vec) throws a RangeError naming the encoder', async () => {
  const enc = await createEncoder('item2vec', { dim: 4 });
  assert.throws(() => encoderState('item2vec', {}, enc), /encoder "item2vec" cannot be saved/);
});

test('restoring a tfidf state with components of the wrong size throws', async () => {
  const { sequences } = smallLog(60);
  const fitted = await (await createEncoder('tfidf', { dim: 4 })).fit(sequences);
  const s = encoderState('tfidf', { dim: 5 }, fitted);
  await assert.rejects(encoderFromState(s), /components .* != dim x vocabulary/);
});
