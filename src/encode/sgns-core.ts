/**
 * The skip-gram negative-sampling inner loop (Mikolov et al. 2013), as gensim 4.2's
 * `word2vec_inner.pyx` runs it: per epoch, frequent items are subsampled, each position gets a
 * window shrunk by a random b in [0, window), and for every (center i, context j) pair the
 * context's input vector is trained to predict the center against `negative` items drawn from the
 * unigram^0.75 table (word2vec.c's quantized table rather than gensim's bisection of the cumulative
 * one: the same distribution to within 2^-20, O(1) per draw), with gensim's sigmoid table (MAX_EXP 6, 1000 entries; pairs with |f| >= 6
 * skipped). The learning rate decays linearly from alpha to minAlpha over all epochs by the words
 * processed, counted in a shared counter so several workers follow one schedule. The step of a pair
 * is scaled by the behavior weight of the center event.
 *
 * Runs the same in the main thread and in a worker (item2vec-worker.ts): all state is typed arrays,
 * which workers share (Hogwild, as gensim's threads do).
 */

export interface SgnsArrays {
  /** Input vectors (vocabulary x dim). */
  syn0: Float32Array;
  /** Output vectors for negative sampling (vocabulary x dim). */
  syn1neg: Float32Array;
  /** Vocabulary index per token, sentences back to back. */
  tokens: Int32Array;
  sentenceOffsets: Int32Array;
  /** Step scale per token (behavior weight), or empty for all 1. */
  tokenWeights: Float32Array;
  /** Negative-sampling slots (sgns-vocabulary.ts `negativeSamplingTable`), 2^negativeBits long. */
  negativeTable: Int32Array;
  keep: Uint32Array;
  /** [0]: words processed so far, all workers and epochs together (updated under `lock`). */
  progress: Float64Array;
  /** [0]: spin lock word guarding `progress`. */
  lock: Int32Array;
}

export interface SgnsSettings {
  dim: number;
  window: number;
  negative: number;
  alpha: number;
  minAlpha: number;
  epochs: number;
  negativeBits: number;
  /** Retained words per epoch (the schedule's denominator, times epochs). */
  totalWords: number;
  seed: number;
}

/**
 * The WASM SIMD pair kernel (sgns-wasm.ts) and where its data lives: byte offsets into the memory
 * `syn0` and `syn1neg` are views of, and this thread's scratch (work vector, target list).
 */
export interface SgnsKernelContext {
  pair: (
    row1: number,
    targets: number,
    n: number,
    dim4: number,
    alpha: number,
    work: number,
    expTable: number,
  ) => void;
  syn0Ptr: number;
  syn1Ptr: number;
  workPtr: number;
  targetsPtr: number;
  expPtr: number;
  /** Int32 view of the target list. */
  targets: Int32Array;
}

/** Which sentences a worker trains: chunks of `chunk` sentences, every `count`-th from `index`. */
export interface SgnsShard {
  index: number;
  count: number;
  chunk: number;
}

const MAX_EXP = 6;
const EXP_TABLE_SIZE = 1000;
/** gensim's sigmoid table: EXP_TABLE[i] = sigmoid((2i / 1000 - 1) * 6). */
export const EXP_TABLE = (() => {
  const t = new Float32Array(EXP_TABLE_SIZE);
  for (let i = 0; i < EXP_TABLE_SIZE; i++) {
    const e = Math.exp(((i / EXP_TABLE_SIZE) * 2 - 1) * MAX_EXP);
    t[i] = e / (e + 1);
  }
  return t;
})();

/**
 * One (input row1, output row2) logistic step: accumulate the input's gradient in `work`, update
 * the output vector in place (gensim `fast_sentence_sg_neg`, one target).
 */
export function sgnsPairStep(
  syn0: Float32Array,
  syn1neg: Float32Array,
  work: Float32Array,
  row1: number,
  row2: number,
  dim: number,
  label: number,
  alpha: number,
): void {
  let f = 0;
  for (let x = 0; x < dim; x++) f += syn0[row1 + x] * syn1neg[row2 + x];
  if (f <= -MAX_EXP || f >= MAX_EXP) return;
  const g = (label - EXP_TABLE[((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2)) | 0]) * alpha;
  for (let x = 0; x < dim; x++) {
    work[x] += g * syn1neg[row2 + x];
    syn1neg[row2 + x] += g * syn0[row1 + x];
  }
}

/** Add `words` to the shared counter and return the total before; a spin lock keeps it exact. */
function addProgress(a: SgnsArrays, words: number): number {
  while (Atomics.compareExchange(a.lock, 0, 0, 1) !== 0);
  const before = a.progress[0];
  a.progress[0] = before + words;
  Atomics.store(a.lock, 0, 0);
  return before;
}

