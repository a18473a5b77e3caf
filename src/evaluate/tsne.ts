/**
 * Exact t-SNE (van der Maaten & Hinton 2008, JMLR 9) for small samples (a few thousand rows at most):
 * perplexity-calibrated Gaussian affinities by binary search on the precision, symmetrized joint P,
 * Student-t Q in 2-D, gradient descent with momentum and per-coordinate gains (the paper's reference
 * implementation), early exaggeration, learning rate max(n / exaggeration / 4, 50) (scikit-learn's
 * 'auto'). O(n^2) memory and O(n^2) time per iteration. Seeded: the same seed gives the same map.
 */
import { squaredDistances } from '../kernels/kernels.js';
import type { Matrix } from '../util/matrix.js';
import type { Random } from '../util/random.js';

export interface TsneOptions {
  perplexity: number;
  iterations: number;
  exaggeration: number;
  exaggerationIterations: number;
  random: Random;
}

export const TSNE_DEFAULTS = {
  perplexity: 30,
  iterations: 400,
  exaggeration: 12,
  exaggerationIterations: 100,
};

/** Row-conditional affinities P(j|i) with the perplexity reached per row (binary search on beta). */
export function conditionalAffinities(D: Float32Array, n: number, perplexity: number): Float64Array {
  const P = new Float64Array(n * n);
  const target = Math.log(perplexity);
  for (let i = 0; i < n; i++) {
    let beta = 1;
    let lo = 0;
    let hi = Number.POSITIVE_INFINITY;
    let minD = Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) if (j !== i && D[i * n + j] < minD) minD = D[i * n + j];
    for (let step = 0; step < 64; step++) {
      let sum = 0;
      let dot = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const d = D[i * n + j] - minD;
        const p = Math.exp(-d * beta);
        P[i * n + j] = p;
        sum += p;
        dot += d * p;
      }
      const entropy = Math.log(sum) + (beta * dot) / sum;
      for (let j = 0; j < n; j++) P[i * n + j] /= sum;
      if (Math.abs(entropy - target) < 1e-5) break;
      if (entropy > target) {
        lo = beta;
        beta = hi === Number.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = (beta + lo) / 2;
      }
    }
  }
  return P;
}

/**
 * 2-D t-SNE coordinates (n x 2 row-major) of the rows of X.
 * @throws RangeError if perplexity is not in (0, n - 1) or iterations < 1.
 */
export async function tsne(
  X: Matrix,
  options: Partial<TsneOptions> & { random: Random },
): Promise<Float64Array> {
  const o = { ...TSNE_DEFAULTS, ...options };
  const n = X.rows;
  if (n <= 1) return new Float64Array(n * 2);
  const perplexity = Math.min(o.perplexity, (n - 1) / 3);
  if (!(perplexity > 0)) throw new RangeError(`tsne: perplexity (${o.perplexity}) must be positive`);
  if (!Number.isInteger(o.iterations) || o.iterations < 1)
    throw new RangeError(`tsne: iterations (${o.iterations}) must be a positive integer`);
  const D = await squaredDistances(X, X);
  const cond = conditionalAffinities(D, n, perplexity);
  const P = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) P[i * n + j] = Math.max((cond[i * n + j] + cond[j * n + i]) / (2 * n), 1e-12);
  for (let i = 0; i < n; i++) P[i * n + i] = 0;
  const Y = new Float64Array(n * 2);
  for (let i = 0; i < Y.length; i++) Y[i] = 1e-4 * o.random.normal();
  const update = new Float64Array(n * 2);
  const gains = new Float64Array(n * 2).fill(1);
  const grad = new Float64Array(n * 2);
  const num = new Float64Array(n * n);
  const rate = Math.max(n / o.exaggeration / 4, 50);
  for (let it = 0; it < o.iterations; it++) {
    const ex = it < o.exaggerationIterations ? o.exaggeration : 1;
    let z = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = Y[2 * i] - Y[2 * j];
        const dy = Y[2 * i + 1] - Y[2 * j + 1];
        const q = 1 / (1 + dx * dx + dy * dy);
        num[i * n + j] = q;
        z += 2 * q;
      }
    }
    grad.fill(0);
    // P and Q are symmetric: each pair's force acts on both points with opposite signs.
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const q = num[i * n + j];
        const m = 4 * (ex * P[i * n + j] - q / z) * q;
        const fx = m * (Y[2 * i] - Y[2 * j]);
        const fy = m * (Y[2 * i + 1] - Y[2 * j + 1]);
        grad[2 * i] += fx;
        grad[2 * i + 1] += fy;
        grad[2 * j] -= fx;
        grad[2 * j + 1] -= fy;
      }
    }
    const momentum = it < 250 ? 0.5 : 0.8;
    for (let c = 0; c < Y.length; c++) {
      gains[c] =
        Math.sign(grad[c]) !== Math.sign(update[c]) ? gains[c] + 0.2 : Math.max(0.01, gains[c] * 0.8);
      update[c] = momentum * update[c] - rate * gains[c] * grad[c];
      Y[c] += update[c];
    }
    let mx = 0;
    let my = 0;
    for (let i = 0; i < n; i++) {
      mx += Y[2 * i];
      my += Y[2 * i + 1];
    }
    for (let i = 0; i < n; i++) {
      Y[2 * i] -= mx / n;
      Y[2 * i + 1] -= my / n;
    }
  }
  return Y;
}
