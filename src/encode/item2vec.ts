/**
 * item2vec (Barkan & Koenigstein 2016): skip-gram with negative sampling over each user's item
 * sequence (gensim Word2Vec sg=1 semantics, see sgns-core.ts), then a user vector pooled from the
 * item vectors (item-pooling.ts; default behavior-weighted mean).
 *
 * Determinism: `workers: 1` (the default) trains in the calling thread and is bit-for-bit
 * reproducible from `seed`. `workers > 1` trains shards of sentences in worker threads on shared
 * weights without locks (Hogwild, as gensim's threads), so results depend on thread scheduling:
 * reproducible in distribution, not bit for bit. Choose it for speed on large logs.
 * With `simd` (default) and dim % 4 == 0 the pair step runs as a WASM SIMD kernel over float32
 * (gensim's precision); otherwise in TypeScript with float64 dot products. The two paths give
 * close but not identical vectors for one seed.
 */
import { Worker } from 'node:worker_threads';
import { BEHAVIORS, type Behavior, type SequenceSet } from '../data/sequence-set.js';
import type { Matrix } from '../util/matrix.js';
import { type ProgressCallback, silentProgress } from '../util/progress.js';
import { randomSource } from '../util/random.js';
import type { Encoder } from './encoder.js';
import {
  DEFAULT_BEHAVIOR_WEIGHTS,
  POOLINGS,
  type PoolingOptions,
  type PoolingReport,
  poolItemVectors,
} from './item-pooling.js';
import { EXP_TABLE, type SgnsArrays, type SgnsSettings, trainSgnsShard } from './sgns-core.js';
import {
  allocateSgnsKernelMemory,
  type SgnsKernelLayout,
  sgnsKernelContext,
  sgnsKernelModule,
} from './sgns-wasm.js';
import { localArray, sgnsCorpus, sharedArray } from './sgns-corpus.js';
import { negativeSamplingTable, sgnsVocabulary } from './sgns-vocabulary.js';

export interface Item2VecOptions extends PoolingOptions {
  dim: number;
  window: number;
  negative: number;
  /** Subsampling threshold for frequent items (gensim `sample`); 0 = off. */
  sample: number;
  minCount: number;
  epochs: number;
  alpha: number;
  minAlpha: number;
  /** Step scale of a training pair by the center event's behavior (all 1 = plain gensim). */
  trainWeights: Readonly<Record<Behavior, number>>;
  workers: number;
  /** Run the pair step as the WASM SIMD kernel (sgns-wasm.ts) when dim is a multiple of 4. */
  simd: boolean;
  /** Sentences per shard chunk when workers > 1. */
  chunk: number;
  seed: number;
  onProgress: ProgressCallback;
}

export const DEFAULT_ITEM2VEC_OPTIONS: Readonly<Item2VecOptions> = {
  dim: 64,
  window: 5,
  negative: 5,
  sample: 1e-3,
  minCount: 1,
  epochs: 5,
  alpha: 0.025,
  minAlpha: 0.0001,
  trainWeights: { pv: 1, cart: 1, fav: 1, buy: 1, search: 1, other: 1 },
  pooling: 'behavior-weighted',
  behaviorWeights: DEFAULT_BEHAVIOR_WEIGHTS,
  halfLifeDays: 7,
  workers: 1,
  simd: true,
  chunk: 64,
  seed: 0,
  onProgress: silentProgress,
};

const positiveInt = ['dim', 'window', 'negative', 'minCount', 'epochs', 'workers', 'chunk'] as const;

export class Item2VecEncoder implements Encoder {
  readonly name = 'item2vec';
  readonly params: Readonly<Omit<Item2VecOptions, 'onProgress'>>;
  /** Item ids in vector-row order (descending frequency). */
  itemIds: readonly string[] = [];
  /** Trained input vectors, one row per item id. */
  itemVectors: Matrix = { rows: 0, cols: 0, data: new Float32Array(0) };
  /** Pairs trained in the last fit. */
  trainedPairs = 0;
  lastTransformReport: PoolingReport = { unknownEvents: 0, emptyUsers: 0 };
  private rowOf = new Map<string, number>();
  private readonly onProgress: ProgressCallback;

