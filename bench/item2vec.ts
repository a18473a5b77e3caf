/**
 * item2vec training throughput (events per second) against gensim 4.2 Word2Vec (sg=1) on the same
 * corpus and settings, in one run: a Zipf-distributed item corpus written to a temp file, gensim run
 * as a /usr/bin/python3 subprocess timing `train()` only (vocabulary build excluded), segscope timing
 * `fit()` (vocabulary build included). Usage: node dist/bench/index.js item2vec [sentences]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SequenceSet } from '../src/data/sequence-set.js';
import { Item2VecEncoder } from '../src/encode/item2vec.js';
import { randomSource } from '../src/util/random.js';

const SETTINGS = {
  dim: 100,
  window: 5,
  negative: 5,
  sample: 1e-3,
  minCount: 1,
  epochs: 3,
  alpha: 0.025,
  minAlpha: 0.0001,
  workers: 2,
};

/** Sentences of items drawn from a Zipf(1.1) vocabulary, with sequential runs inside one "topic". */
function corpus(sentences: number, length: number, items: number, seed: number): SequenceSet {
  const random = randomSource(seed);
  const cdf = new Float64Array(items);
  let total = 0;
  for (let i = 0; i < items; i++) {
    total += 1 / (i + 1) ** 1.1;
    cdf[i] = total;
  }
  const draw = (): number => {
    const u = random.uniform() * total;
    let lo = 0;
    let hi = items - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const n = sentences * length;
  const tokens = new Int32Array(n);
  for (let i = 0; i < n; i++) tokens[i] = draw();
  const offsets = Int32Array.from({ length: sentences + 1 }, (_, s) => s * length);
  return {
    users: Array.from({ length: sentences }, (_, s) => `u${s}`),
    offsets,
    items: tokens,
    behaviors: new Uint8Array(n),
    ts: new Float64Array(n),
    itemVocab: Array.from({ length: items }, (_, i) => `i${i}`),
    keyedBy: 'user',
  };
}

const GENSIM = `
import sys, time, logging
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence
path, dim, window, negative, sample, epochs, workers = sys.argv[1], *map(float, sys.argv[2:])
sentences = list(LineSentence(path))
m = Word2Vec(vector_size=int(dim), window=int(window), negative=int(negative), sample=sample, min_count=1,
             sg=1, hs=0, workers=int(workers), seed=1, alpha=0.025, min_alpha=0.0001)
m.build_vocab(sentences)
t, c = time.perf_counter(), time.process_time()
m.train(sentences, total_examples=len(sentences), epochs=int(epochs))
print(time.perf_counter() - t, time.process_time() - c)
`;

export async function run(argv: readonly string[] = process.argv.slice(3)): Promise<void> {
  const sentences = Number(argv[0] ?? 10000);
  const length = 50;
  const seqs = corpus(sentences, length, 20000, 7);
  const dir = mkdtempSync(join(tmpdir(), 'segscope-bench-i2v-'));
  try {
    const path = join(dir, 'corpus.txt');
    const lines: string[] = [];
    for (let s = 0; s < sentences; s++) {
      lines.push(
        Array.from(seqs.items.subarray(seqs.offsets[s], seqs.offsets[s + 1]), (i) => seqs.itemVocab[i]).join(
          ' ',
        ),
      );
    }
    writeFileSync(path, `${lines.join('\n')}\n`);
    const events = sentences * length * SETTINGS.epochs;
    // Wall seconds and CPU seconds (all threads): the machine is shared, so CPU time is the steadier ratio.
    const rows: [string, number, number][] = [];
    for (const [workers, simd] of [
      [2, true],
      [1, true],
      [1, false],
    ] as const) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await new Item2VecEncoder({ ...SETTINGS, workers, simd, seed: 1 }).fit(seqs);
      const cpu = process.cpuUsage(c0);
      rows.push([
        `segscope workers=${workers}${simd ? ' wasm-simd' : ' ts'}`,
        (performance.now() - t0) / 1000,
        (cpu.user + cpu.system) / 1e6,
      ]);
    }
    const args = [
      path,
      SETTINGS.dim,
      SETTINGS.window,
      SETTINGS.negative,
      SETTINGS.sample,
      SETTINGS.epochs,
      SETTINGS.workers,
    ].map(String);
    const [gWall, gCpu] = execFileSync('/usr/bin/python3', ['-c', GENSIM, ...args], { encoding: 'utf8' })
      .trim()
      .split(/\s+/)
      .map(Number);
    rows.push([`gensim sg=1 workers=${SETTINGS.workers}`, gWall, gCpu]);
    console.log(
      `item2vec: ${sentences} sentences x ${length} events, ${SETTINGS.epochs} epochs, dim ${SETTINGS.dim}, window ${SETTINGS.window}, negative ${SETTINGS.negative}, sample ${SETTINGS.sample}`,
    );
    console.log(
      `${'run'.padEnd(30)}${'wall s'.padStart(9)}${'events/s'.padStart(11)}${'x gensim'.padStart(10)}${'cpu s'.padStart(9)}${'events/cpu-s'.padStart(14)}${'x gensim'.padStart(10)}`,
    );
    for (const [name, wall, cpu] of rows) {
      console.log(
        `${name.padEnd(30)}${wall.toFixed(2).padStart(9)}${(events / wall).toFixed(0).padStart(11)}${(gWall / wall).toFixed(2).padStart(10)}` +
          `${cpu.toFixed(2).padStart(9)}${(events / cpu).toFixed(0).padStart(14)}${(gCpu / cpu).toFixed(2).padStart(10)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
