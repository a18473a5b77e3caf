/**
 * Counts / TF-IDF encoder: each sequence is a bag of tokens (items, categories, behavior-typed tokens,
 * short event n-grams; see sequence-tokens.ts), weighted as scikit-learn's TfidfVectorizer does and
 * reduced by randomized truncated SVD (LSA) to `dim` columns. Sparse (CSR) inside.
 */
import type { SequenceSet } from '../data/sequence-set.js';
import type { Matrix } from '../util/matrix.js';
import { type ProgressCallback, silentProgress } from '../util/progress.js';
import type { Encoder } from './encoder.js';
import { randomizedSvd } from './randomized-svd.js';
import {
  DEFAULT_SEQUENCE_TOKEN_OPTIONS,
  NGRAM_UNITS,
  pruneVocabulary,
  type SequenceTokenOptions,
  sequenceTokenCounts,
  TOKEN_KINDS,
} from './sequence-tokens.js';
import { type SparseMatrix, sparseTimesDense, sparseToDense } from './sparse-matrix.js';
import {
  DEFAULT_TFIDF_WEIGHTING,
  inverseDocumentFrequency,
  type TfidfWeightingOptions,
  tfidfWeight,
} from './tfidf-weighting.js';

export interface TfidfEncoderOptions extends SequenceTokenOptions, TfidfWeightingOptions {
  /** Output columns after SVD; 0 keeps the full (dense) TF-IDF matrix. */
  dim: number;
  /** Ignore tokens in fewer sequences than this. */
  minDf: number;
  /** Ignore tokens in more than this fraction of sequences. */
  maxDf: number;
  /** Term counts instead of TF-IDF (the `counts` variant): no idf, raw tf, still row-normalized by `norm`. */
  counts: boolean;
  powerIterations: number | 'auto';
  seed: number;
  onProgress: ProgressCallback;
}

export const DEFAULT_TFIDF_OPTIONS: Readonly<TfidfEncoderOptions> = {
  ...DEFAULT_SEQUENCE_TOKEN_OPTIONS,
  ...DEFAULT_TFIDF_WEIGHTING,
  dim: 64,
  minDf: 1,
  maxDf: 1,
  counts: false,
  powerIterations: 'auto',
  seed: 0,
  onProgress: silentProgress,
};

/** Largest vocabulary `dim: 0` (no SVD) will densify. */
const MAX_DENSE_COLUMNS = 20000;

/** What `transform` could not use: token occurrences outside the fitted vocabulary (ignored). */
export interface TfidfTransformReport {
  unknownTokens: number;
  /** Sequences none of whose tokens are in the vocabulary (their row is zero). */
  emptyRows: number;
}

/** What `fit` learned, as JSON-ready arrays. */
export interface TfidfFittedState {
  vocabulary: string[];
  idf: number[];
  components: number[];
  singularValues: number[];
  svdRank: number;
}

/**
 * @example const X = await (await new TfidfEncoder({ dim: 32, seed: 1 }).fit(seqs)).transform(seqs);
 */
export class TfidfEncoder implements Encoder {
  /** `tfidf`, or `counts` for the counts variant. */
  readonly name: string;
  readonly params: Readonly<Omit<TfidfEncoderOptions, 'onProgress'>>;
  /** Fitted vocabulary, alphabetical (column order of the TF-IDF matrix). */
  vocabulary: readonly string[] = [];
  idf: Float64Array = new Float64Array(0);
  /** SVD components (dim x vocabulary, row-major) and singular values; empty when dim is 0. */
  components: Float64Array = new Float64Array(0);
  singularValues: Float64Array = new Float64Array(0);
  /** Nonzero singular values found (< dim when the vocabulary or the users are fewer). */
  svdRank = 0;
  lastTransformReport: TfidfTransformReport = { unknownTokens: 0, emptyRows: 0 };
  private index = new Map<string, number>();
  private fitted = false;
  /** components transposed (vocabulary x dim), built on first transform after fit or restore. */
  private projection: Float64Array | undefined;
  private readonly onProgress: ProgressCallback;

  /** @throws RangeError for a bad option, naming it. */
  constructor(options: Partial<TfidfEncoderOptions> = {}) {
    const o = { ...DEFAULT_TFIDF_OPTIONS, ...options };
    if (!Number.isInteger(o.dim) || o.dim < 0)
      throw new RangeError(`TfidfEncoder: dim (${o.dim}) must be a non-negative integer`);
    if (!Number.isInteger(o.minDf) || o.minDf < 1)
      throw new RangeError(`TfidfEncoder: minDf (${o.minDf}) must be a positive integer`);
    if (!(o.maxDf > 0 && o.maxDf <= 1))
      throw new RangeError(`TfidfEncoder: maxDf (${o.maxDf}) must be in (0, 1]`);
    if (!Number.isInteger(o.ngramMax) || o.ngramMax < 0)
      throw new RangeError(`TfidfEncoder: ngramMax (${o.ngramMax}) must be a non-negative integer`);
    if (!NGRAM_UNITS.includes(o.ngramUnit))
      throw new RangeError(
        `TfidfEncoder: ngramUnit "${o.ngramUnit}" is not one of ${NGRAM_UNITS.join(', ')}`,
      );
    if (!Array.isArray(o.tokens))
      throw new RangeError(`TfidfEncoder: tokens must be an array of ${TOKEN_KINDS.join(', ')}`);
    for (const t of o.tokens) {
      if (!TOKEN_KINDS.includes(t))
        throw new RangeError(`TfidfEncoder: token kind "${t}" is not one of ${TOKEN_KINDS.join(', ')}`);
    }
    if (o.tokens.length === 0 && o.ngramMax < 2)
      throw new RangeError('TfidfEncoder: tokens is empty and ngramMax < 2: no features');
    const { onProgress, ...params } = o;
    this.name = o.counts ? 'counts' : 'tfidf';
    this.params = params;
    this.onProgress = onProgress;
  }

