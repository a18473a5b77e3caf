/**
 * Pareto front: the candidates no other candidate dominates (at least as good on every objective and
 * strictly better on one). Larger is better; NaN objectives count as worst. O(n^2 m).
 */
export function paretoFront(points: readonly (readonly number[])[]): boolean[] {
  const val = (x: number) => (Number.isNaN(x) ? Number.NEGATIVE_INFINITY : x);
  return points.map(
    (p, i) =>
      !points.some((q, j) => {
        if (j === i) return false;
        let strictly = false;
        for (let d = 0; d < p.length; d++) {
          if (val(q[d]) < val(p[d])) return false;
          if (val(q[d]) > val(p[d])) strictly = true;
        }
        return strictly;
      }),
  );
}
