import * as tf from '@tensorflow/tfjs-core';
import { type SequenceSet, eventCount } from '../data/sequence-set.js';
import { type Matrix, matrix } from '../util/matrix.js';
import { randomSource } from '../util/random.js';
import type { Encoder } from './encoder.js';
import { useTensorBackend } from './transformer-backend.js';
import { readCheckpointMeta, restoreCheckpoint, saveCheckpoint } from './transformer-checkpoint.js';
import { type Centering, embedWindows, fitCentering, topNextItems } from './transformer-infer.js';
import type { ItemLossSetup } from './transformer-loss.js';
import { negativeSampler } from './transformer-negatives.js';
import {
  type ResolvedTransformerOptions,
  type TransformerEncoderOptions,
  resolveTransformerOptions,
} from './transformer-options.js';
import {
  type TransformerParams,
  disposeTransformerParams,
  initTransformerParams,
} from './transformer-params.js';
import { type TrainingSetup, trainTransformer } from './transformer-train.js';
import { FIRST_ITEM_TOKEN, type TokenVocab, buildTokenVocab, tokenCount } from './transformer-vocab.js';
import { tokenizeWindows } from './transformer-windows.js';

/** Everything `fit` learned; deep clustering trains on from here. */
export interface FittedTransformer {
  readonly params: TransformerParams;
  readonly vocab: TokenVocab;
  readonly loss: ItemLossSetup;
  readonly options: ResolvedTransformerOptions;
  readonly optimizer: tf.Optimizer;
  /** Group centers for `contextual` / `transition` pooling (set at the end of fit when chosen). */
  centering: Centering | undefined;
}

/** Top-k next items of each sequence: `items[s * k + r]` is an item string, or '' past the vocabulary. */
export interface NextItemScores {
  readonly k: number;
  readonly items: readonly string[];
  readonly scores: Float32Array;
}

/**
 * Self-supervised transformer over behavior sequences, trained on the log itself: `masked` is a
 * masked-item model (BERT4Rec, Sun et al. 2019), `causal` a next-item model (SASRec, Kang &
 * McAuley 2018). Tokens are items plus behavior, category, position and time-gap-bucket
 * embeddings; the user vector is pooled from the final hidden states. Runs on TensorFlow.js
 * (autodiff, Adam) on the WASM backend by default. Deterministic for a seed on one machine.
 *
 * Bad input: `fit` on a set without events throws RangeError; one-event users train only under
 * `masked` (causal needs two events) but are still embedded; items unseen at fit become [UNK]
 * at transform (counted in `unknownItems`); empty sequences embed as zero rows.
 * @example const X = await new TransformerEncoder({ objective: 'causal', epochs: 5 }).fit(seqs).then((e) => e.transform(seqs));
 */
export class TransformerEncoder implements Encoder {
  readonly name = 'transformer';
  readonly params: Readonly<Record<string, unknown>>;
  /** Mean training loss per epoch (including epochs restored from a checkpoint). */
  losses: number[] = [];
  /** Backend that ran (`wasm` or `cpu`), set by fit. */
  backendUsed: 'wasm' | 'cpu' | undefined;
  /** Events mapped to [UNK] by the latest transform or scoreNextItems. */
  unknownItems = 0;
  private readonly options: ResolvedTransformerOptions;
  private fitted: FittedTransformer | undefined;

  constructor(options: TransformerEncoderOptions = {}) {
    this.options = resolveTransformerOptions(options);
    const { onProgress: _p, checkpointDir: _c, ...recorded } = this.options;
    this.params = Object.freeze(recorded);
  }

  /** The fitted model. @throws Error before fit. */
  get model(): FittedTransformer {
    if (this.fitted === undefined) throw new Error('TransformerEncoder: call fit before using the model');
    return this.fitted;
  }

