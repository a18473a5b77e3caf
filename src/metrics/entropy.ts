/** Shannon entropy (nats) of a labeling given its class sizes, as scikit-learn's `entropy`. */

/**
 * H = -sum p_i log p_i over the non-empty sizes. O(k). No points: 1 and one class: 0 (scikit-learn).
 * @example labelEntropy(Float64Array.of(1, 1)) // Math.LN2
 */
export function labelEntropy(sizes: Float64Array): number {
  let total = 0;
  let nonEmpty = 0;
  for (let i = 0; i < sizes.length; i++) {
    total += sizes[i];
    if (sizes[i] > 0) nonEmpty++;
  }
  if (total === 0) return 1;
  if (nonEmpty === 1) return 0;
  const logTotal = Math.log(total);
  let h = 0;
  for (let i = 0; i < sizes.length; i++)
    if (sizes[i] > 0) h += (sizes[i] / total) * (Math.log(sizes[i]) - logTotal);
  return -h;
}
