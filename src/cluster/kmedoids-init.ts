/** Initial medoids for k-medoids: PAM's BUILD (Kaufman & Rousseeuw 1990) or k-medoids++. */
import type { Random } from '../util/random.js';

/**
 * BUILD: the object with the smallest total dissimilarity, then k - 1 times the object that lowers
 * the total deviation most. Deterministic (ties: lowest index). O(n^2 k).
 */
export function buildInit(dist: (i: number, j: number) => number, n: number, k: number): Int32Array {
  const medoids = new Int32Array(k);
  const dNear = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const chosen = new Uint8Array(n);
  for (let m = 0; m < k; m++) {
    let best = -1;
    let bestGain = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < n; c++) {
      if (chosen[c]) continue;
      let gain = 0;
      for (let o = 0; o < n; o++) {
        const d = dist(o, c);
        // First medoid: minimize the total, i.e. maximize its negative.
        gain += m === 0 ? -d : Math.max(0, dNear[o] - d);
      }
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    medoids[m] = best;
    chosen[best] = 1;
    for (let o = 0; o < n; o++) dNear[o] = Math.min(dNear[o], dist(o, best));
  }
  return medoids;
}

/**
 * k-medoids++ (the k-means++ seeding of Arthur & Vassilvitskii 2007 with dissimilarities): a
 * uniform first medoid, then each next drawn with probability proportional to its dissimilarity to
 * the nearest medoid so far (not squared: a dissimilarity need not be euclidean). If every
 * remaining object sits on a medoid, the lowest-index non-medoid is taken. O(n k).
 */
export function plusPlusInit(
  dist: (i: number, j: number) => number,
  n: number,
  k: number,
  random: Random,
): Int32Array {
  const medoids = new Int32Array(k);
  const dNear = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const chosen = new Uint8Array(n);
  for (let m = 0; m < k; m++) {
    let pick = -1;
    if (m === 0) {
      pick = random.int(n);
    } else {
      let total = 0;
      for (let o = 0; o < n; o++) if (!chosen[o]) total += dNear[o];
      if (total > 0) {
        let u = random.uniform() * total;
        for (let o = 0; o < n; o++) {
          if (chosen[o]) continue;
          u -= dNear[o];
          pick = o;
          if (u < 0) break;
        }
      }
      if (pick < 0) for (let o = 0; o < n && pick < 0; o++) if (!chosen[o]) pick = o;
    }
    medoids[m] = pick;
    chosen[pick] = 1;
    for (let o = 0; o < n; o++) dNear[o] = Math.min(dNear[o], dist(o, pick));
  }
  return medoids;
}
