/**
 * The training corpus of item2vec as typed arrays: each sequence's items mapped to vocabulary
 * indices (items outside the vocabulary dropped before windowing, as gensim drops rare words),
 * sentences back to back, and the behavior weight of each kept event when training is weighted.
 */
import { BEHAVIORS, type Behavior, type SequenceSet, sequenceCount } from '../data/sequence-set.js';

type TypedArrayCtor<T> = { new (buffer: ArrayBufferLike): T; BYTES_PER_ELEMENT: number };
/** Allocates a typed array of `length` elements on a fresh (Shared)ArrayBuffer. */
export type ArrayAllocator = <T extends Float32Array | Int32Array | Uint32Array | Float64Array>(
  Ctor: TypedArrayCtor<T>,
  length: number,
) => T;

/** Arrays on plain memory (one thread). */
export const localArray: ArrayAllocator = (Ctor, length) =>
  new Ctor(new ArrayBuffer(length * Ctor.BYTES_PER_ELEMENT));
/** Arrays on SharedArrayBuffer (visible to worker threads without copying). */
export const sharedArray: ArrayAllocator = (Ctor, length) =>
  new Ctor(new SharedArrayBuffer(length * Ctor.BYTES_PER_ELEMENT));

export interface SgnsCorpus {
  tokens: Int32Array;
  sentenceOffsets: Int32Array;
  /** Per kept token; empty when every weight is 1. */
  tokenWeights: Float32Array;
}

/**
 * Corpus arrays for `seqs`; `fromItem` maps a SequenceSet item index to a vocabulary index (-1 =
 * dropped). O(events).
 */
export function sgnsCorpus(
  seqs: SequenceSet,
  fromItem: Int32Array,
  trainWeights: Readonly<Record<Behavior, number>>,
  alloc: ArrayAllocator,
): SgnsCorpus {
  const n = sequenceCount(seqs);
  const sentenceOffsets = alloc(Int32Array, n + 1);
  const end = seqs.offsets[n];
  let kept = 0;
  for (let e = 0; e < end; e++) if (fromItem[seqs.items[e]] >= 0) kept++;
  const tokens = alloc(Int32Array, kept);
  const weighted = BEHAVIORS.some((b) => trainWeights[b] !== 1);
  const tokenWeights = alloc(Float32Array, weighted ? kept : 0);
  let t = 0;
  for (let s = 0; s < n; s++) {
    for (let e = seqs.offsets[s]; e < seqs.offsets[s + 1]; e++) {
      const v = fromItem[seqs.items[e]];
      if (v < 0) continue;
      if (weighted) tokenWeights[t] = trainWeights[BEHAVIORS[seqs.behaviors[e]]];
      tokens[t++] = v;
    }
    sentenceOffsets[s + 1] = t;
  }
  return { tokens, sentenceOffsets, tokenWeights };
}
