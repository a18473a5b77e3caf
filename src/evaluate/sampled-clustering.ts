/**
 * An O(n^2) algorithm on many rows (the protocol's `quadraticFitUsers` bound): it is fit on a
 * seeded sample of rows and every other row is assigned — agglomerative ward: to the nearest
 * segment centroid (the mean of its sampled members, ward's own merge geometry); other linkages:
 * to the segment of its nearest sampled row, in the algorithm's metric; HDBSCAN: by approximate
 * prediction (hdbscan's `approximate_predict`, which may call a row noise). Sampled rows keep
 * their fitted labels. This is the usual way to scale hierarchical clustering (fit, then extend).
 */
import type { Agglomerative } from '../cluster/agglomerative.js';
import type { Clusterer } from '../cluster/clusterer.js';
import { kNearest, nearestRows } from '../kernels/kernels.js';
import type { Labels } from '../util/labels.js';
import { type Matrix, selectRows } from '../util/matrix.js';

/** Algorithms whose fit is O(n^2) in time (or memory), fit on a sample of rows when there are many. */
export const QUADRATIC_ALGOS: readonly string[] = ['agglomerative', 'hdbscan'];

/**
 * Labels for all rows of X from a clusterer fit on `selectRows(X, rows)` (rows sorted, distinct).
 * O((n - m) m d) for non-ward linkages, O((n - m) k d) for ward, O((n - m) log m) for HDBSCAN in low dims.
 * @throws RangeError for an algorithm it cannot extend.
 */
export async function extendLabels(clusterer: Clusterer, X: Matrix, rows: Int32Array): Promise<Labels> {
  const fitted = clusterer.labels;
  const sampled = new Uint8Array(X.rows);
  for (const r of rows) sampled[r] = 1;
  const rest: number[] = [];
  for (let i = 0; i < X.rows; i++) if (!sampled[i]) rest.push(i);
  const Xrest = selectRows(X, rest);
  let restLabels: ArrayLike<number>;
  if (clusterer.name === 'hdbscan') restLabels = await clusterer.predict!(Xrest);
  else if (clusterer.name === 'agglomerative') {
    const Xfit = selectRows(X, rows);
    const { linkage, metric } = (clusterer as Agglomerative).params;
    if (linkage === 'ward') {
      const nearest = (await nearestRows(Xrest, segmentMeans(Xfit, fitted))).index;
      restLabels = nearest;
    } else {
      const { indices } = await kNearest(Xfit, 1, metric, Xrest);
      restLabels = Int32Array.from(indices, (j) => fitted[j]);
    }
  } else throw new RangeError(`extendLabels: cannot extend ${clusterer.name} labels to new rows`);
  const out = new Int32Array(X.rows);
  rows.forEach((r, j) => {
    out[r] = fitted[j];
  });
  rest.forEach((r, j) => {
    out[r] = restLabels[j];
  });
  return out;
}

/** Row means per label 0..k-1 (noise left out); labels are compact, so no segment is empty. */
function segmentMeans(X: Matrix, labels: Labels): Matrix {
  let k = 0;
  for (const l of labels) if (l + 1 > k) k = l + 1;
  const sums = new Float64Array(k * X.cols);
  const counts = new Float64Array(k);
  for (let i = 0; i < X.rows; i++) {
    const l = labels[i];
    if (l < 0) continue;
    counts[l]++;
    for (let j = 0; j < X.cols; j++) sums[l * X.cols + j] += X.data[i * X.cols + j];
  }
  const data = new Float32Array(k * X.cols);
  for (let c = 0; c < k; c++)
    for (let j = 0; j < X.cols; j++) data[c * X.cols + j] = sums[c * X.cols + j] / counts[c];
  return { rows: k, cols: X.cols, data };
}
