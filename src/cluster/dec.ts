import * as tf from '@tensorflow/tfjs-core';
import type { SequenceSet } from '../data/sequence-set.js';
import { TransformerEncoder } from '../encode/transformer.js';
import type { TransformerEncoderOptions } from '../encode/transformer-options.js';
import { positionGroups } from '../encode/transformer-infer.js';
import { poolHidden } from '../encode/transformer-pooling.js';
import { trainTransformer } from '../encode/transformer-train.js';
import { tokenizeWindows } from '../encode/transformer-windows.js';
import type { Labels } from '../util/labels.js';
import { type Matrix, matrix } from '../util/matrix.js';
import type { Clusterer } from './clusterer.js';
import { clusteringLoss } from './dec-loss.js';
import { hardAssignment, sharpenedTarget, studentTAssignment } from './dec-target.js';
import { KMeans } from './kmeans.js';

/** Hyperparameters of `DeepClusterer`. */
export interface DeepClustererOptions {
  k: number;
  /** Weight of the clustering loss next to the masked/next-item loss (IDEC's gamma, Guo et al. 2017). */
  gamma?: number;
  /** Student-t degrees of freedom (DEC uses 1). */
  alpha?: number;
  /** Epochs of joint training after pretraining. */
  jointEpochs?: number;
  /** Steps between refreshes of the target P (DEC's T). */
  updateInterval?: number;
  /** Stop when fewer than this fraction of labels change between two refreshes. */
  tol?: number;
  /** The owned encoder's options (pretraining epochs, objective, size...). */
  encoder?: TransformerEncoderOptions;
  /**
   * An encoder already fit on the sequences to cluster, used as the pretrained start instead of
   * fitting one (`encoder` is then ignored). Joint training updates it in place. The protocol
   * passes the transformer step's own fit, so the two share their pretraining.
   */
  pretrained?: TransformerEncoder;
  seed?: number;
}

export const DEC_DEFAULTS = {
  gamma: 0.1,
  alpha: 1,
  jointEpochs: 5,
  updateInterval: 20,
  tol: 0.001,
  seed: 0,
} as const;

/**
 * Deep embedded clustering over behavior sequences: a transformer encoder (owned) is pretrained
 * on its self-supervised objective, k-means on its user vectors seeds k centroids, then encoder
 * and centroids are trained together on item loss + gamma * KL(P || Q) (DEC, Xie et al. 2016,
 * keeping the reconstruction-style loss as IDEC, Guo et al. 2017). Q is the Student-t soft
 * assignment of the pooled user vector of each training batch; the target P is recomputed from
 * clean (unmasked) windows every `updateInterval` steps, and training stops early once labels
 * settle (`tol`).
 *
 * It clusters sequences, not vectors: the protocol calls `fitSequences(seqs)` with the same
 * SequenceSet it gives encoders and reads `labels` (one per sequence, in `seqs.users` order), and
 * `embedding` for internal metrics in its own space. `fit(X)` throws.
 * @throws RangeError from the constructor for bad options; from fitSequences when k > sequences.
 */
export class DeepClusterer implements Clusterer {
  readonly name = 'dec';
  readonly params: Readonly<Record<string, unknown>>;
  readonly encoder: TransformerEncoder;
  private readonly o: Required<Omit<DeepClustererOptions, 'encoder' | 'pretrained'>>;
  private readonly givenPretrained: boolean;
  private fitted:
    | {
        labels: Labels;
        centroids: Matrix;
        embedding: Matrix;
        iterations: number;
        pretrained: { embedding: Matrix; centroids: Matrix; labels: Labels };
      }
    | undefined;

  constructor(options: DeepClustererOptions) {
    const o = {
      ...DEC_DEFAULTS,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    } as Required<DeepClustererOptions>;
    const problems: string[] = [];
    if (!Number.isInteger(o.k) || o.k < 1) problems.push(`k (${o.k}) must be a positive integer`);
    if (!(o.gamma >= 0)) problems.push(`gamma (${o.gamma}) must be >= 0`);
    if (!(o.alpha > 0)) problems.push(`alpha (${o.alpha}) must be positive`);
    if (!Number.isInteger(o.jointEpochs) || o.jointEpochs < 0)
      problems.push(`jointEpochs (${o.jointEpochs}) must be a non-negative integer`);
    if (!Number.isInteger(o.updateInterval) || o.updateInterval < 1)
      problems.push(`updateInterval (${o.updateInterval}) must be a positive integer`);
    if (!(o.tol >= 0)) problems.push(`tol (${o.tol}) must be >= 0`);
    if (problems.length > 0) throw new RangeError(`DeepClusterer: ${problems.join('; ')}`);
    this.givenPretrained = options.pretrained !== undefined;
    this.encoder =
      options.pretrained ?? new TransformerEncoder({ ...o.encoder, seed: o.encoder?.seed ?? o.seed });
    const { encoder: _e, pretrained: _p, ...rest } = o;
    this.o = rest;
    this.params = Object.freeze({ ...rest, encoder: this.encoder.params });
  }

