/**
 * S_Dbw (Halkidi & Vazirgiannis 2001, "Clustering validity assessment: finding the optimal
 * partitioning of a data set", ICDM): intra-cluster scatter plus inter-cluster density.
 *
 *   Scat    = (1/c) sum_i ||sigma(C_i)|| / ||sigma(X)||     (sigma: per-dimension variance vector)
 *   stdev   = (1/c) sqrt(sum_i ||sigma(C_i)||)
 *   Dens_bw = 1/(c(c-1)) sum_{i != j} density(u_ij) / max(density(v_i), density(v_j))
 *
 * where v_i are centroids, u_ij the midpoint of v_i and v_j, and density(u) counts the points of
 * C_i and C_j within stdev of u. A ratio with both densities 0 counts as 0. Lower is better.
 * Euclidean; noise excluded.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import { checkVectors } from './check-input.js';
import { clusterSizes, internalDegeneracy } from './cluster-sizes.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';

/**
 * S_Dbw of labeled vectors. O(c n d) time, O(c d) memory.
 * @throws RangeError on a length mismatch, a label below -1 or a non-finite value.
 */
export function sDbw(X: Matrix, labels: Labels): MetricResult {
  checkVectors('sDbw', X, labels);
  const c = clusterSizes(labels);
  const reason = internalDegeneracy(c, true);
  if (reason !== undefined) return degenerate(reason);
  const { k, sizes } = c;
  const lab = c.labels;
  const d = X.cols;
  const points = X.rows - c.noise;
  const centroid = new Float64Array(k * d);
  const grand = new Float64Array(d);
  for (let i = 0; i < X.rows; i++) {
    if (lab[i] < 0) continue;
    for (let j = 0; j < d; j++) {
      centroid[lab[i] * d + j] += X.data[i * d + j];
      grand[j] += X.data[i * d + j];
    }
  }
  for (let a = 0; a < k; a++) for (let j = 0; j < d; j++) centroid[a * d + j] /= sizes[a];
  for (let j = 0; j < d; j++) grand[j] /= points;
  const variance = new Float64Array(k * d);
  const totalVariance = new Float64Array(d);
  for (let i = 0; i < X.rows; i++) {
    const a = lab[i];
    if (a < 0) continue;
    for (let j = 0; j < d; j++) {
      const x = X.data[i * d + j];
      variance[a * d + j] += (x - centroid[a * d + j]) ** 2;
      totalVariance[j] += (x - grand[j]) ** 2;
    }
  }
  const norm = (v: Float64Array, offset: number, scale: number) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (v[offset + j] / scale) ** 2;
    return Math.sqrt(s);
  };
  const totalNorm = norm(totalVariance, 0, points);
  if (totalNorm === 0) return degenerate('all points identical');
  let scat = 0;
  let sigmaSum = 0;
  for (let a = 0; a < k; a++) {
    const s = norm(variance, a * d, sizes[a]);
    scat += s / totalNorm;
    sigmaSum += s;
  }
  scat /= k;
  const stdev = Math.sqrt(sigmaSum) / k;
  // density[(a*k + b)*3 + {0: around v_a, 1: around v_b, 2: around u_ab}] over points of C_a and C_b.
  const density = new Float64Array(k * k * 3);
  const mid = new Float64Array(d);
  for (let i = 0; i < X.rows; i++) {
    const p = lab[i];
    if (p < 0) continue;
    for (let q = 0; q < k; q++) {
      if (q === p) continue;
      const a = Math.min(p, q);
      const b = Math.max(p, q);
      for (let j = 0; j < d; j++) mid[j] = (centroid[a * d + j] + centroid[b * d + j]) / 2;
      const o = (a * k + b) * 3;
      if (within(X, i, centroid, a * d, stdev)) density[o]++;
      if (within(X, i, centroid, b * d, stdev)) density[o + 1]++;
      if (within(X, i, mid, 0, stdev)) density[o + 2]++;
    }
  }
  let dens = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const o = (a * k + b) * 3;
      const m = Math.max(density[o], density[o + 1]);
      if (m > 0) dens += (2 * density[o + 2]) / m;
    }
  }
  dens /= k * (k - 1);
  return metricValue(scat + dens);
}

function within(X: Matrix, i: number, center: Float64Array, offset: number, radius: number): boolean {
  const d = X.cols;
  let s = 0;
  for (let j = 0; j < d; j++) s += (X.data[i * d + j] - center[offset + j]) ** 2;
  return Math.sqrt(s) <= radius;
}
