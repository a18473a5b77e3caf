/**
 * All pairwise sequence dissimilarities of a SequenceSet, for k-medoids or any other clusterer that
 * takes a dissimilarity — the embedding-free baseline that embedding-based segmentations are
 * compared with. The result is the `Dissimilarity` the internal indices take too.
 */
import type { SequenceSet } from '../data/sequence-set.js';
import { type ProgressCallback, silentProgress } from '../util/progress.js';
import { type Dissimilarity, dissimilarity } from '../util/dissimilarity.js';
import {
  hammingDistance,
  lcsDistance,
  optimalMatchingDistance,
  type SubstitutionCost,
} from './sequence-distance.js';
import {
  behaviorOfToken,
  categoryOfToken,
  SEQUENCE_TOKENS,
  type SequenceToken,
  sequenceTokens,
} from './sequence-tokens.js';

export type SequenceDistanceMethod = 'optimal-matching' | 'lcs' | 'hamming';
export const SEQUENCE_DISTANCE_METHODS: readonly SequenceDistanceMethod[] = [
  'optimal-matching',
  'lcs',
  'hamming',
];

export interface SequenceDistanceOptions {
  method: SequenceDistanceMethod;
  tokens: SequenceToken;
  /** Insertion / deletion cost (OM; Hamming's unmatched positions). */
  indel: number;
  /** Substitution cost between different tokens: a constant or a function of the two tokens. */
  substitution: SubstitutionCost;
  /** Keep only each sequence's last `maxLength` events (bounds the O(L^2) work per pair); 0 = all. */
  maxLength: number;
  onProgress: ProgressCallback;
}

export const SEQUENCE_DISTANCE_DEFAULTS: Readonly<SequenceDistanceOptions> = {
  method: 'optimal-matching',
  tokens: 'behavior-category',
  indel: 1,
  substitution: 2,
  maxLength: 0,
  onProgress: silentProgress,
};

/**
 * Substitution costs for 'behavior-category' tokens: same category but another behavior costs
 * `sameCategory`, same behavior in another category `sameBehavior`, anything else `other`.
 * @example behaviorCategorySubstitution({ sameCategory: 1, sameBehavior: 1.5, other: 2 })
 */
export function behaviorCategorySubstitution(costs: {
  sameCategory: number;
  sameBehavior: number;
  other: number;
}): (a: number, b: number) => number {
  return (a, b) =>
    categoryOfToken(a) === categoryOfToken(b)
      ? costs.sameCategory
      : behaviorOfToken(a) === behaviorOfToken(b)
        ? costs.sameBehavior
        : costs.other;
}

/**
 * n x n symmetric Float64 dissimilarity of `method` distances between the sequences of `seqs`,
 * with progress reported per row. O(n^2 L^2) for OM and LCS, O(n^2 L) for Hamming (L = sequence
 * length).
 * @throws RangeError for an unknown method or token, negative costs, a bad maxLength,
 *   category tokens without categories, or a substitution function that makes a distance
 *   negative or not finite.
 */
export function sequenceDistanceMatrix(
  seqs: SequenceSet,
  options: Partial<SequenceDistanceOptions> = {},
): Dissimilarity {
  const p = { ...SEQUENCE_DISTANCE_DEFAULTS, ...options };
  const caller = 'sequenceDistanceMatrix';
  if (!SEQUENCE_DISTANCE_METHODS.includes(p.method))
    throw new RangeError(
      `${caller}: method (${p.method}) must be one of ${SEQUENCE_DISTANCE_METHODS.join(', ')}`,
    );
  if (!SEQUENCE_TOKENS.includes(p.tokens))
    throw new RangeError(`${caller}: tokens (${p.tokens}) must be one of ${SEQUENCE_TOKENS.join(', ')}`);
  if (!(p.indel >= 0) || !Number.isFinite(p.indel))
    throw new RangeError(`${caller}: indel (${p.indel}) must be a finite number >= 0`);
  if (typeof p.substitution === 'number' && (!(p.substitution >= 0) || !Number.isFinite(p.substitution))) {
    throw new RangeError(`${caller}: substitution (${p.substitution}) must be a finite number >= 0`);
  }
  if (!Number.isInteger(p.maxLength) || p.maxLength < 0)
    throw new RangeError(`${caller}: maxLength (${p.maxLength}) must be an integer >= 0`);
  const tokens = sequenceTokens(seqs, p.tokens, caller);
  const n = seqs.offsets.length - 1;
  const seq = (s: number): Int32Array => {
    const end = seqs.offsets[s + 1];
    const start = p.maxLength > 0 ? Math.max(seqs.offsets[s], end - p.maxLength) : seqs.offsets[s];
    return tokens.subarray(start, end);
  };
  let longest = 0;
  for (let s = 0; s < n; s++) longest = Math.max(longest, seq(s).length);
  const fwork = new Float64Array(longest + 1);
  const iwork = new Int32Array(longest + 1);
  const matrix = new Float64Array(n * n);
  const task = `sequence distances (${p.method}, ${p.tokens})`;
  for (let i = 0; i < n; i++) {
    const a = seq(i);
    for (let j = i + 1; j < n; j++) {
      const b = seq(j);
      let d: number;
      if (p.method === 'optimal-matching') d = optimalMatchingDistance(a, b, p.indel, p.substitution, fwork);
      else if (p.method === 'lcs') d = lcsDistance(a, b, iwork);
      else d = hammingDistance(a, b, p.substitution, p.indel);
      matrix[i * n + j] = d;
      matrix[j * n + i] = d;
    }
    p.onProgress({ task, done: i + 1, total: n });
  }
  return dissimilarity(n, matrix);
}
