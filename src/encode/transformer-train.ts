import * as tf from '@tensorflow/tfjs-core';
import type { ProgressCallback } from '../util/progress.js';
import { type Random, randomSource, shuffleInPlace } from '../util/random.js';
import { type ItemLossSetup, itemPredictionLoss } from './transformer-loss.js';
import { type TokenBatch, causalBatch, maskedItemBatch } from './transformer-masking.js';
import { transformerHidden } from './transformer-model.js';
import type { TransformerParams } from './transformer-params.js';
import type { TokenWindows } from './transformer-windows.js';

/** Self-supervised objective: masked-item (BERT4Rec-style) or next-item (SASRec-style). */
export type TransformerObjective = 'masked' | 'causal';

/** Settings of one training run. */
export interface TrainingSetup {
  objective: TransformerObjective;
  epochs: number;
  batchSize: number;
  maskRate: number;
  seed: number;
  loss: ItemLossSetup;
  onProgress: ProgressCallback;
  /** Called after each finished epoch (checkpointing); awaited before the next epoch starts. */
  onEpochEnd?: (epoch: number, meanLoss: number) => Promise<void>;
  /**
   * Extra loss added to the item-prediction loss inside the same gradient step (deep clustering).
   * Receives the batch, its hidden states and the window rows.
   */
  extraLoss?: (batch: TokenBatch, hidden: tf.Tensor2D, rows: Int32Array) => tf.Scalar;
  /** Extra trainable variables the optimizer updates (deep-clustering centroids). */
  extraVariables?: readonly tf.Variable[];
  /**
   * Called before each step with the global step index (deep clustering refreshes its target
   * there); resolving to true stops training before that step.
   */
  beforeStep?: (step: number) => Promise<boolean>;
}

/**
 * Random stream of epoch `epoch`: derived from (seed, epoch) alone, so resuming at an epoch
 * boundary replays exactly the shuffles and masks an uninterrupted run would have drawn.
 */
export function epochRandom(seed: number, epoch: number): Random {
  return randomSource((Math.floor(seed) * 1000003 + epoch * 7919 + 17) % 0x7fffffff);
}

/** The batch the objective trains on. */
export function trainingBatch(
  windows: TokenWindows,
  rows: Int32Array,
  setup: Pick<TrainingSetup, 'objective' | 'maskRate'>,
  random: Random,
): TokenBatch {
  return setup.objective === 'masked'
    ? maskedItemBatch(windows, rows, setup.maskRate, random)
    : causalBatch(windows, rows);
}

/**
 * Adam steps over shuffled batches of the non-empty windows for epochs `startEpoch .. epochs-1`,
 * reporting the running mean loss through `onProgress`. Resolves to the mean loss of each epoch run.
 */
export async function trainTransformer(
  params: TransformerParams,
  windows: TokenWindows,
  optimizer: tf.Optimizer,
  setup: TrainingSetup,
  startEpoch: number,
): Promise<number[]> {
  const usable: number[] = [];
  for (let s = 0; s < windows.count; s++)
    if (windows.lengths[s] >= (setup.objective === 'causal' ? 2 : 1)) usable.push(s);
  const losses: number[] = [];
  if (usable.length === 0) return losses;
  const mask = setup.objective === 'masked' ? 'bidirectional' : 'causal';
  const varList = [...params.list, ...(setup.extraVariables ?? [])];
  const batches = Math.ceil(usable.length / setup.batchSize);
  let step = startEpoch * batches;
  for (let epoch = startEpoch; epoch < setup.epochs; epoch++) {
    const random = epochRandom(setup.seed, epoch);
    const order = shuffleInPlace(Int32Array.from(usable), random);
    let sum = 0;
    for (let b = 0; b < batches; b++) {
      const rows = order.subarray(b * setup.batchSize, Math.min(order.length, (b + 1) * setup.batchSize));
      const batch = trainingBatch(windows, rows, setup, random);
      if (setup.beforeStep !== undefined && (await setup.beforeStep(step))) {
        losses.push(b === 0 ? Number.NaN : sum / b);
        return losses;
      }
      const cost = optimizer.minimize(
        () => {
          const hidden = transformerHidden(params, batch, mask);
          const itemLoss = itemPredictionLoss(params, hidden, batch, setup.loss, random);
          return setup.extraLoss === undefined
            ? itemLoss
            : tf.add(itemLoss, setup.extraLoss(batch, hidden, rows));
        },
        true,
        varList,
      );
      const value = cost === null ? Number.NaN : (await cost.data())[0];
      cost?.dispose();
      if (!Number.isFinite(value))
        throw new Error(
          `transformer: loss became ${value} at epoch ${epoch + 1}, batch ${b + 1}; lower learningRate`,
        );
      sum += value;
      step++;
      setup.onProgress({
        task: `transformer epoch ${epoch + 1}/${setup.epochs}`,
        done: b + 1,
        total: batches,
        detail: `loss ${(sum / (b + 1)).toFixed(4)}`,
      });
    }
    losses.push(sum / batches);
    if (setup.onEpochEnd !== undefined) await setup.onEpochEnd(epoch, sum / batches);
  }
  return losses;
}
