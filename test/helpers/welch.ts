/** Welch's t statistic for two samples (unequal variances), for statistical checks in tests. */
export function welchT(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const stats = (x: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i];
    const m = s / x.length;
    let v = 0;
    for (let i = 0; i < x.length; i++) v += (x[i] - m) ** 2;
    return { m, v: v / (x.length - 1), n: x.length };
  };
  const A = stats(a);
  const B = stats(b);
  const se = Math.sqrt(A.v / A.n + B.v / B.n);
  return se === 0 ? (A.m === B.m ? 0 : Number.POSITIVE_INFINITY) : (A.m - B.m) / se;
}