  async fit(seqs: SequenceSet): Promise<this> {
    if (eventCount(seqs) === 0) throw new RangeError('TransformerEncoder.fit: seqs has no events');
    const o = this.options;
    this.backendUsed = await useTensorBackend(o.backend);
    const vocab = buildTokenVocab(seqs);
    const windows = tokenizeWindows(seqs, vocab, o.maxLen);
    const shape = {
      tokens: tokenCount(vocab),
      categories: vocab.categories.length + 1,
      maxLen: o.maxLen,
      dim: o.dim,
      heads: o.heads,
      layers: o.layers,
      ffnDim: o.ffnDim,
    };
    this.dispose();
    const params = initTransformerParams(shape, randomSource(o.seed));
    const kind =
      o.softmax === 'auto' ? (vocab.items.length <= o.fullSoftmaxMaxItems ? 'full' : 'sampled') : o.softmax;
    const loss: ItemLossSetup = {
      kind,
      negatives: o.negatives,
      sampler: negativeSampler(vocab.counts, o.negativeSampling),
      categoryWeight: o.categoryLossWeight,
    };
    const optimizer = tf.train.adam(o.learningRate);
    this.fitted = { params, vocab, loss, options: o, optimizer, centering: undefined };
    // Epochs and backend may change across a resume (train longer, or elsewhere); nothing else may.
    const { epochs: _e, backend: _b, ...shapeAndData } = this.params;
    const fingerprint = {
      ...shapeAndData,
      items: vocab.items.length,
      events: eventCount(seqs),
      sequences: windows.count,
    };
    let startEpoch = 0;
    this.losses = [];
    if (o.checkpointDir !== undefined) {
      const meta = readCheckpointMeta(o.checkpointDir);
      if (meta !== undefined) {
        if (JSON.stringify(meta.fingerprint) !== JSON.stringify(fingerprint)) {
          throw new Error(
            `TransformerEncoder: the checkpoint in ${o.checkpointDir} was made with other options or data; remove it or choose another checkpointDir`,
          );
        }
        await restoreCheckpoint(o.checkpointDir, params, [], optimizer);
        startEpoch = meta.epoch;
        this.losses = meta.losses.slice();
      }
    }
    const dir = o.checkpointDir;
    const setup: TrainingSetup = {
      objective: o.objective,
      epochs: o.epochs,
      batchSize: o.batchSize,
      maskRate: o.maskRate,
      seed: o.seed,
      loss,
      onProgress: o.onProgress,
      onEpochEnd: async (epoch, meanLoss) => {
        this.losses.push(meanLoss);
        if (dir === undefined) return;
        const meta = {
          epoch: epoch + 1,
          seed: o.seed,
          fingerprint,
          losses: this.losses,
          items: vocab.items,
          categories: vocab.categories,
          counts: Array.from(vocab.counts),
        };
        await saveCheckpoint(dir, params, [], optimizer, meta);
      },
    };
    await trainTransformer(params, windows, optimizer, setup, startEpoch);
    if (o.pooling === 'contextual' || o.pooling === 'transition') {
      const mask = o.objective === 'masked' ? 'bidirectional' : 'causal';
      const hasCategories = vocab.categories.length > 0;
      const by = !hasCategories ? 'item' : o.pooling === 'transition' ? 'transition' : 'category';
      this.fitted.centering = await fitCentering(params, windows, mask, by);
    }
    return this;
  }

  async transform(seqs: SequenceSet): Promise<Matrix> {
    const { params, vocab, options, centering } = this.model;
    await useTensorBackend(options.backend);
    const windows = tokenizeWindows(seqs, vocab, options.maxLen);
    this.unknownItems = windows.unknownItems;
    const mask = options.objective === 'masked' ? 'bidirectional' : 'causal';
    return matrix(
      windows.count,
      options.dim,
      await embedWindows(params, windows, mask, options.pooling, centering),
    );
  }

  /**
   * The k items the model ranks highest as each sequence's next event (reserved tokens excluded).
   * @throws RangeError if k is not a positive integer.
   */
  async scoreNextItems(seqs: SequenceSet, k: number): Promise<NextItemScores> {
    if (!Number.isInteger(k) || k < 1)
      throw new RangeError(`TransformerEncoder.scoreNextItems: k (${k}) must be a positive integer`);
    const { params, vocab, options } = this.model;
    await useTensorBackend(options.backend);
    const windows = tokenizeWindows(seqs, vocab, options.maxLen);
    this.unknownItems = windows.unknownItems;
    const kk = Math.min(k, vocab.items.length);
    const top = await topNextItems(params, windows, options.objective, kk);
    const items: string[] = new Array(windows.count * k).fill('');
    const scores = new Float32Array(windows.count * k).fill(Number.NEGATIVE_INFINITY);
    for (let s = 0; s < windows.count; s++) {
      for (let r = 0; r < kk; r++) {
        items[s * k + r] = vocab.items[top.tokens[s * kk + r] - FIRST_ITEM_TOKEN] ?? '';
        scores[s * k + r] = top.scores[s * kk + r];
      }
    }
    return { k, items, scores };
  }

  /** Free the model's tensors; fit again before further use. */
  dispose(): void {
    if (this.fitted === undefined) return;
    disposeTransformerParams(this.fitted.params);
    this.fitted.optimizer.dispose();
    this.fitted = undefined;
  }
}
