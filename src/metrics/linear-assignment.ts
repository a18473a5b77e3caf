/**
 * Maximum-weight linear assignment (Kuhn 1955; Munkres 1957) by the shortest augmenting path
 * form with potentials (Jonker & Volgenant 1987), O(r^2 c) for an r x c matrix.
 */

/**
 * For a rows x cols weight matrix (row-major), the column assigned to each row (-1 when rows >
 * cols and the row is left out) so that the total weight is as large as possible.
 * @throws RangeError if `weights.length != rows * cols`.
 * @example maxWeightAssignment(Float64Array.of(1, 5, 4, 2), 2, 2) // Int32Array [1, 0]
 */
export function maxWeightAssignment(weights: Float64Array, rows: number, cols: number): Int32Array {
  if (weights.length !== rows * cols) {
    throw new RangeError(
      `maxWeightAssignment: weights.length (${weights.length}) != rows*cols (${rows * cols})`,
    );
  }
  if (rows > cols) {
    const t = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = weights[i * cols + j];
    const colToRow = maxWeightAssignment(t, cols, rows);
    const out = new Int32Array(rows).fill(-1);
    for (let j = 0; j < cols; j++) out[colToRow[j]] = j;
    return out;
  }
  // Minimize -w; 1-based arrays as in the classic formulation, rows <= cols.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  const minv = new Float64Array(cols + 1);
  const used = new Uint8Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Number.POSITIVE_INFINITY);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = -weights[(i0 - 1) * cols + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (p[j] > 0) out[p[j] - 1] = j - 1;
  return out;
}
