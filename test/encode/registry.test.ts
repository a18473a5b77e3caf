import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createEncoder,
  encoderNames,
  encoderOptionNames,
  registerEncoder,
} from '../../src/encode/registry.js';
import type { Encoder } from '../../src/encode/encoder.js';

test('createEncoder builds each built-in encoder by name with its options', async () => {
  assert.deepEqual(encoderNames().slice(0, 6), [
    'tfidf',
    'counts',
    'stats',
    'item2vec',
    'text',
    'precomputed',
  ]);
  const tfidf = await createEncoder('tfidf', { dim: 5, seed: 2 });
  assert.equal(tfidf.name, 'tfidf');
  assert.equal(tfidf.params.dim, 5);
  assert.equal((await createEncoder('counts')).params.counts, true);
  assert.equal((await createEncoder('item2vec', { window: 2 })).params.window, 2);
  assert.ok(encoderOptionNames('stats')?.includes('sessionGap'));
});

test('createEncoder rejects unknown names and options not taken, listing the valid ones', async () => {
  await assert.rejects(createEncoder('bert'), /unknown encoder "bert" \(known: tfidf, counts/);
  await assert.rejects(
    createEncoder('stats', { seed: 1 }),
    /stats does not take option\(s\) seed \(it takes: referenceTime/,
  );
  await assert.rejects(createEncoder('tfidf', { dim: -2 }), /dim \(-2\)/);
});

test('registerEncoder adds an encoder another module provides (as the transformer does)', async () => {
  const fake: Encoder = {
    name: 'fake',
    params: {},
    fit: async () => fake,
    transform: async () => ({ rows: 0, cols: 0, data: new Float32Array(0) }),
  };
  registerEncoder('fake', async () => fake, ['dim']);
  assert.equal(await createEncoder('fake', { dim: 3 }), fake);
  await assert.rejects(createEncoder('fake', { depth: 3 }), /does not take option\(s\) depth/);
});
