/**
 * Transformer training throughput (tokens per second): segscope (TensorFlow.js, WASM and CPU
 * backends; full and sampled softmax) against PyTorch CPU (2 threads) on the same masked-item
 * model, batch and sequence length, in one run. Also prints where segscope's step time goes
 * (tf.profile kernel times), i.e. what limits it.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { useTensorBackend } from '../src/encode/transformer-backend.js';
import type { ItemLossSetup } from '../src/encode/transformer-loss.js';
import { itemPredictionLoss } from '../src/encode/transformer-loss.js';
import { maskedItemBatch } from '../src/encode/transformer-masking.js';
import { transformerHidden } from '../src/encode/transformer-model.js';
import { negativeSampler } from '../src/encode/transformer-negatives.js';
import { initTransformerParams } from '../src/encode/transformer-params.js';
import { trainTransformer } from '../src/encode/transformer-train.js';
import type { TokenWindows } from '../src/encode/transformer-windows.js';
import { randomSource } from '../src/util/random.js';

const SIZE = { seqs: 1280, len: 50, items: 2000, dim: 64, heads: 2, layers: 1, batch: 128, threads: 2 };

function randomWindows(count: number): TokenWindows {
  const r = randomSource(2);
  const n = count * SIZE.len;
  const fill = (lo: number, hi: number) => Int32Array.from({ length: n }, () => lo + r.int(hi - lo));
  return {
    count,
    maxLen: SIZE.len,
    items: fill(3, SIZE.items + 3),
    behaviors: fill(1, 7),
    categories: fill(1, 41),
    gaps: fill(1, 24),
    lengths: new Int32Array(count).fill(SIZE.len),
    unknownItems: 0,
  };
}

/** Tokens per wall second and per CPU second over all batches but the first two (warm-up). */
interface Throughput {
  wall: number;
  cpu: number;
}

/** Throughput of masked-item training on the active backend. */
async function segscopeThroughput(kind: 'full' | 'sampled', seqs: number): Promise<Throughput> {
  const windows = randomWindows(seqs);
  const params = initTransformerParams(
    {
      tokens: SIZE.items + 3,
      categories: 41,
      maxLen: SIZE.len,
      dim: SIZE.dim,
      heads: SIZE.heads,
      layers: SIZE.layers,
      ffnDim: 4 * SIZE.dim,
    },
    randomSource(1),
  );
  const counts = new Float64Array(SIZE.items + 3).fill(1);
  // No category head: the PyTorch peer trains the plain item model.
  const loss: ItemLossSetup = {
    kind,
    negatives: 256,
    sampler: negativeSampler(counts, 'uniform'),
    categoryWeight: 0,
  };
  const optimizer = tf.train.adam(1e-3);
  const stamps: number[] = [];
  const cpu: number[] = [];
  const onProgress = () => {
    stamps.push(performance.now());
    const u = process.cpuUsage();
    cpu.push((u.user + u.system) / 1000);
  };
  await trainTransformer(
    params,
    windows,
    optimizer,
    { objective: 'masked', epochs: 1, batchSize: SIZE.batch, maskRate: 0.2, seed: 1, loss, onProgress },
    0,
  );
  for (const v of params.list) v.dispose();
  optimizer.dispose();
  const tokens = (stamps.length - 2) * SIZE.batch * SIZE.len;
  const last = stamps.length - 1;
  return { wall: tokens / ((stamps[last] - stamps[1]) / 1000), cpu: tokens / ((cpu[last] - cpu[1]) / 1000) };
}

