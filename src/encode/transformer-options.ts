import type { ProgressCallback } from '../util/progress.js';
import { silentProgress } from '../util/progress.js';
import type { TensorBackend } from './transformer-backend.js';
import type { NegativeSampling } from './transformer-negatives.js';
import type { TransformerPooling } from './transformer-pooling.js';
import type { TransformerObjective } from './transformer-train.js';

/** Hyperparameters of `TransformerEncoder`; every field optional, defaults in TRANSFORMER_DEFAULTS. */
export interface TransformerEncoderOptions {
  /** `masked`: masked-item (BERT4Rec-style, bidirectional); `causal`: next-item (SASRec-style). */
  objective?: TransformerObjective;
  dim?: number;
  heads?: number;
  layers?: number;
  /** Feed-forward width; 0 means 4 * dim. */
  ffnDim?: number;
  /** Window length: the last maxLen events of each sequence. */
  maxLen?: number;
  /** Fraction of events masked per window (masked objective). */
  maskRate?: number;
  epochs?: number;
  batchSize?: number;
  /** Adam step size (Kingma & Ba 2015). */
  learningRate?: number;
  /** `auto`: full softmax up to `fullSoftmaxMaxItems` items, sampled softmax above. */
  softmax?: 'auto' | 'full' | 'sampled';
  fullSoftmaxMaxItems?: number;
  /** Negatives per batch for sampled softmax. */
  negatives?: number;
  negativeSampling?: NegativeSampling;
  /**
   * Weight of an auxiliary loss predicting the target event's category (next category under
   * `causal`, the masked event's under `masked`); 0 turns it off. Categories are few and dense
   * where items are many and sparse, so this is what teaches the model the order of categories.
   */
  categoryLossWeight?: number;
  /** User vector from the final hidden states: `mean`, `last`, `contextual` or `transition` (see TransformerPooling). */
  pooling?: TransformerPooling;
  backend?: TensorBackend;
  seed?: number;
  /** Folder for per-epoch checkpoints; a run finding one there resumes from it. */
  checkpointDir?: string;
  onProgress?: ProgressCallback;
}

export type ResolvedTransformerOptions = Required<Omit<TransformerEncoderOptions, 'checkpointDir'>> & {
  checkpointDir: string | undefined;
};

export const TRANSFORMER_DEFAULTS: Readonly<ResolvedTransformerOptions> = {
  objective: 'masked',
  dim: 64,
  heads: 2,
  layers: 1,
  ffnDim: 0,
  maxLen: 50,
  maskRate: 0.2,
  epochs: 10,
  batchSize: 128,
  learningRate: 0.001,
  softmax: 'auto',
  fullSoftmaxMaxItems: 5000,
  negatives: 256,
  negativeSampling: 'uniform',
  categoryLossWeight: 0,
  pooling: 'mean',
  backend: 'auto',
  seed: 0,
  checkpointDir: undefined,
  onProgress: silentProgress,
};

/**
 * A small next-item transformer that separates segments differing only in order (`segscope generate
 * --difficulty order-phase`: ARI 0.97 where TF-IDF, counts, stats and item2vec stay near 0, see
 * docs/generate.md): causal objective, last-position pooling, dim 32, 8 epochs at learning rate 0.01.
 * Add a seed.
 */
export const TRANSFORMER_ORDER_AWARE: Readonly<TransformerEncoderOptions> = {
  objective: 'causal',
  pooling: 'last',
  dim: 32,
  heads: 2,
  maxLen: 50,
  epochs: 8,
  batchSize: 32,
  learningRate: 0.01,
};

/**
 * Defaults merged once and every invalid field reported together.
 * @throws RangeError listing each bad option (`TransformerEncoder: dim (0) must be ...; heads ...`).
 */
export function resolveTransformerOptions(options: TransformerEncoderOptions): ResolvedTransformerOptions {
  const o: ResolvedTransformerOptions = { ...TRANSFORMER_DEFAULTS };
  for (const [key, value] of Object.entries(options))
    if (value !== undefined) (o as Record<string, unknown>)[key] = value;
  const problems: string[] = [];
  const positiveInt = (name: keyof ResolvedTransformerOptions, value: number): void => {
    if (!Number.isInteger(value) || value < 1) problems.push(`${name} (${value}) must be a positive integer`);
  };
  positiveInt('dim', o.dim);
  positiveInt('heads', o.heads);
  positiveInt('layers', o.layers);
  positiveInt('maxLen', o.maxLen);
  positiveInt('epochs', o.epochs);
  positiveInt('batchSize', o.batchSize);
  positiveInt('negatives', o.negatives);
  if (!Number.isInteger(o.ffnDim) || o.ffnDim < 0)
    problems.push(`ffnDim (${o.ffnDim}) must be a non-negative integer`);
  if (!Number.isInteger(o.fullSoftmaxMaxItems) || o.fullSoftmaxMaxItems < 0)
    problems.push(`fullSoftmaxMaxItems (${o.fullSoftmaxMaxItems}) must be a non-negative integer`);
  if (Number.isInteger(o.dim) && Number.isInteger(o.heads) && o.heads > 0 && o.dim % o.heads !== 0)
    problems.push(`dim (${o.dim}) must be a multiple of heads (${o.heads})`);
  if (!(o.maskRate > 0 && o.maskRate < 1)) problems.push(`maskRate (${o.maskRate}) must be in (0, 1)`);
  if (!(o.learningRate > 0 && Number.isFinite(o.learningRate)))
    problems.push(`learningRate (${o.learningRate}) must be a positive number`);
  if (!(o.categoryLossWeight >= 0 && Number.isFinite(o.categoryLossWeight)))
    problems.push(`categoryLossWeight (${o.categoryLossWeight}) must be a non-negative number`);
  if (!Number.isFinite(o.seed)) problems.push(`seed (${o.seed}) must be a finite number`);
  const oneOf = (name: string, value: unknown, allowed: readonly string[]): void => {
    if (!allowed.includes(value as string))
      problems.push(`${name} (${String(value)}) must be one of ${allowed.join(', ')}`);
  };
  oneOf('objective', o.objective, ['masked', 'causal']);
  oneOf('softmax', o.softmax, ['auto', 'full', 'sampled']);
  oneOf('negativeSampling', o.negativeSampling, ['uniform', 'popularity']);
  oneOf('pooling', o.pooling, ['mean', 'last', 'contextual', 'transition']);
  oneOf('backend', o.backend, ['auto', 'wasm', 'cpu']);
  if (problems.length > 0) throw new RangeError(`TransformerEncoder: ${problems.join('; ')}`);
  if (o.ffnDim === 0) o.ffnDim = 4 * o.dim;
  return o;
}
