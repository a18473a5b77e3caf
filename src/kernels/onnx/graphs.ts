/**
 * The ONNX graphs behind the fast kernels. Every graph takes a tile of query rows X [b, d] and of
 * reference rows Y [m, d] with dynamic b, m, d, so one session per graph kind serves all tiles.
 *
 * Euclidean tiles use the GEMM expansion ||x - s||^2 + ||y - s||^2 - 2 (x - s).(y - s) with a shift s
 * near the data mean (centering; see shift.ts), clamped at 0. Cosine tiles normalize rows in the graph
 * and use 1 - x.y, clamped at 0 (equal to ||x - y||^2 / 2 for unit vectors). Graphs with `self` zero
 * (or, for TopK, exclude) the entries where the global row index equals the global column index,
 * which are given as int32 inputs ri [b, 1] and ci [1, m].
 */
import type { DistanceMetric } from '../distance-metric.js';
import { GraphBuilder, floatAttr, intAttr, intsAttr } from './graph-builder.js';

/** What a pairwise tile is turned into. */
export type PairwiseValue = 'squared' | 'distance';

interface Tile {
  g: GraphBuilder;
  /** b x m tile: squared euclidean, or cosine distance, clamped at 0. */
  raw: string;
  /** The same before clamping (may be slightly negative). */
  unclamped: string;
}

/**
 * Inputs X, Y (and shift for euclidean); the raw b x m tile. `narrow` (one side has few rows) adds
 * the norms to the GEMM output instead of augmenting the inputs: the copies of a large input then
 * cost more than the passes over a small output.
 */
function rawTile(name: string, metric: DistanceMetric, narrow = false): Tile {
  const g = new GraphBuilder(name);
  const X = g.input('X', 'float32', ['b', 'd']);
  const Y = g.input('Y', 'float32', ['m', 'd']);
  if (metric === 'cosine') {
    const unit = (v: string) =>
      g.node('Div', [
        v,
        g.node('Sqrt', [g.node('ReduceSumSquare', [v], { axes: intsAttr([1]), keepdims: intAttr(1) })]),
      ]);
    const one = g.constant('float32', [1], [1]);
    const cos = g.node('Gemm', [unit(X), unit(Y), one], {
      alpha: floatAttr(-1),
      beta: floatAttr(1),
      transB: intAttr(1),
    });
    return { g, raw: g.node('Relu', [cos]), unclamped: cos };
  }
  const shift = g.input('shift', 'float32', [1, 'd']);
  if (narrow) {
    const Xc = g.node('Sub', [X, shift]);
    const Yc = g.node('Sub', [Y, shift]);
    const xn = g.node('ReduceSumSquare', [Xc], { axes: intsAttr([1]), keepdims: intAttr(1) });
    const yn = g.node('ReduceSumSquare', [Yc], { axes: intsAttr([1]), keepdims: intAttr(0) });
    const partial = g.node('Gemm', [Xc, Yc, yn], {
      alpha: floatAttr(-2),
      beta: floatAttr(1),
      transB: intAttr(1),
    });
    const cross = g.node('Add', [partial, xn]);
    return { g, raw: g.node('Relu', [cross]), unclamped: cross };
  }
  // One GEMM yields the whole expansion: [x', ||x'||^2, 1] . [-2 y', 1, ||y'||^2] (x' = x - s, y' = y - s).
  const one = g.constant('float32', [1, 1], [1]);
  const augment = (v: string, scale: number, normLast: boolean) => {
    const centered = g.node('Sub', [v, shift]);
    const norm = g.node('ReduceSumSquare', [centered], { axes: intsAttr([1]), keepdims: intAttr(1) });
    const ones = g.node('Expand', [one, g.node('Shape', [norm])]);
    const scaled = scale === 1 ? centered : g.node('Mul', [centered, g.constant('float32', [1], [scale])]);
    return g.node('Concat', normLast ? [scaled, ones, norm] : [scaled, norm, ones], { axis: intAttr(1) });
  };
  const cross = g.node('Gemm', [augment(X, 1, false), augment(Y, -2, true)], { transB: intAttr(1) });
  return { g, raw: g.node('Relu', [cross]), unclamped: cross };
}

/** Replace the self entries (global row == global column) of `value` by `fill`; inputs ri [b, 1], ci [1, m]. */
export function maskSelf(g: GraphBuilder, value: string, fill: number): string {
  const ri = g.input('ri', 'int32', ['b', 1]);
  const ci = g.input('ci', 'int32', [1, 'm']);
  return g.node('Where', [g.node('Equal', [ri, ci]), g.constant('float32', [1], [fill]), value]);
}

