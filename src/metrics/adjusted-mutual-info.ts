/** Adjusted mutual information (Vinh, Epps & Bailey 2010), as scikit-learn 1.2. */
import type { Contingency } from './contingency.js';
import { labelEntropy } from './entropy.js';
import { expectedMutualInfo } from './expected-mutual-info.js';
import { entropyAverage, mutualInfo, type NormalizedMutualInfoOptions, trivialPair } from './mutual-info.js';

/**
 * AMI = (MI - EMI) / (mean(H(truth), H(pred)) - EMI), arithmetic mean by default; 0 in expectation
 * for independent labelings. Cost is that of `expectedMutualInfo`. Both labelings one class: 1.
 * The denominator is kept at least machine epsilon away from 0, as scikit-learn does.
 * @throws RangeError for an unknown `average`.
 */
export function adjustedMutualInfo(table: Contingency, options: NormalizedMutualInfoOptions = {}): number {
  const average = options.average ?? 'arithmetic';
  entropyAverage(0, 0, average);
  if (trivialPair(table)) return 1;
  const mi = mutualInfo(table);
  const emi = expectedMutualInfo(table);
  const normalizer = entropyAverage(labelEntropy(table.rowSums), labelEntropy(table.colSums), average);
  let denominator = normalizer - emi;
  denominator =
    denominator < 0 ? Math.min(denominator, -Number.EPSILON) : Math.max(denominator, Number.EPSILON);
  return (mi - emi) / denominator;
}
