/**
 * Population stability index of two distributions over the same bins (Yurdakul 2018, "Statistical
 * properties of population stability index"): PSI = sum_i (q_i - p_i) ln(q_i / p_i), shares floored
 * at `floor` so an empty bin stays finite. Rule of thumb: < 0.1 stable, 0.1-0.25 moderate, > 0.25 shift.
 * @throws RangeError when the count arrays differ in length or either is all zero.
 * @example populationStability([50, 50], [25, 75]) // -0.25 ln(0.5) + 0.25 ln(1.5) = 0.27465
 */
export function populationStability(
  expected: ArrayLike<number>,
  actual: ArrayLike<number>,
  floor = 1e-4,
): number {
  if (expected.length !== actual.length)
    throw new RangeError(
      `populationStability: expected.length (${expected.length}) != actual.length (${actual.length})`,
    );
  let pe = 0;
  let pa = 0;
  for (let i = 0; i < expected.length; i++) {
    pe += expected[i];
    pa += actual[i];
  }
  if (!(pe > 0 && pa > 0))
    throw new RangeError('populationStability: both distributions need a positive total');
  let psi = 0;
  for (let i = 0; i < expected.length; i++) {
    const p = Math.max(floor, expected[i] / pe);
    const q = Math.max(floor, actual[i] / pa);
    psi += (q - p) * Math.log(q / p);
  }
  return psi;
}
