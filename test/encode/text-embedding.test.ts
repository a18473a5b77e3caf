import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EmbeddingsEndpoint } from '../../src/encode/embeddings-endpoint.js';
import { LocalSentenceModel } from '../../src/encode/local-sentence-model.js';
import { TextEmbeddingEncoder } from '../../src/encode/text-embedding.js';
import { GraphBuilder, intAttr } from '../../src/kernels/onnx/graph-builder.js';
import { InputError } from '../../src/util/errors.js';
import { handSequences } from './helpers.js';

const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'viewed', 'shoe', '##s', 'bought', 'in', 'x'];
const DIM = 3;
// Row t of the embedding table; [PAD] has a large row so pooling over padding would show.
const TABLE = new Float32Array(VOCAB.flatMap((_, t) => (t === 0 ? [100, 100, 100] : [t, (t * t) % 7, 1])));

/** A folder with a tiny BERT-shaped model: last_hidden_state = Gather(table, input_ids). */
function tinyModelFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'segscope-tiny-model-'));
  const g = new GraphBuilder('tiny-sentence-model');
  const ids = g.input('input_ids', 'int64', ['batch', 'seq']);
  g.input('attention_mask', 'int64', ['batch', 'seq']);
  const table = g.constant('float32', [VOCAB.length, DIM], [...TABLE]);
  g.output(g.node('Gather', [table, ids], { axis: intAttr(0) }), 'last_hidden_state', 'float32', [
    'batch',
    'seq',
    DIM,
  ]);
  const bytes = g.encode();
  writeFileSync(join(dir, 'model.onnx'), bytes);
  writeFileSync(join(dir, 'vocab.txt'), `${VOCAB.join('\n')}\n`);
  return dir;
}

/** Hand reference: mean of table rows for the ids, then unit length. */
function expected(ids: number[]): number[] {
  const v = [0, 0, 0];
  for (const t of ids) for (let j = 0; j < DIM; j++) v[j] += TABLE[t * DIM + j] / ids.length;
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

function close(a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-6): void {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) < tol, `[${i}] ${a[i]} vs ${b[i]}`);
}

test('LocalSentenceModel embeds with WordPiece + attention-mask mean pooling + L2 norm (tiny ONNX model built here)', async () => {
  const model = await LocalSentenceModel.load(tinyModelFolder(), { batchSize: 4 });
  const [a, b] = await model.embed(['Viewed shoes', 'bought x in x x']);
  close(a, expected([2, 4, 5, 6, 3])); // [CLS] viewed shoe ##s [SEP]; padded to 7 in this batch
  close(b, expected([2, 7, 9, 8, 9, 9, 3]));
  assert.ok(Math.abs(Math.hypot(...a) - 1) < 1e-6);
});

test('LocalSentenceModel reads a HF tokenizer.json (WordPiece) instead of vocab.txt, same vectors', async () => {
  const dir = tinyModelFolder();
  rmSync(join(dir, 'vocab.txt'));
  const vocab = Object.fromEntries(VOCAB.map((t, i) => [t, i]));
  writeFileSync(
    join(dir, 'tokenizer.json'),
    JSON.stringify({
      model: { type: 'WordPiece', vocab, unk_token: '[UNK]' },
      normalizer: { lowercase: true },
    }),
  );
  const model = await LocalSentenceModel.load(dir);
  const [a] = await model.embed(['VIEWED shoes']);
  close(a, expected([2, 4, 5, 6, 3]));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify({ model: { type: 'BPE', vocab: {} } }));
  await assert.rejects(
    LocalSentenceModel.load(dir),
    (e: unknown) =>
      e instanceof InputError && /tokenizer\.json: cannot read tokenizer: .*WordPiece/.test(e.message),
  );
});

test('LocalSentenceModel.load: missing or incomplete folder is an InputError naming the folder', async () => {
  const missing = join(tmpdir(), 'segscope-no-such-model-folder');
  await assert.rejects(
    LocalSentenceModel.load(missing),
    (e: unknown) => e instanceof InputError && e.message.includes(missing) && /not found/.test(e.message),
  );
  const partial = mkdtempSync(join(tmpdir(), 'segscope-partial-'));
  writeFileSync(join(partial, 'vocab.txt'), 'a\n');
  await assert.rejects(
    LocalSentenceModel.load(partial),
    (e: unknown) =>
      e instanceof InputError && e.message.includes(partial) && /missing model\.onnx/.test(e.message),
  );
});

test('TextEmbeddingEncoder(local) textualizes each user and embeds one unit row per user', async () => {
  const seqs = handSequences({
    u1: [{ item: 'x', b: 'pv' }],
    u2: [
      { item: 'x', b: 'buy' },
      { item: 'x', b: 'buy' },
    ],
    u3: [],
  });
  const enc = await new TextEmbeddingEncoder({ modelDir: tinyModelFolder() }).fit(seqs);
  assert.deepEqual(enc.texts(seqs), ['viewed x', 'bought x (x2)', '']);
  const X = await enc.transform(seqs);
  assert.equal(X.rows, 3);
  assert.equal(X.cols, DIM);
  close(X.data.subarray(0, 3), expected([2, 4, 9, 3]));
  assert.deepEqual([...X.data.subarray(6, 9)], [0, 0, 0], 'an empty user is not embedded: zero row');
  assert.equal(enc.emptyUsers, 1);
  await assert.rejects(
    new TextEmbeddingEncoder({ modelDir: '/nonexistent/model' }).fit(seqs),
    /\/nonexistent\/model/,
  );
});

