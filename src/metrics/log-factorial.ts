/** log(k!) for integers, the building block of the exact expected mutual information. */

const SMALL = 256;
const smallTable = (() => {
  const t = new Float64Array(SMALL);
  for (let k = 1; k < SMALL; k++) t[k] = t[k - 1] + Math.log(k);
  return t;
})();

/**
 * log(k!) = lgamma(k + 1): exact summation below 256, Stirling's series above (truncation error
 * below 1e-19 there). O(1).
 * @throws RangeError if k is not a non-negative integer.
 * @example logFactorial(3) // Math.log(6)
 */
export function logFactorial(k: number): number {
  if (!Number.isInteger(k) || k < 0)
    throw new RangeError(`logFactorial: k (${k}) must be a non-negative integer`);
  if (k < SMALL) return smallTable[k];
  const x = k + 1;
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series;
}

/** log(k!) for k = 0..n as a table. O(n). */
export function logFactorialTable(n: number): Float64Array {
  const t = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) t[k] = logFactorial(k);
  return t;
}
