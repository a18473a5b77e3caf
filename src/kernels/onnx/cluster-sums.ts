/**
 * Per point, the sum of distances to each cluster, as D x onehot(labels) on onnxruntime. D is
 * symmetric, so only the square blocks on and above the diagonal are computed; an off-diagonal block
 * feeds both its rows (D x onehot) and its columns (D^T x onehot). Each block's partial sums are
 * float32 over at most one block width of terms and are accumulated across blocks in float64, which
 * keeps the relative error near 2^-24 * sqrt(block).
 */
import type { Labels } from '../../util/labels.js';
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';
import { clusterSumsGraph } from './graphs.js';
import { onnxKernelOptions } from './options.js';
import { type Feeds, f32, runGraph } from './runtime.js';
import { centeringShift } from './shift.js';
import { indexTensors, rowsTensor } from './tiles.js';

/** sums[i*k + c] = sum of dist(x_i, x_j) over j with labels[j] = c. Requires n, d, k >= 1, valid labels. */
export async function clusterDistanceSumsOnnx(
  X: Matrix,
  labels: Labels,
  k: number,
  metric: DistanceMetric,
): Promise<Float64Array> {
  const n = X.rows;
  const onehot = new Float32Array(n * k);
  for (let j = 0; j < n; j++) if (labels[j] >= 0) onehot[j * k + labels[j]] = 1;
  const onehotRows = (start: number, count: number) =>
    f32(onehot.subarray(start * k, (start + count) * k), [count, k]);
  const sums = new Float64Array(n * k);
  const add = (start: number, part: Float32Array) => {
    for (let t = 0; t < part.length; t++) sums[start * k + t] += part[t];
  };
  const shift = metric === 'euclidean' ? f32(centeringShift(X), [1, X.cols]) : undefined;
  const opts = onnxKernelOptions();
  const side = Math.max(1, Math.min(n, opts.maxTileCols, Math.floor(Math.sqrt(opts.tileElements))));
  const S = new Float32Array(side * k);
  const T = new Float32Array(side * k);
  for (let r0 = 0; r0 < n; r0 += side) {
    const rb = Math.min(side, n - r0);
    for (let c0 = r0; c0 < n; c0 += side) {
      const cb = Math.min(side, n - c0);
      const block = c0 === r0 ? 'diagonal' : 'pair';
      const feeds: Feeds = {
        X: rowsTensor(X, r0, rb),
        Y: rowsTensor(X, c0, cb),
        onehotY: onehotRows(c0, cb),
      };
      if (shift !== undefined) feeds.shift = shift;
      if (block === 'diagonal') Object.assign(feeds, indexTensors(r0, rb, c0, cb));
      else feeds.onehotX = onehotRows(r0, rb);
      const fetches = {
        S: f32(S.subarray(0, rb * k), [rb, k]),
        ...(block === 'pair' ? { T: f32(T.subarray(0, cb * k), [cb, k]) } : {}),
      };
      await runGraph(
        `cluster_sums:${metric}:${block}`,
        () => clusterSumsGraph(metric, block),
        feeds,
        fetches,
      );
      add(r0, S.subarray(0, rb * k));
      if (block === 'pair') add(c0, T.subarray(0, cb * k));
    }
  }
  return sums;
}