/**
 * Train one shard for `epochs` epochs. Returns the number of (center, context) pairs trained.
 * Bit-for-bit deterministic for a seed when it runs alone; concurrent shards race (Hogwild).
 */
export function trainSgnsShard(
  a: SgnsArrays,
  s: SgnsSettings,
  shard: SgnsShard,
  onEpoch?: (epoch: number) => void,
  kernel?: SgnsKernelContext,
): number {
  const { syn0, syn1neg, tokens, sentenceOffsets, tokenWeights, negativeTable, keep } = a;
  const { dim, window, negative, alpha: startAlpha, minAlpha, epochs } = s;
  const weighted = tokenWeights.length > 0;
  const shift = 32 - s.negativeBits;
  const scheduleWords = s.totalWords * epochs;
  const work = new Float32Array(dim);
  let bufTok = new Int32Array(256);
  let bufPos = new Int32Array(256);
  let red = new Int32Array(256);
  // xorshift32 (Marsaglia 2003), seeded per shard; 0 is not a valid state.
  let rng = (s.seed ^ Math.imul(shard.index + 1, 0x9e3779b9)) >>> 0 || 1;
  let pairs = 0;
  const sentences = sentenceOffsets.length - 1;
  const step = shard.chunk * shard.count;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let c0 = shard.index * shard.chunk; c0 < sentences; c0 += step) {
      const c1 = Math.min(c0 + shard.chunk, sentences);
      for (let sent = c0; sent < c1; sent++) {
        const start = sentenceOffsets[sent];
        const end = sentenceOffsets[sent + 1];
        const len = end - start;
        if (len === 0) continue;
        const done = addProgress(a, len);
        let alpha = startAlpha - (startAlpha - minAlpha) * Math.min(done / scheduleWords, 1);
        if (alpha < minAlpha) alpha = minAlpha;
        if (bufTok.length < len) {
          bufTok = new Int32Array(len);
          bufPos = new Int32Array(len);
          red = new Int32Array(len);
        }
        let m = 0;
        for (let e = start; e < end; e++) {
          const v = tokens[e];
          if (keep[v] !== 0xffffffff) {
            rng ^= rng << 13;
            rng ^= rng >>> 17;
            rng ^= rng << 5;
            if (keep[v] < rng >>> 0) continue;
          }
          bufTok[m] = v;
          bufPos[m] = e;
          m++;
        }
        for (let i = 0; i < m; i++) {
          rng ^= rng << 13;
          rng ^= rng >>> 17;
          rng ^= rng << 5;
          red[i] = (rng >>> 0) % window;
        }
        for (let i = 0; i < m; i++) {
          const word = bufTok[i];
          const pairAlpha = weighted ? alpha * tokenWeights[bufPos[i]] : alpha;
          let j = i - window + red[i];
          if (j < 0) j = 0;
          let k = i + window + 1 - red[i];
          if (k > m) k = m;
          for (; j < k; j++) {
            if (j === i) continue;
            pairs++;
            if (kernel !== undefined) {
              const kt = kernel.targets;
              const rowBytes = dim * 4;
              kt[0] = kernel.syn1Ptr + word * rowBytes;
              let nt = 1;
              for (let d = 1; d <= negative; d++) {
                rng ^= rng << 13;
                rng ^= rng >>> 17;
                rng ^= rng << 5;
                const lo = negativeTable[rng >>> shift];
                if (lo !== word) kt[nt++] = kernel.syn1Ptr + lo * rowBytes;
              }
              kernel.pair(
                kernel.syn0Ptr + bufTok[j] * rowBytes,
                kernel.targetsPtr,
                nt,
                dim >> 2,
                pairAlpha,
                kernel.workPtr,
                kernel.expPtr,
              );
              continue;
            }
            const row1 = bufTok[j] * dim;
            work.fill(0);
            for (let d = 0; d <= negative; d++) {
              let target: number;
              let label: number;
              if (d === 0) {
                target = word;
                label = 1;
              } else {
                rng ^= rng << 13;
                rng ^= rng >>> 17;
                rng ^= rng << 5;
                const lo = negativeTable[rng >>> shift];
                target = lo;
                if (target === word) continue;
                label = 0;
              }
              sgnsPairStep(syn0, syn1neg, work, row1, target * dim, dim, label, pairAlpha);
            }
            for (let x = 0; x < dim; x++) syn0[row1 + x] += work[x];
          }
        }
      }
    }
    onEpoch?.(epoch);
  }
  return pairs;
}