  /** @throws RangeError naming the bad option. */
  constructor(options: Partial<Item2VecOptions> = {}) {
    const o = { ...DEFAULT_ITEM2VEC_OPTIONS, ...options };
    for (const k of positiveInt) {
      if (!Number.isInteger(o[k]) || o[k] < 1)
        throw new RangeError(`Item2VecEncoder: ${k} (${o[k]}) must be a positive integer`);
    }
    if (!(o.alpha > 0) || !(o.minAlpha >= 0) || o.minAlpha > o.alpha) {
      throw new RangeError(
        `Item2VecEncoder: need 0 <= minAlpha (${o.minAlpha}) <= alpha (${o.alpha}), alpha > 0`,
      );
    }
    if (!(o.sample >= 0)) throw new RangeError(`Item2VecEncoder: sample (${o.sample}) must be >= 0`);
    if (!POOLINGS.includes(o.pooling))
      throw new RangeError(`Item2VecEncoder: pooling "${o.pooling}" is not one of ${POOLINGS.join(', ')}`);
    if (!(o.halfLifeDays > 0))
      throw new RangeError(`Item2VecEncoder: halfLifeDays (${o.halfLifeDays}) must be > 0`);
    for (const b of BEHAVIORS) {
      if (!(o.trainWeights[b] >= 0))
        throw new RangeError(`Item2VecEncoder: trainWeights.${b} (${o.trainWeights[b]}) must be >= 0`);
      if (!(o.behaviorWeights[b] >= 0))
        throw new RangeError(`Item2VecEncoder: behaviorWeights.${b} (${o.behaviorWeights[b]}) must be >= 0`);
    }
    const { onProgress, ...params } = o;
    this.params = params;
    this.onProgress = onProgress;
  }

  /** @throws RangeError when there are no sequences or no item reaches minCount. */
  async fit(seqs: SequenceSet): Promise<this> {
    const p = this.params;
    if (seqs.users.length === 0) throw new RangeError('Item2VecEncoder.fit: no sequences');
    const vocab = sgnsVocabulary(seqs, p.minCount, p.sample);
    if (vocab.ids.length === 0)
      throw new RangeError(`Item2VecEncoder.fit: no item occurs at least minCount (${p.minCount}) times`);
    const share = p.workers > 1;
    const alloc = share ? sharedArray : localArray;
    const n = seqs.users.length;
    const { tokens, sentenceOffsets, tokenWeights } = sgnsCorpus(seqs, vocab.fromItem, p.trainWeights, alloc);
    const V = vocab.ids.length;
    const module = p.simd && p.dim % 4 === 0 ? sgnsKernelModule() : undefined;
    const kernelMemory =
      module === undefined ? undefined : allocateSgnsKernelMemory(V, p.dim, p.negative, p.workers, EXP_TABLE);
    const syn0 = kernelMemory?.syn0 ?? alloc(Float32Array, V * p.dim);
    const random = randomSource(p.seed);
    for (let i = 0; i < syn0.length; i++) syn0[i] = (random.uniform() - 0.5) / p.dim;
    const negatives = negativeSamplingTable(vocab.cumTable);
    const negativeTable = alloc(Int32Array, negatives.table.length);
    negativeTable.set(negatives.table);
    const keep = alloc(Uint32Array, V);
    keep.set(vocab.keep);
    const arrays: SgnsArrays = {
      syn0,
      syn1neg: kernelMemory?.syn1neg ?? alloc(Float32Array, V * p.dim),
      tokens,
      sentenceOffsets,
      tokenWeights,
      negativeTable,
      keep,
      progress: alloc(Float64Array, 1),
      lock: alloc(Int32Array, 1),
    };
    const settings: SgnsSettings = {
      ...p,
      negativeBits: negatives.bits,
      totalWords: vocab.totalWords,
      seed: random.int(0x7fffffff),
    };
    const task = `item2vec ${p.epochs} epochs`;
    this.onProgress({ task, done: 0, total: p.epochs });
    const wasm =
      module === undefined || kernelMemory === undefined
        ? undefined
        : { module, memory: kernelMemory.memory, layout: kernelMemory.layout };
    if (!share) {
      const kernel =
        wasm === undefined ? undefined : sgnsKernelContext(wasm.module, wasm.memory, wasm.layout, 0);
      this.trainedPairs = trainSgnsShard(
        arrays,
        settings,
        { index: 0, count: 1, chunk: n },
        (epoch) => this.onProgress({ task, done: epoch + 1, total: p.epochs }),
        kernel,
      );
    } else {
      const results = await Promise.all(
        Array.from({ length: p.workers }, (_, index) =>
          runWorker(
            { arrays, settings, shard: { index, count: p.workers, chunk: p.chunk }, wasm },
            (epoch) => {
              if (index === 0) this.onProgress({ task, done: epoch + 1, total: p.epochs });
            },
          ),
        ),
      );
      this.trainedPairs = results.reduce((a, b) => a + b, 0);
    }
    this.itemIds = vocab.ids;
    this.itemVectors = { rows: V, cols: p.dim, data: Float32Array.from(syn0) };
    this.rowOf = new Map(vocab.ids.map((id, v) => [id, v]));
    return this;
  }

