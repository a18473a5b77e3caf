/** Eigen-decomposition of a small symmetric matrix (cyclic Jacobi rotations; Golub & Van Loan 8.5). */

/**
 * Eigenvalues (descending) and eigenvectors (columns of a p x p row-major matrix) of a symmetric
 * p x p matrix. O(p^3) per sweep, a handful of sweeps. Input is not modified.
 * @throws RangeError if `a.length != p * p`.
 * @example symmetricEigen(Float64Array.of(2, 0, 0, 1), 2).values // [2, 1]
 */
export function symmetricEigen(a: Float64Array, p: number): { values: Float64Array; vectors: Float64Array } {
  if (a.length !== p * p) throw new RangeError(`symmetricEigen: a.length (${a.length}) != p*p (${p * p})`);
  const A = Float64Array.from(a);
  const V = new Float64Array(p * p);
  for (let i = 0; i < p; i++) V[i * p + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += A[i * p + j] * A[i * p + j];
    if (off < 1e-30) break;
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) {
        const aij = A[i * p + j];
        if (Math.abs(aij) < 1e-300) continue;
        const theta = (A[j * p + j] - A[i * p + i]) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < p; r++) {
          const ari = A[r * p + i];
          const arj = A[r * p + j];
          A[r * p + i] = c * ari - s * arj;
          A[r * p + j] = s * ari + c * arj;
        }
        for (let r = 0; r < p; r++) {
          const air = A[i * p + r];
          const ajr = A[j * p + r];
          A[i * p + r] = c * air - s * ajr;
          A[j * p + r] = s * air + c * ajr;
        }
        for (let r = 0; r < p; r++) {
          const vri = V[r * p + i];
          const vrj = V[r * p + j];
          V[r * p + i] = c * vri - s * vrj;
          V[r * p + j] = s * vri + c * vrj;
        }
      }
    }
  }
  const order = Array.from({ length: p }, (_, i) => i).sort((x, y) => A[y * p + y] - A[x * p + x]);
  const values = Float64Array.from(order, (i) => A[i * p + i]);
  const vectors = new Float64Array(p * p);
  order.forEach((src, dst) => {
    for (let r = 0; r < p; r++) vectors[r * p + dst] = V[r * p + src];
  });
  return { values, vectors };
}
