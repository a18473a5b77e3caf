/**
 * Per point, the sum of distances to each cluster, as D x onehot(labels) on onnxruntime, in 2-D
 * tiles. Each tile's [rows, k] partial sums are float32 over at most maxTileCols terms and are
 * accumulated across column tiles in float64, which keeps the relative error near 2^-24 * sqrt(cols).
 */
import type { Labels } from '../../util/labels.js';
import type { Matrix } from '../../util/matrix.js';
import type { DistanceMetric } from '../distance-metric.js';
import { clusterSumsGraph } from './graphs.js';
import { type Feeds, f32, runGraph } from './runtime.js';
import { onnxKernelOptions } from './options.js';
import { centeringShift } from './shift.js';
import { indexTensors, rowsTensor, tileShape, touchesDiagonal } from './tiles.js';

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
  const sums = new Float64Array(n * k);
  const shift = metric === 'euclidean' ? f32(centeringShift(X), [1, X.cols]) : undefined;
  const { rowBlock, colBlock } = tileShape(n, onnxKernelOptions());
  const partial = new Float32Array(Math.min(rowBlock, n) * k);
  for (let r0 = 0; r0 < n; r0 += rowBlock) {
    const rb = Math.min(rowBlock, n - r0);
    for (let c0 = 0; c0 < n; c0 += colBlock) {
      const cb = Math.min(colBlock, n - c0);
      const self = touchesDiagonal(r0, rb, c0, cb);
      const feeds: Feeds = {
        X: rowsTensor(X, r0, rb),
        Y: rowsTensor(X, c0, cb),
        onehot: f32(onehot.subarray(c0 * k, (c0 + cb) * k), [cb, k]),
      };
      if (shift !== undefined) feeds.shift = shift;
      if (self) Object.assign(feeds, indexTensors(r0, rb, c0, cb));
      const out = partial.subarray(0, rb * k);
      await runGraph(`cluster_sums:${metric}:${self}`, () => clusterSumsGraph(metric, self), feeds, {
        S: f32(out, [rb, k]),
      });
      const base = r0 * k;
      for (let t = 0; t < rb * k; t++) sums[base + t] += out[t];
    }
  }
  return sums;
}