  get labels(): Labels {
    return this.state().labels;
  }

  /** Final centroids [k, dim] in the encoder's embedding space. */
  get centroids(): Matrix {
    return this.state().centroids;
  }

  /** User vectors after joint training, one row per sequence. */
  get embedding(): Matrix {
    return this.state().embedding;
  }

  /** The starting point: pretrained user vectors, k-means centroids and labels on them. */
  get pretrained(): { embedding: Matrix; centroids: Matrix; labels: Labels } {
    return this.state().pretrained;
  }

  /** Target refreshes done during joint training. */
  get iterations(): number {
    return this.state().iterations;
  }

  private state() {
    if (this.fitted === undefined) throw new Error('DeepClusterer: call fitSequences before reading results');
    return this.fitted;
  }

  /** DEC clusters sequences; see fitSequences. @throws Error always. */
  async fit(_X: Matrix): Promise<this> {
    throw new Error(
      'DeepClusterer owns its encoder and clusters sequences: call fitSequences(seqs), not fit(X)',
    );
  }

  async fitSequences(seqs: SequenceSet): Promise<this> {
    const { k, gamma, alpha, jointEpochs, updateInterval, tol, seed } = this.o;
    if (k > seqs.users.length)
      throw new RangeError(`DeepClusterer: k (${k}) > sequences (${seqs.users.length})`);
    if (!this.givenPretrained) await this.encoder.fit(seqs);
    let Z = await this.encoder.transform(seqs);
    const km = await new KMeans({ k, seed }).fit(Z);
    const pretrained = { embedding: Z, centroids: km.centroids, labels: km.labels };
    const model = this.encoder.model;
    const o = model.options;
    const mu = tf.variable(tf.tensor2d(km.centroids.data, [k, Z.cols]), true);
    let target = sharpenedTarget(studentTAssignment(Z, km.centroids, alpha));
    let labels = hardAssignment(studentTAssignment(Z, km.centroids, alpha));
    let iterations = 0;
    const windows = tokenizeWindows(seqs, model.vocab, o.maxLen);
    const optimizer = tf.train.adam(o.learningRate);
    // Contextual pooling keeps the pretrained group centers fixed during joint training.
    const centers =
      model.centering === undefined
        ? undefined
        : tf.tensor2d(model.centering.values, [model.centering.groups, Z.cols]);
    const refresh = async (): Promise<number> => {
      Z = await this.encoder.transform(seqs);
      const centroids = matrix(k, Z.cols, (await mu.data()) as Float32Array);
      const Q = studentTAssignment(Z, centroids, alpha);
      const next = hardAssignment(Q);
      let changed = 0;
      for (let i = 0; i < next.length; i++) if (next[i] !== labels[i]) changed++;
      labels = next;
      target = sharpenedTarget(Q);
      iterations++;
      return changed / Math.max(1, next.length);
    };
    try {
      await trainTransformer(
        model.params,
        windows,
        optimizer,
        {
          objective: o.objective,
          epochs: jointEpochs,
          batchSize: o.batchSize,
          maskRate: o.maskRate,
          seed: seed + 1,
          loss: model.loss,
          onProgress: o.onProgress,
          extraVariables: [mu],
          extraLoss: (batch, hidden, rows) => {
            const rowsTarget = new Float32Array(rows.length * k);
            for (let r = 0; r < rows.length; r++)
              rowsTarget.set(target.data.subarray(rows[r] * k, (rows[r] + 1) * k), r * k);
            const c =
              centers === undefined || model.centering === undefined
                ? undefined
                : { centers, groups: positionGroups(batch, model.centering) };
            const z = poolHidden(hidden, batch.lengths, batch.maxLen, o.pooling, c);
            return tf.mul(clusteringLoss(z, mu, tf.tensor2d(rowsTarget, [rows.length, k]), alpha), gamma);
          },
          beforeStep: async (step) => step > 0 && step % updateInterval === 0 && (await refresh()) < tol,
        },
        0,
      );
      await refresh();
      this.fitted = {
        labels,
        centroids: matrix(k, Z.cols, Float32Array.from(await mu.data())),
        embedding: Z,
        iterations,
        pretrained,
      };
    } finally {
      mu.dispose();
      optimizer.dispose();
      centers?.dispose();
    }
    return this;
  }

  /** Labels of new sequences: argmax of their soft assignment to the fitted centroids. */
  async predictSequences(seqs: SequenceSet): Promise<Labels> {
    const { centroids } = this.state();
    return hardAssignment(studentTAssignment(await this.encoder.transform(seqs), centroids, this.o.alpha));
  }
}
