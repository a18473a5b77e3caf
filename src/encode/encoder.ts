import type { SequenceSet } from '../data/sequence-set.js';
import type { Matrix } from '../util/matrix.js';

/**
 * Turns behavior sequences into one vector per sequence (DESIGN.md). Hyperparameters go in the
 * constructor; `fit` learns from sequences and resolves to `this`; `transform` returns one row per
 * sequence, in `seqs.users` order. Async because fast kernels (onnxruntime, workers) are.
 */
export interface Encoder {
  /** Stable name used in results (`tfidf`, `stats`, `item2vec`, `transformer`, `text`, `precomputed`). */
  readonly name: string;
  /** The hyperparameters after defaults were merged, as recorded in results. */
  readonly params: Readonly<Record<string, unknown>>;
  fit(seqs: SequenceSet): Promise<this>;
  transform(seqs: SequenceSet): Promise<Matrix>;
}
