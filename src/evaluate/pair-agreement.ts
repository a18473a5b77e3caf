/**
 * Held-out pair agreement: do users that a labeling puts together behave alike AFTER the cutoff?
 *
 * For every pair of users active after the cutoff, s_ij is the similarity of their future behavior
 * (the dot product of their centered future rows: category distributions, transition distributions
 * or standardized activity features). The agreement of a labeling is the point-biserial correlation
 * between "same segment" (1 for pairs in one segment, 0 otherwise; a noise user is in no segment)
 * and s_ij. It is the unsupervised twin of the pair-counting indices (Rand, ARI): splitting a real
 * segment labels similar pairs "different", merging two labels dissimilar pairs "same", and both
 * lower the correlation, while the labels never saw the future, so fitting noise earns nothing.
 *
 * Computed in O(nnz + k d) from segment sums, not over the n^2 pairs:
 *   sum over j in c, j != i of x_i . x_j = x_i . X_c - |x_i|^2,  X_c = sum_{j in c} x_j,
 * kept per user (`same`, `other`, and the pair counts) so a bootstrap re-aggregates in O(n). The
 * standard deviation of s_ij over all pairs does not depend on the labeling: it is computed once per
 * space, exactly over all pairs up to `EXACT_PAIRS` pairs and from a seeded sample of that many
 * pairs beyond.
 */
import { randomSource } from '../util/random.js';
import type { SparseDistributions } from './behavior-space.js';

/** All pairs up to this many; a seeded sample of this many pairs beyond. */
export const EXACT_PAIRS = 500_000;

/** Centered rows of the users active after the cutoff, with what every labeling reuses. */
export interface PairSpace {
  /** Rows (users) of the space, active or not. */
  readonly n: number;
  readonly dims: number;
  /** Sparse rows before centering (sorted indices); empty row = inactive user. */
  readonly rows: SparseDistributions;
  readonly active: Uint8Array;
  readonly activeCount: number;
  /** Mean row over active users (the centering), its squared norm, and p_i . mean per user. */
  readonly mean: Float64Array;
  readonly meanSquared: number;
  readonly dotMean: Float64Array;
  /** |x_i|^2 of the centered row. */
  readonly selfSquared: Float64Array;
  /** Population standard deviation of s_ij over pairs of distinct active users. */
  readonly sd: number;
}

/** Per-user sums of similarity to same-segment and to other users, and how many pairs each covers. */
export interface PairTerms {
  same: Float64Array;
  sameCount: Float64Array;
  other: Float64Array;
  otherCount: Float64Array;
  sd: number;
}

/** A pair space over sparse distributions (the rows of a `BehaviorSpace`). */
export function pairSpaceOfDistributions(rows: SparseDistributions): PairSpace {
  const n = rows.offsets.length - 1;
  const active = new Uint8Array(n);
  let activeCount = 0;
  for (let i = 0; i < n; i++) {
    active[i] = rows.offsets[i + 1] > rows.offsets[i] ? 1 : 0;
    activeCount += active[i];
  }
  const mean = new Float64Array(rows.dims);
  for (let i = 0; i < n; i++) {
    if (active[i] === 0) continue;
    for (let e = rows.offsets[i]; e < rows.offsets[i + 1]; e++) mean[rows.index[e]] += rows.weight[e];
  }
  if (activeCount > 0) for (let j = 0; j < mean.length; j++) mean[j] /= activeCount;
  let meanSquared = 0;
  for (const m of mean) meanSquared += m * m;
  const dotMean = new Float64Array(n);
  const selfSquared = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (active[i] === 0) continue;
    let pm = 0;
    let pp = 0;
    for (let e = rows.offsets[i]; e < rows.offsets[i + 1]; e++) {
      pm += rows.weight[e] * mean[rows.index[e]];
      pp += rows.weight[e] * rows.weight[e];
    }
    dotMean[i] = pm;
    selfSquared[i] = pp - 2 * pm + meanSquared;
  }
  const partial = { n, dims: rows.dims, rows, active, activeCount, mean, meanSquared, dotMean, selfSquared };
  return { ...partial, sd: pairSimilaritySd(partial) };
}

/**
 * A pair space over dense row-major features (n x F), for the users flagged in `active`.
 * The features are used as given and centered over the active users.
 */
export function pairSpaceOfFeatures(features: Float64Array, F: number, active: Uint8Array): PairSpace {
  const n = active.length;
  if (features.length !== n * F)
    throw new RangeError(`pairSpaceOfFeatures: features.length (${features.length}) != ${n} x ${F}`);
  const offsets = new Int32Array(n + 1);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    nnz += active[i] ? F : 0;
    offsets[i + 1] = nnz;
  }
  const index = new Int32Array(nnz);
  const weight = new Float64Array(nnz);
  for (let i = 0; i < n; i++) {
    if (!active[i]) continue;
    for (let j = 0; j < F; j++) {
      index[offsets[i] + j] = j;
      weight[offsets[i] + j] = features[i * F + j];
    }
  }
  return pairSpaceOfDistributions({ offsets, index, weight, dims: F });
}

