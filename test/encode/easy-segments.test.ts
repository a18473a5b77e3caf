/**
 * Must-show (issue 5): on the generator's `easy` setting, every encoder + k-means recovers the
 * planted segments with ARI >= 0.9. Generated log: 600 users, 4 segments, seed 7; k-means from
 * src/cluster (k-means++, 10 restarts, seed 1); ARI from src/metrics.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KMeans } from '../../src/cluster/kmeans.js';
import { generateSequences } from '../../src/data/generate.js';
import type { Encoder } from '../../src/encode/encoder.js';
import { createEncoder } from '../../src/encode/registry.js';
import { writeVectorFile } from '../../src/encode/vector-file.js';
import { GraphBuilder, intAttr } from '../../src/kernels/onnx/graph-builder.js';
import { contingency } from '../../src/metrics/contingency.js';
import { adjustedRand } from '../../src/metrics/rand.js';
import { selectRows } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';

const K = 4;
const { sequences, truth } = generateSequences({ users: 600, segments: K, difficulty: 'easy', seed: 7 });

async function ari(encoder: Encoder): Promise<number> {
  await encoder.fit(sequences);
  const X = await encoder.transform(sequences);
  const km = await new KMeans({ k: K, nInit: 10, seed: 1 }).fit(X);
  return adjustedRand(contingency(truth.segment, km.labels));
}

for (const [name, options] of [
  ['tfidf', { dim: 32, seed: 1 }],
  ['counts', { dim: 32, seed: 1 }],
  ['stats', {}],
  ['item2vec', { dim: 32, epochs: 5, seed: 1 }],
] as const) {
  test(`${name} + k-means recovers easy generated segments (ARI >= 0.9)`, async (t) => {
    const value = await ari(await createEncoder(name, options));
    t.diagnostic(`ARI ${value.toFixed(3)}`);
    assert.ok(value >= 0.9, `${name} ARI ${value}`);
  });
}

/** Vocabulary of the default template's words and every item/category id, with seeded random rows. */
function wordTable(dim: number, seed: number): { vocab: string[]; table: Float32Array } {
  const vocab = [
    '[PAD]',
    '[UNK]',
    '[CLS]',
    '[SEP]',
    'viewed',
    'in',
    'added',
    'to',
    'cart',
    'saved',
    'bought',
    'for',
    'searched',
    'interacted',
    'with',
    ';',
    '(',
    ')',
    'x2',
    'x3',
    'x4',
    '.',
  ];
  vocab.push(...sequences.itemVocab, ...(sequences.categoryVocab ?? []));
  const random = randomSource(seed);
  const table = Float32Array.from({ length: vocab.length * dim }, () => random.normal());
  return { vocab: [...new Set(vocab)], table };
}

test('text (local ONNX model built here, random word vectors) + k-means recovers easy segments (ARI >= 0.9)', async (t) => {
  const dim = 32;
  const { vocab, table } = wordTable(dim, 3);
  const dir = mkdtempSync(join(tmpdir(), 'segscope-easy-text-'));
  const g = new GraphBuilder('word-average');
  const ids = g.input('input_ids', 'int64', ['batch', 'seq']);
  g.input('attention_mask', 'int64', ['batch', 'seq']);
  const rows = g.constant('float32', [vocab.length, dim], [...table.subarray(0, vocab.length * dim)]);
  g.output(g.node('Gather', [rows, ids], { axis: intAttr(0) }), 'last_hidden_state', 'float32', [
    'batch',
    'seq',
    dim,
  ]);
  writeFileSync(join(dir, 'model.onnx'), g.encode());
  writeFileSync(join(dir, 'vocab.txt'), `${vocab.join('\n')}\n`);
  const value = await ari(await createEncoder('text', { modelDir: dir, maxLength: 512, maxEvents: 200 }));
  t.diagnostic(`ARI ${value.toFixed(3)}`);
  assert.ok(value >= 0.9, `text ARI ${value}`);
});

test('text (OpenAI-compatible endpoint on 127.0.0.1, bag of hashed words) + k-means recovers easy segments (ARI >= 0.9)', async (t) => {
  const dim = 32;
  const wordVector = (w: string): number[] => {
    let h = 2166136261;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619) >>> 0;
    const r = randomSource(h);
    return Array.from({ length: dim }, () => r.normal());
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const { input } = JSON.parse(raw) as { input: string[] };
      const data = input.map((text, index) => {
        const v = new Array(dim).fill(0);
        for (const w of text.split(/[\s;]+/).filter(Boolean)) {
          wordVector(w).forEach((x, j) => {
            v[j] += x;
          });
        }
        return { index, embedding: v };
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const value = await ari(
      await createEncoder('text', {
        source: 'endpoint',
        url,
        model: 'hashed-words',
        maxEvents: 200,
        batchSize: 100,
      }),
    );
    t.diagnostic(`ARI ${value.toFixed(3)}`);
    assert.ok(value >= 0.9, `endpoint ARI ${value}`);
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test('precomputed (tfidf vectors written in shuffled user order) + k-means recovers easy segments (ARI >= 0.9)', async (t) => {
  const tfidf = await createEncoder('tfidf', { dim: 32, seed: 2 });
  const X = await (await tfidf.fit(sequences)).transform(sequences);
  const order = Array.from({ length: X.rows }, (_, i) => i).reverse();
  const path = join(mkdtempSync(join(tmpdir(), 'segscope-easy-pre-')), 'team.npy');
  writeVectorFile(
    path,
    order.map((i) => sequences.users[i]),
    selectRows(X, order),
  );
  const value = await ari(await createEncoder('precomputed', { path, dim: 32 }));
  t.diagnostic(`ARI ${value.toFixed(3)}`);
  assert.ok(value >= 0.9, `precomputed ARI ${value}`);
});