  /** User vectors pooled from item vectors; unknown items are ignored and counted in `lastTransformReport`. */
  async transform(seqs: SequenceSet): Promise<Matrix> {
    if (this.itemVectors.rows === 0) throw new Error('Item2VecEncoder.transform: call fit first');
    const rows = Int32Array.from(seqs.itemVocab, (id) => this.rowOf.get(id) ?? -1);
    const { X, report } = poolItemVectors(seqs, this.itemVectors, (item) => rows[item], this.params);
    this.lastTransformReport = report;
    return X;
  }

  /** The `k` items most cosine-similar to `itemId` (excluding itself). @throws RangeError for an unknown item. */
  mostSimilar(itemId: string, k: number): { id: string; similarity: number }[] {
    const v = this.rowOf.get(itemId);
    if (v === undefined) throw new RangeError(`Item2VecEncoder.mostSimilar: unknown item "${itemId}"`);
    const { cols: d, data } = this.itemVectors;
    const norm = (r: number) =>
      Math.sqrt(data.subarray(r * d, (r + 1) * d).reduce((s, x) => s + x * x, 0)) || 1;
    const nv = norm(v);
    const scored = this.itemIds.map((id, r) => {
      let dot = 0;
      for (let x = 0; x < d; x++) dot += data[v * d + x] * data[r * d + x];
      return { id, similarity: dot / (nv * norm(r)) };
    });
    return scored
      .filter((_, r) => r !== v)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, k);
  }
}

/** What a training worker receives (item2vec-worker.ts). */
export interface Item2VecWorkerData {
  arrays: SgnsArrays;
  settings: SgnsSettings;
  shard: { index: number; count: number; chunk: number };
  wasm?: { module: WebAssembly.Module; memory: WebAssembly.Memory; layout: SgnsKernelLayout };
}

function runWorker(data: Item2VecWorkerData, onEpoch: (e: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./item2vec-worker.js', import.meta.url), { workerData: data });
    worker.on('message', (m: { epoch?: number; pairs?: number }) => {
      if (m.epoch !== undefined) onEpoch(m.epoch);
      if (m.pairs !== undefined) resolve(m.pairs);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`item2vec worker exited with code ${code}`));
    });
  });
}
