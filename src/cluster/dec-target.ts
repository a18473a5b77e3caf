import type { Matrix } from '../util/matrix.js';

/**
 * Soft assignment of DEC (Xie et al. 2016, eq. 1): q[i, j] proportional to
 * (1 + ||z_i - mu_j||^2 / alpha)^(-(alpha + 1) / 2), a Student-t kernel, each row summing to 1.
 * O(n k d). Sums in float64.
 * @throws RangeError if Z and centroids differ in columns or alpha <= 0.
 * @example studentTAssignment(matrixFromRows([[0], [2]]), matrixFromRows([[0], [2]]), 1).data // ≈ [0.833, 0.167, 0.167, 0.833]
 */
export function studentTAssignment(Z: Matrix, centroids: Matrix, alpha: number): Matrix {
  if (Z.cols !== centroids.cols)
    throw new RangeError(`studentTAssignment: Z.cols (${Z.cols}) != centroids.cols (${centroids.cols})`);
  if (!(alpha > 0)) throw new RangeError(`studentTAssignment: alpha (${alpha}) must be positive`);
  const { rows: n, cols: d } = Z;
  const k = centroids.rows;
  const out = new Float32Array(n * k);
  const row = new Float64Array(k);
  const power = -(alpha + 1) / 2;
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let j = 0; j < k; j++) {
      let dist = 0;
      for (let c = 0; c < d; c++) {
        const diff = Z.data[i * d + c] - centroids.data[j * d + c];
        dist += diff * diff;
      }
      row[j] = (1 + dist / alpha) ** power;
      total += row[j];
    }
    for (let j = 0; j < k; j++) out[i * k + j] = row[j] / total;
  }
  return { rows: n, cols: k, data: out };
}

/**
 * DEC's auxiliary target (Xie et al. 2016, eq. 3): p[i, j] = (q[i, j]^2 / f_j) normalized per row,
 * f_j = sum_i q[i, j]. Sharpens confident assignments and evens out cluster sizes. O(n k).
 * A cluster with f_j = 0 gets p = 0 in every row.
 */
export function sharpenedTarget(Q: Matrix): Matrix {
  const { rows: n, cols: k } = Q;
  const f = new Float64Array(k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) f[j] += Q.data[i * k + j];
  const out = new Float32Array(n * k);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let j = 0; j < k; j++) {
      row[j] = f[j] > 0 ? Q.data[i * k + j] ** 2 / f[j] : 0;
      total += row[j];
    }
    for (let j = 0; j < k; j++) out[i * k + j] = total > 0 ? row[j] / total : 0;
  }
  return { rows: n, cols: k, data: out };
}

/** Row-wise argmax of an assignment matrix (ties: lowest column). */
export function hardAssignment(Q: Matrix): Int32Array {
  const labels = new Int32Array(Q.rows);
  for (let i = 0; i < Q.rows; i++) {
    let best = 0;
    for (let j = 1; j < Q.cols; j++) if (Q.data[i * Q.cols + j] > Q.data[i * Q.cols + best]) best = j;
    labels[i] = best;
  }
  return labels;
}