/** Distances of the raw tile: sqrt for euclidean, as is for cosine and for squared output. */
function finish(g: GraphBuilder, raw: string, metric: DistanceMetric, value: PairwiseValue): string {
  return metric === 'euclidean' && value === 'distance' ? g.node('Sqrt', [raw]) : raw;
}

/** D [b, m]: squared euclidean or distances under `metric`. */
export function pairwiseGraph(metric: DistanceMetric, value: PairwiseValue, narrow: boolean): Uint8Array {
  const { g, raw } = rawTile(`pairwise_${metric}_${value}_${narrow}`, metric, narrow);
  g.output(finish(g, raw, metric, value), 'D', 'float32', ['b', 'm']);
  return g.encode();
}

/**
 * Nearest reference row per query row: index [b] (int32, first minimum) and squared distance [b].
 * The argmin runs on ||y - s||^2 - 2 (x - s).(y - s); ||x - s||^2 is added only to the minimum.
 */
export function nearestGraph(): Uint8Array {
  const g = new GraphBuilder('nearest');
  const X = g.input('X', 'float32', ['b', 'd']);
  const Y = g.input('Y', 'float32', ['m', 'd']);
  const shift = g.input('shift', 'float32', [1, 'd']);
  const Xc = g.node('Sub', [X, shift]);
  const Yc = g.node('Sub', [Y, shift]);
  const xn = g.node('ReduceSumSquare', [Xc], { axes: intsAttr([1]), keepdims: intAttr(0) });
  const yn = g.node('ReduceSumSquare', [Yc], { axes: intsAttr([1]), keepdims: intAttr(0) });
  const partial = g.node('Gemm', [Xc, Yc, yn], {
    alpha: floatAttr(-2),
    beta: floatAttr(1),
    transB: intAttr(1),
  });
  const index = g.node('ArgMin', [partial], {
    axis: intAttr(1),
    keepdims: intAttr(0),
    select_last_index: intAttr(0),
  });
  const least = g.node('ReduceMin', [partial], { axes: intsAttr([1]), keepdims: intAttr(0) });
  g.output(g.node('Cast', [index], { to: intAttr(6) }), 'index', 'int32', ['b']);
  g.output(g.node('Relu', [g.node('Add', [least, xn])]), 'distance', 'float32', ['b']);
  return g.encode();
}

/**
 * The `K` smallest distances per query row, ascending, with int32 column indices. ONNX TopK
 * (opset 11+) breaks ties by lower index, as the reference does. Self entries are excluded (+inf).
 */
export function topKGraph(metric: DistanceMetric, self: boolean): Uint8Array {
  const { g, raw } = rawTile(`top_k_${metric}`, metric);
  const K = g.input('K', 'int64', [1]);
  const masked = self ? maskSelf(g, raw, Number.POSITIVE_INFINITY) : raw;
  const values = g.node(
    'TopK',
    [masked, K],
    { axis: intAttr(1), largest: intAttr(0), sorted: intAttr(1) },
    undefined,
    2,
  );
  g.output(finish(g, values, metric, 'distance'), 'values', 'float32', ['b', 'kk']);
  g.output(g.node('Cast', [`${values}_1`], { to: intAttr(6) }), 'indices', 'int32', ['b', 'kk']);
  return g.encode();
}

/**
 * Candidate pairs within a radius: `pairs` [2, nnz] (int32 tile row, tile column, row-major order)
 * for entries with raw value <= `limit` (eps^2 for euclidean, eps for cosine, plus an error margin).
 * Self entries are set to 0 first, so a point is always its own neighbor (as in scikit-learn's DBSCAN).
 */
export function radiusGraph(metric: DistanceMetric, self: boolean): Uint8Array {
  // Compare before clamping: a negative value is <= any limit.
  const { g, unclamped } = rawTile(`radius_${metric}`, metric);
  const limit = g.input('limit', 'float32', [1]);
  const masked = self ? maskSelf(g, unclamped, 0) : unclamped;
  const where = g.node('NonZero', [g.node('LessOrEqual', [masked, limit])]);
  g.output(g.node('Cast', [where], { to: intAttr(6) }), 'pairs', 'int32', [2, 'nnz']);
  return g.encode();
}