/** s_ij = x_i . x_j of the centered rows (sparse merge over sorted indices). */
function similarity(space: Omit<PairSpace, 'sd'>, i: number, j: number): number {
  const { offsets, index, weight } = space.rows;
  let a = offsets[i];
  let b = offsets[j];
  let dot = 0;
  while (a < offsets[i + 1] && b < offsets[j + 1]) {
    if (index[a] === index[b]) dot += weight[a++] * weight[b++];
    else if (index[a] < index[b]) a++;
    else b++;
  }
  return dot - space.dotMean[i] - space.dotMean[j] + space.meanSquared;
}

function pairSimilaritySd(space: Omit<PairSpace, 'sd'>): number {
  const ids: number[] = [];
  for (let i = 0; i < space.n; i++) if (space.active[i]) ids.push(i);
  const m = ids.length;
  if (m < 2) return Number.NaN;
  let count = 0;
  let sum = 0;
  let sumSq = 0;
  const add = (s: number) => {
    count++;
    sum += s;
    sumSq += s * s;
  };
  if ((m * (m - 1)) / 2 <= EXACT_PAIRS) {
    for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) add(similarity(space, ids[a], ids[b]));
  } else {
    const random = randomSource(0x5d);
    for (let t = 0; t < EXACT_PAIRS; t++) {
      const a = random.int(m);
      const b = (a + 1 + random.int(m - 1)) % m;
      add(similarity(space, ids[a], ids[b]));
    }
  }
  const mean = sum / count;
  return Math.sqrt(Math.max(0, sumSq / count - mean * mean));
}

/** Per-user pair terms of a labeling (labels aligned with the space's rows; -1 = noise, in no segment). */
export function pairTerms(space: PairSpace, labels: Int32Array, k: number): PairTerms {
  if (labels.length !== space.n)
    throw new RangeError(`pairTerms: labels.length (${labels.length}) != users (${space.n})`);
  const { rows, mean, dims } = space;
  // P_c = sum of raw rows in segment c (c = k holds the noise users), counts n_c.
  const sums = Array.from({ length: k + 1 }, () => new Float64Array(dims));
  const counts = new Float64Array(k + 1);
  for (let i = 0; i < space.n; i++) {
    if (!space.active[i]) continue;
    const c = labels[i] < 0 ? k : labels[i];
    counts[c]++;
    for (let e = rows.offsets[i]; e < rows.offsets[i + 1]; e++) sums[c][rows.index[e]] += rows.weight[e];
  }
  const total = new Float64Array(dims);
  for (const s of sums) for (let j = 0; j < dims; j++) total[j] += s[j];
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let j = 0; j < dims; j++) s += a[j] * b[j];
    return s;
  };
  const sumDotMean = sums.map((s) => dot(s, mean));
  const totalDotMean = dot(total, mean);
  const m = space.activeCount;
  const nan = () => new Float64Array(space.n).fill(Number.NaN);
  const terms: PairTerms = { same: nan(), sameCount: nan(), other: nan(), otherCount: nan(), sd: space.sd };
  // x_i . (S - n_S mean) for a sum S of n_S raw rows: p_i.S - n_S (p_i.mean) - mean.S + n_S |mean|^2.
  const towards = (i: number, S: Float64Array, nS: number, sDotMean: number) => {
    let pS = 0;
    for (let e = rows.offsets[i]; e < rows.offsets[i + 1]; e++) pS += rows.weight[e] * S[rows.index[e]];
    return pS - nS * space.dotMean[i] - sDotMean + nS * space.meanSquared;
  };
  for (let i = 0; i < space.n; i++) {
    if (!space.active[i]) continue;
    const toAll = towards(i, total, m, totalDotMean) - space.selfSquared[i];
    if (labels[i] < 0) {
      terms.same[i] = 0;
      terms.sameCount[i] = 0;
      terms.other[i] = toAll;
      terms.otherCount[i] = m - 1;
      continue;
    }
    const c = labels[i];
    const toSame = towards(i, sums[c], counts[c], sumDotMean[c]) - space.selfSquared[i];
    terms.same[i] = toSame;
    terms.sameCount[i] = counts[c] - 1;
    terms.other[i] = toAll - toSame;
    terms.otherCount[i] = m - counts[c];
  }
  return terms;
}

/**
 * The point-biserial correlation from per-user terms, optionally under bootstrap multiplicities:
 * (M_same - M_other) / sd * sqrt(p_same p_other). 0 when no pair is "same" (all noise or
 * singletons), NaN when every pair is (one segment) or the similarities do not vary.
 */
export function pairAgreementFrom(t: PairTerms, weights?: Float64Array): number {
  let same = 0;
  let sameCount = 0;
  let other = 0;
  let otherCount = 0;
  for (let i = 0; i < t.same.length; i++) {
    if (Number.isNaN(t.same[i])) continue;
    const w = weights ? weights[i] : 1;
    same += w * t.same[i];
    sameCount += w * t.sameCount[i];
    other += w * t.other[i];
    otherCount += w * t.otherCount[i];
  }
  if (otherCount === 0 || !(t.sd > 0)) return Number.NaN;
  if (sameCount === 0) return 0;
  const pairs = sameCount + otherCount;
  return (
    ((same / sameCount - other / otherCount) / t.sd) * Math.sqrt((sameCount / pairs) * (otherCount / pairs))
  );
}