  /** @throws RangeError when there are no sequences or no tokens to learn a vocabulary from. */
  async fit(seqs: SequenceSet): Promise<this> {
    const p = this.params;
    if (seqs.users.length === 0) throw new RangeError('TfidfEncoder.fit: no sequences');
    this.onProgress({ task: 'tfidf tokens', done: 0, total: 3 });
    const vocab = new Map<string, number>();
    const raw = sequenceTokenCounts(seqs, p, vocab, true).counts;
    const pruned = pruneVocabulary(raw, vocab, p.minDf, Math.floor(p.maxDf * raw.rows));
    if (pruned.vocabulary.length === 0) {
      throw new RangeError(
        `TfidfEncoder.fit: no tokens left (${vocab.size} before minDf/maxDf); the sequences are empty or the df bounds exclude every token`,
      );
    }
    this.vocabulary = pruned.vocabulary;
    this.index = new Map(pruned.vocabulary.map((t, j) => [t, j]));
    this.idf =
      p.counts || !p.useIdf ? new Float64Array(0) : inverseDocumentFrequency(pruned.counts, p.smoothIdf);
    if (p.dim === 0 && this.vocabulary.length > MAX_DENSE_COLUMNS) {
      throw new RangeError(
        `TfidfEncoder: vocabulary (${this.vocabulary.length}) too large for dim 0; set dim (e.g. 64)`,
      );
    }
    this.onProgress({ task: 'tfidf svd', done: 1, total: 3 });
    if (p.dim > 0) {
      const svd = randomizedSvd(this.weigh(pruned.counts), {
        k: p.dim,
        powerIterations: p.powerIterations,
        seed: p.seed,
      });
      this.components = svd.components;
      this.singularValues = svd.singularValues;
      this.svdRank = svd.singularValues.filter((s) => s > 0).length;
    }
    this.projection = undefined;
    this.onProgress({ task: 'tfidf', done: 3, total: 3 });
    this.fitted = true;
    return this;
  }

  /** The fitted state (vocabulary, idf, SVD) as plain data, for a saved model; see encoder-state.ts. */
  fittedState(): TfidfFittedState {
    if (!this.fitted) throw new Error('TfidfEncoder.fittedState: call fit first');
    return {
      vocabulary: [...this.vocabulary],
      idf: [...this.idf],
      components: [...this.components],
      singularValues: [...this.singularValues],
      svdRank: this.svdRank,
    };
  }

  /** Restore a state from `fittedState` (the encoder must have been built with the same params). */
  restoreState(state: TfidfFittedState): this {
    this.vocabulary = [...state.vocabulary];
    this.index = new Map(this.vocabulary.map((t, j) => [t, j]));
    this.idf = Float64Array.from(state.idf);
    this.components = Float64Array.from(state.components);
    this.singularValues = Float64Array.from(state.singularValues);
    this.svdRank = state.svdRank;
    this.projection = undefined;
    const { dim } = this.params;
    if (dim > 0 && this.components.length !== dim * this.vocabulary.length) {
      throw new RangeError(
        `TfidfEncoder.restoreState: components (${this.components.length}) != dim x vocabulary (${dim * this.vocabulary.length})`,
      );
    }
    this.fitted = true;
    return this;
  }

  /** The weighted sparse matrix for `seqs` (before SVD), columns = `vocabulary`. */
  weightedCounts(seqs: SequenceSet): SparseMatrix {
    const { counts, unknownTokens } = sequenceTokenCounts(seqs, this.params, this.index, false);
    let emptyRows = 0;
    for (let r = 0; r < counts.rows; r++) if (counts.indptr[r + 1] === counts.indptr[r]) emptyRows++;
    this.lastTransformReport = { unknownTokens, emptyRows };
    return this.weigh(counts);
  }

  async transform(seqs: SequenceSet): Promise<Matrix> {
    if (!this.fitted) throw new Error('TfidfEncoder.transform: call fit first');
    const W = this.weightedCounts(seqs);
    const { dim } = this.params;
    if (dim === 0) return { rows: W.rows, cols: W.cols, data: Float32Array.from(sparseToDense(W)) };
    // X V^T: project onto the right singular vectors (what TruncatedSVD.transform does). V^T is
    // built once per fit: a service transforms one user at a time, and rebuilding it dominated.
    if (this.projection === undefined) {
      const Vt = new Float64Array(W.cols * dim);
      for (let i = 0; i < dim; i++)
        for (let c = 0; c < W.cols; c++) Vt[c * dim + i] = this.components[i * W.cols + c];
      this.projection = Vt;
    }
    return { rows: W.rows, cols: dim, data: Float32Array.from(sparseTimesDense(W, this.projection, dim)) };
  }

  private weigh(counts: SparseMatrix): SparseMatrix {
    const p = this.params;
    if (p.counts) return tfidfWeight(counts, undefined, { ...p, sublinearTf: false, useIdf: false });
    return tfidfWeight(counts, p.useIdf ? this.idf : undefined, p);
  }
}
