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
t = time.perf_counter()
m.train(sentences, total_examples=len(sentences), epochs=int(epochs))
print(time.perf_counter() - t)
`;

export async function run(argv: readonly string[] = process.argv.slice(3)): Promise<void> {
  const sentences = Number(argv[0] ?? 20000);
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
    const rows: [string, number][] = [];
    for (const workers of [1, 2]) {
      const t0 = performance.now();
      await new Item2VecEncoder({ ...SETTINGS, workers, seed: 1 }).fit(seqs);
      rows.push([`segscope item2vec workers=${workers}`, (performance.now() - t0) / 1000]);
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
    const gensimSeconds = Number(
      execFileSync('/usr/bin/python3', ['-c', GENSIM, ...args], { encoding: 'utf8' }).trim(),
    );
    rows.push([`gensim Word2Vec sg=1 workers=${SETTINGS.workers}`, gensimSeconds]);
    console.log(
      `item2vec: ${sentences} sentences x ${length} events, ${SETTINGS.epochs} epochs, dim ${SETTINGS.dim}, window ${SETTINGS.window}, negative ${SETTINGS.negative}, sample ${SETTINGS.sample}`,
    );
    console.log(
      `${'run'.padEnd(36)}${'seconds'.padStart(10)}${'events/s'.padStart(14)}${'vs gensim'.padStart(12)}`,
    );
    for (const [name, seconds] of rows) {
      const rate = events / seconds;
      console.log(
        `${name.padEnd(36)}${seconds.toFixed(2).padStart(10)}${rate.toFixed(0).padStart(14)}${(gensimSeconds / seconds).toFixed(2).padStart(12)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
