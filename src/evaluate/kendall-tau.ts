/**
 * Kendall's tau-b rank correlation (Kendall 1945; ties in either variable handled as in
 * scipy.stats.kendalltau). Pairs with a NaN in either variable are skipped. O(n^2), fine for
 * candidate pools. NaN when either variable is constant.
 * @example kendallTau([1, 2, 3], [1, 3, 2]) // 1/3
 */
export function kendallTau(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length)
    throw new RangeError(`kendallTau: x.length (${x.length}) != y.length (${y.length})`);
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) idx.push(i);
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let a = 0; a < idx.length; a++) {
    for (let b = a + 1; b < idx.length; b++) {
      const dx = Math.sign(x[idx[a]] - x[idx[b]]);
      const dy = Math.sign(y[idx[a]] - y[idx[b]]);
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiesX++;
      else if (dy === 0) tiesY++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const denom = Math.sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY));
  return denom > 0 ? (concordant - discordant) / denom : Number.NaN;
}
