import type { SparseDistributions } from './behavior-space.js';

/**
 * Jensen-Shannon divergence (base 2, in [0, 1]) between sparse row `i` of `rows` and a dense
 * distribution `q` (length rows.dims). O(nnz of the row): where p_j = 0 the term of q against the
 * midpoint is q_j * log2(2) = q_j, summed once as (1 - sum of q over the row's support).
 * Lin (1991), "Divergence measures based on the Shannon entropy".
 */
export function jensenShannonToDense(rows: SparseDistributions, i: number, q: Float64Array): number {
  let kl_pm = 0;
  let kl_qm = 0;
  let qOnSupport = 0;
  for (let e = rows.offsets[i]; e < rows.offsets[i + 1]; e++) {
    const p = rows.weight[e];
    const qj = q[rows.index[e]];
    const m = (p + qj) / 2;
    if (p > 0) kl_pm += p * Math.log2(p / m);
    if (qj > 0) kl_qm += qj * Math.log2(qj / m);
    qOnSupport += qj;
  }
  if (rows.offsets[i] === rows.offsets[i + 1]) return Number.NaN;
  // q is a distribution (sums to 1), so its mass off the row's support is 1 - qOnSupport.
  kl_qm += Math.max(0, 1 - qOnSupport);
  return Math.min(1, Math.max(0, (kl_pm + kl_qm) / 2));
}

/**
 * Mean distribution of the rows in each group (dense, groups x dims); rows with group < 0 or empty
 * rows are skipped. Group -2 is never used; pass all-zero labels for the global mean.
 */
export function groupMeanDistributions(
  rows: SparseDistributions,
  groups: Int32Array,
  k: number,
): Float64Array[] {
  const means = Array.from({ length: k }, () => new Float64Array(rows.dims));
  const counts = new Float64Array(k);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g < 0 || rows.offsets[i] === rows.offsets[i + 1]) continue;
    counts[g]++;
    for (let e = rows.offsets[i]; e < rows.offsets[i + 1]; e++) means[g][rows.index[e]] += rows.weight[e];
  }
  for (let g = 0; g < k; g++) if (counts[g] > 0) for (let j = 0; j < rows.dims; j++) means[g][j] /= counts[g];
  return means;
}
