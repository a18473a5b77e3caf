/**
 * Expected mutual information of two labelings under the permutation (hypergeometric) model,
 * exact, as scikit-learn's `expected_mutual_information` (Vinh, Epps & Bailey 2010, eq. 24a):
 *
 *   EMI = sum_i sum_j sum_{nij} (nij/N) log(N nij / (a_i b_j)) P(nij | a_i, b_j, N)
 *
 * with P hypergeometric, evaluated in log space through log-factorials. The sum depends on the
 * row and column sums only, so equal sums are grouped (many singleton columns cost one term).
 */
import type { Contingency } from './contingency.js';
import { logFactorialTable } from './log-factorial.js';

/**
 * EMI in nats. O(sum over distinct (a, b) size pairs of min(a, b)). One class or one cluster: 0.
 * @example expectedMutualInfo(contingency(Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 1, 0, 1)))
 */
export function expectedMutualInfo(table: Contingency): number {
  const { n, rowSums, colSums } = table;
  if (rowSums.length === 1 || colSums.length === 1) return 0;
  const rows = groupSizes(rowSums);
  const cols = groupSizes(colSums);
  const lf = logFactorialTable(n);
  const logN = Math.log(n);
  let emi = 0;
  for (let r = 0; r < rows.size.length; r++) {
    const a = rows.size[r];
    const logA = Math.log(a);
    for (let c = 0; c < cols.size.length; c++) {
      const b = cols.size[c];
      const logB = Math.log(b);
      const fixed = lf[a] + lf[b] + lf[n - a] + lf[n - b] - lf[n];
      const start = Math.max(1, a + b - n);
      const end = Math.min(a, b);
      let sum = 0;
      for (let nij = start; nij <= end; nij++) {
        const term2 = logN + Math.log(nij) - logA - logB;
        const gln = fixed - lf[nij] - lf[a - nij] - lf[b - nij] - lf[n - a - b + nij];
        sum += (nij / n) * term2 * Math.exp(gln);
      }
      emi += rows.count[r] * cols.count[c] * sum;
    }
  }
  return emi;
}

/** Distinct positive sizes and how often each occurs. */
function groupSizes(sizes: Float64Array): { size: number[]; count: number[] } {
  const counts = new Map<number, number>();
  for (const s of sizes) if (s > 0) counts.set(s, (counts.get(s) ?? 0) + 1);
  const size = Array.from(counts.keys()).sort((x, y) => x - y);
  return { size, count: size.map((s) => counts.get(s) as number) };
}
