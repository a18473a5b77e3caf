import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TransformerEncoder } from '../../src/encode/transformer.js';
import type { TransformerEncoderOptions } from '../../src/encode/transformer-options.js';
import { orderOnlySequences } from './order-only-fixture.js';

const { seqs } = orderOnlySequences({
  users: 48,
  segments: 2,
  length: 12,
  categories: 4,
  itemsPerCategory: 5,
  seed: 11,
});
const base: TransformerEncoderOptions = {
  dim: 16,
  heads: 2,
  maxLen: 12,
  batchSize: 16,
  learningRate: 0.01,
  seed: 4,
};

async function run(options: TransformerEncoderOptions): Promise<{ X: Float32Array; losses: number[] }> {
  const enc = await new TransformerEncoder({ ...base, ...options }).fit(seqs);
  const X = (await enc.transform(seqs)).data;
  enc.dispose();
  return { X, losses: enc.losses };
}

for (const objective of ['masked', 'causal'] as const) {
  test(`TransformerEncoder (${objective}, wasm) is bit-for-bit deterministic for seed 4, and another seed differs`, async () => {
    const a = await run({ objective, epochs: 2, backend: 'wasm' });
    const b = await run({ objective, epochs: 2, backend: 'wasm' });
    assert.deepEqual(a.losses, b.losses);
    assert.deepEqual(a.X, b.X);
    const c = await run({ objective, epochs: 2, backend: 'wasm', seed: 5 });
    assert.notDeepEqual(a.X, c.X);
  });

  test(`TransformerEncoder (${objective}) resumed from an epoch-1 checkpoint equals an uninterrupted 2-epoch run`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segscope-ckpt-'));
    try {
      const straight = await run({ objective, epochs: 2 });
      const first = await run({ objective, epochs: 1, checkpointDir: dir });
      assert.equal(first.losses.length, 1);
      assert.deepEqual(readdirSync(dir).sort(), ['checkpoint.json', 'weights-1.bin']);
      const resumed = await run({ objective, epochs: 2, checkpointDir: dir });
      assert.deepEqual(resumed.losses, straight.losses);
      assert.deepEqual(resumed.X, straight.X);
      // The epoch-1 weights were replaced, and no temp file was left behind.
      assert.deepEqual(readdirSync(dir).sort(), ['checkpoint.json', 'weights-2.bin']);
      await assert.rejects(
        run({ objective, epochs: 2, dim: 8, checkpointDir: dir }),
        /other options or data/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
