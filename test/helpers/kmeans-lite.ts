/**
 * A small k-means (k-means++ seeding, Lloyd iterations, best of several restarts) for tests that
 * need a clustering before segscope's cluster stage lands. Assignment goes through the kernels API.
 */
import { nearestRows } from '../../src/kernels/kernels.js';
import { type Matrix, matrix } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';

export async function kmeansLite(
  X: Matrix,
  k: number,
  seed: number,
  restarts = 4,
  iterations = 50,
): Promise<Int32Array> {
  const random = randomSource(seed);
  let best: Int32Array = new Int32Array(X.rows);
  let bestInertia = Number.POSITIVE_INFINITY;
  for (let r = 0; r < restarts; r++) {
    const C = seedPlusPlus(X, k, random);
    let labels: Int32Array = new Int32Array(X.rows);
    let inertia = 0;
    for (let it = 0; it < iterations; it++) {
      const { index, distance } = await nearestRows(X, C);
      inertia = distance.reduce((a, b) => a + b, 0);
      const changed = it === 0 || index.some((v, i) => v !== labels[i]);
      labels = index;
      if (!changed) break;
      const counts = new Float64Array(k);
      const sums = new Float64Array(k * X.cols);
      for (let i = 0; i < X.rows; i++) {
        counts[labels[i]]++;
        for (let j = 0; j < X.cols; j++) sums[labels[i] * X.cols + j] += X.data[i * X.cols + j];
      }
      for (let c = 0; c < k; c++)
        if (counts[c] > 0)
          for (let j = 0; j < X.cols; j++) C.data[c * X.cols + j] = sums[c * X.cols + j] / counts[c];
    }
    if (inertia < bestInertia) {
      bestInertia = inertia;
      best = labels;
    }
  }
  return best;
}

function seedPlusPlus(X: Matrix, k: number, random: ReturnType<typeof randomSource>): Matrix {
  const C = matrix(k, X.cols);
  const d2 = new Float64Array(X.rows).fill(Number.POSITIVE_INFINITY);
  let pick = random.int(X.rows);
  for (let c = 0; c < k; c++) {
    C.data.set(X.data.subarray(pick * X.cols, (pick + 1) * X.cols), c * X.cols);
    let total = 0;
    for (let i = 0; i < X.rows; i++) {
      let d = 0;
      for (let j = 0; j < X.cols; j++) {
        const t = X.data[i * X.cols + j] - C.data[c * X.cols + j];
        d += t * t;
      }
      if (d < d2[i]) d2[i] = d;
      total += d2[i];
    }
    let u = random.uniform() * total;
    pick = X.rows - 1;
    for (let i = 0; i < X.rows; i++) {
      u -= d2[i];
      if (u < 0) {
        pick = i;
        break;
      }
    }
  }
  return C;
}
