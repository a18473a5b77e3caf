/** Homogeneity, completeness and V-measure (Rosenberg & Hirschberg 2007), as scikit-learn 1.2. */
import type { Contingency } from './contingency.js';
import { labelEntropy } from './entropy.js';
import { mutualInfo } from './mutual-info.js';

/**
 * Homogeneity = MI / H(truth): 1 when every cluster holds one class only. O(cells).
 * No points, or one truth class: 1.
 */
export function homogeneity(table: Contingency): number {
  if (table.n === 0) return 1;
  const h = labelEntropy(table.rowSums);
  return h === 0 ? 1 : mutualInfo(table) / h;
}

/**
 * Completeness = MI / H(pred): 1 when every class sits in one cluster. O(cells).
 * No points, or one cluster: 1.
 */
export function completeness(table: Contingency): number {
  if (table.n === 0) return 1;
  const h = labelEntropy(table.colSums);
  return h === 0 ? 1 : mutualInfo(table) / h;
}

/** Options for `vMeasure`. */
export interface VMeasureOptions {
  /** Weight of completeness relative to homogeneity (beta > 1 favours completeness). */
  beta?: number;
}

/**
 * V = (1 + beta) h c / (beta h + c). O(cells). h + c = 0: 0.
 * @throws RangeError if beta is not a non-negative finite number.
 */
export function vMeasure(table: Contingency, options: VMeasureOptions = {}): number {
  const beta = options.beta ?? 1;
  if (!Number.isFinite(beta) || beta < 0)
    throw new RangeError(`vMeasure: beta (${beta}) must be a non-negative number`);
  const h = homogeneity(table);
  const c = completeness(table);
  if (h + c === 0) return 0;
  return ((1 + beta) * h * c) / (beta * h + c);
}