type Handler = (body: { model: string; input: string[] }, res: ServerResponse, req: IncomingMessage) => void;

async function withServer(handler: Handler, run: (url: string) => Promise<void>): Promise<void> {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => handler(JSON.parse(raw), res, req));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  try {
    await run(`http://127.0.0.1:${port}/v1`);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

const vectorOf = (text: string) => [text.length, (text.match(/a/g) ?? []).length, 1];
const reply = (res: ServerResponse, input: string[], dims = 3) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      data: input.map((t, index) => ({ index, embedding: vectorOf(t).slice(0, dims) })).reverse(),
    }),
  );
};

test('EmbeddingsEndpoint batches requests, sends model and key, orders by index, caches on disk', async () => {
  const seen: { model: string; n: number; auth?: string }[] = [];
  const cacheDir = mkdtempSync(join(tmpdir(), 'segscope-emb-cache-'));
  await withServer(
    (body, res, req) => {
      seen.push({ model: body.model, n: body.input.length, auth: req.headers.authorization });
      reply(res, body.input);
    },
    async (url) => {
      const ep = new EmbeddingsEndpoint({ url, model: 'm1', key: 'sk-test', batchSize: 2, cacheDir });
      const texts = ['a', 'bb', 'aaa', 'c', 'ab'];
      const out = await ep.embed(texts);
      assert.deepEqual(
        out.map((v) => [...v]),
        texts.map(vectorOf),
      );
      assert.deepEqual(seen, [
        { model: 'm1', n: 2, auth: 'Bearer sk-test' },
        { model: 'm1', n: 2, auth: 'Bearer sk-test' },
        { model: 'm1', n: 1, auth: 'Bearer sk-test' },
      ]);
      const again = await new EmbeddingsEndpoint({ url, model: 'm1', batchSize: 2, cacheDir }).embed([
        'ab',
        'zz',
      ]);
      assert.deepEqual(
        again.map((v) => [...v]),
        [vectorOf('ab'), vectorOf('zz')],
      );
      assert.equal(seen.length, 4, 'only the uncached text was requested');
      const files = readdirSync(cacheDir, { recursive: true }).map(String);
      assert.equal(files.filter((f) => f.endsWith('.f32')).length, 6);
      assert.equal(files.filter((f) => f.endsWith('.tmp')).length, 0);
    },
  );
});

test('EmbeddingsEndpoint retries a 500 with back-off, then succeeds', async () => {
  let calls = 0;
  await withServer(
    (body, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(500);
        res.end('overloaded');
      } else reply(res, body.input);
    },
    async (url) => {
      const ep = new EmbeddingsEndpoint({ url, model: 'm', backoffMs: 5 });
      const [v] = await ep.embed(['aa']);
      assert.deepEqual([...v], vectorOf('aa'));
      assert.equal(calls, 2);
      assert.equal(ep.stats.retries, 1);
    },
  );
});

test('EmbeddingsEndpoint: timeouts, non-2xx and wrong dimensions are InputErrors naming the endpoint', async () => {
  let calls = 0;
  await withServer(
    (body, res) => {
      calls++;
      if (body.input[0] === 'slow') setTimeout(() => reply(res, body.input), 300);
      else if (body.input[0] === 'short') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: [{ index: 0, embedding: [1, 2] }] }));
      } else if (body.input[0] === 'forbidden') {
        res.writeHead(401);
        res.end('bad key');
      } else reply(res, body.input, 2);
    },
    async (url) => {
      const ep = new EmbeddingsEndpoint({ url, model: 'm', timeoutMs: 50, retries: 1, backoffMs: 1 });
      await assert.rejects(
        ep.embed(['slow']),
        (e: unknown) =>
          e instanceof InputError &&
          /timed out after 50 ms \(after 2 attempts\)/.test(e.message) &&
          e.message.includes(url),
      );
      calls = 0;
      await assert.rejects(ep.embed(['forbidden']), /HTTP 401: bad key/);
      assert.equal(calls, 1, '4xx is not retried');
      await assert.rejects(
        new EmbeddingsEndpoint({ url, model: 'm', dimensions: 3 }).embed(['x']),
        /has 2 dimensions, expected 3/,
      );
    },
  );
});

test('EmbeddingsEndpoint takes url, model and key from SEGSCOPE_EMBEDDINGS_* and requires url and model', () => {
  const ep = new EmbeddingsEndpoint(
    {},
    {
      SEGSCOPE_EMBEDDINGS_URL: 'http://h/v1/',
      SEGSCOPE_EMBEDDINGS_MODEL: 'e5',
      SEGSCOPE_EMBEDDINGS_KEY: 'k',
    },
  );
  assert.equal(ep.options.url, 'http://h/v1/');
  assert.equal(ep.options.key, 'k');
  assert.equal(ep.id, 'endpoint:e5');
  assert.throws(() => new EmbeddingsEndpoint({}, {}), /url is required/);
  assert.throws(() => new EmbeddingsEndpoint({ url: 'http://h' }, {}), /model is required/);
});