/** Kernel time shares of one full-softmax training step on the active backend. */
async function stepProfile(): Promise<string> {
  const windows = randomWindows(SIZE.batch);
  const params = initTransformerParams(
    {
      tokens: SIZE.items + 3,
      categories: 41,
      maxLen: SIZE.len,
      dim: SIZE.dim,
      heads: SIZE.heads,
      layers: SIZE.layers,
      ffnDim: 4 * SIZE.dim,
    },
    randomSource(1),
  );
  const loss: ItemLossSetup = {
    kind: 'full',
    negatives: 256,
    sampler: negativeSampler(new Float64Array(SIZE.items + 3).fill(1), 'uniform'),
    categoryWeight: 0,
  };
  const optimizer = tf.train.adam(1e-3);
  const rows = Int32Array.from({ length: SIZE.batch }, (_, i) => i);
  const random = randomSource(3);
  const step = () => {
    const batch = maskedItemBatch(windows, rows, 0.2, random);
    optimizer
      .minimize(
        () =>
          itemPredictionLoss(params, transformerHidden(params, batch, 'bidirectional'), batch, loss, random),
        true,
        [...params.list],
      )
      ?.dispose();
  };
  step();
  const info = await tf.profile(step);
  const byKernel = new Map<string, number>();
  let total = 0;
  for (const k of info.kernels) {
    const ms = Number(await k.kernelTimeMs) || 0;
    const key =
      k.name === 'BatchMatMul'
        ? k.inputShapes[0]?.length === 3 && (k.inputShapes[0][0] ?? 1) > 1
          ? 'BatchMatMul (batched, attention)'
          : 'MatMul (2-D, XNNPACK)'
        : k.name;
    byKernel.set(key, (byKernel.get(key) ?? 0) + ms);
    total += ms;
  }
  for (const v of params.list) v.dispose();
  optimizer.dispose();
  return [...byKernel]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, ms]) => `${name} ${((100 * ms) / total).toFixed(0)}%`)
    .join(', ');
}

export async function run(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const script = join(here, '..', '..', 'bench', 'transformer_torch.py');
  const args = [
    SIZE.seqs,
    SIZE.len,
    SIZE.items,
    SIZE.dim,
    SIZE.heads,
    SIZE.layers,
    SIZE.batch,
    SIZE.threads,
  ].map(String);
  console.log(
    `transformer training throughput: masked-item, ${SIZE.seqs} seqs x ${SIZE.len}, ${SIZE.items} items, dim ${SIZE.dim}, ${SIZE.layers} block, ${SIZE.heads} heads, batch ${SIZE.batch}`,
  );
  const torch = JSON.parse(
    execFileSync('/usr/bin/python3', [script, ...args], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop() ?? '{}',
  ) as { tokens_per_s: number; tokens_per_cpu_s: number };
  const rows: [string, Throughput][] = [];
  await useTensorBackend('wasm');
  rows.push(['segscope wasm, full softmax', await segscopeThroughput('full', SIZE.seqs)]);
  rows.push(['segscope wasm, sampled softmax (256)', await segscopeThroughput('sampled', SIZE.seqs)]);
  const wasmProfile = await stepProfile();
  await useTensorBackend('cpu');
  rows.push(['segscope cpu, full softmax', await segscopeThroughput('full', 4 * SIZE.batch)]);
  await useTensorBackend('wasm');
  const line = (name: string, t: Throughput) =>
    console.log(
      `${name.padEnd(40)}${t.wall.toFixed(0).padStart(10)}${(t.wall / torch.tokens_per_s).toFixed(2).padStart(10)}${t.cpu.toFixed(0).padStart(14)}${(t.cpu / torch.tokens_per_cpu_s).toFixed(2).padStart(10)}`,
    );
  console.log(
    `${'engine'.padEnd(40)}${'tokens/s'.padStart(10)}${'vs torch'.padStart(10)}${'tokens/cpu-s'.padStart(14)}${'vs torch'.padStart(10)}`,
  );
  line(`pytorch ${SIZE.threads} threads, full softmax`, {
    wall: torch.tokens_per_s,
    cpu: torch.tokens_per_cpu_s,
  });
  for (const [name, t] of rows) line(name, t);
  console.log(`wasm step time by kernel: ${wasmProfile}`);
  console.log('timings are noisy: the machine is shared; ratios come from this one run');
}
