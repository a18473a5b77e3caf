/**
 * The ONNX graphs behind `centerAssigner` (center-assigner.ts). X is centered once by a shift s
 * (rows X' = X - s, see shift.ts for why), so every pass is one GEMM over X' with centers C' = C - s:
 *
 * - distances: ||c'||^2 - 2 x'.c' (the caller adds ||x'||^2);
 * - nearest: ArgMin over ||c'||^2 - 2 x'.c' (||x'||^2 does not change the ranking);
 * - nearest with sums: the same ArgMin, then ScatterND(reduction 'add') of the rows U (w * x') into
 *   one float32 slot per (block of rows, center), which the caller adds up in float64: a slot sums
 *   at most one block's rows, so the relative error stays near 2^-24 * block rows at worst and
 *   2^-24 * sqrt(block rows) typically (Higham 2002, section 4.2) instead of growing with n.
 *
 * Only GEMM, ArgMin and ScatterND touch the large tensors: elementwise nodes over [b, d] or [b, m]
 * cost more here (one more pass each, run single-file) than the caller's loops that read them anyway.
 */
import { GraphBuilder, floatAttr, intAttr, intsAttr } from './graph-builder.js';

/**
 * Inputs X [b, d] (centered), Y [m, d] (centered); output P [b, m] = ||y'||^2 - 2 x'.y'. The caller
 * adds ||x'||^2 and clamps at 0 while it reads P anyway (elementwise nodes here cost a pass each).
 */
export function centerDistancesGraph(): Uint8Array {
  const g = new GraphBuilder('center_distances');
  const X = g.input('X', 'float32', ['b', 'd']);
  const Y = g.input('Y', 'float32', ['m', 'd']);
  const partial = g.node('Gemm', [X, Y, centerNorms(g, Y)], {
    alpha: floatAttr(-2),
    beta: floatAttr(1),
    transB: intAttr(1),
  });
  g.output(partial, 'P', 'float32', ['b', 'm']);
  return g.encode();
}

/**
 * Inputs X [b, d] (centered), Y [m, d] (centered); output index [b, 1] (int32, first minimum).
 * With `sums`, also inputs U [b, d] (the rows to add up), slot [b, 1] (int64: the row's block times
 * m) and zeros [nb * m, d]; output blockSums [nb * m, d] (float32): row slot + index of U, added up.
 */
export function centerNearestGraph(sums: boolean): Uint8Array {
  const g = new GraphBuilder(`center_nearest_${sums}`);
  const X = g.input('X', 'float32', ['b', 'd']);
  const Y = g.input('Y', 'float32', ['m', 'd']);
  const partial = g.node('Gemm', [X, Y, centerNorms(g, Y)], {
    alpha: floatAttr(-2),
    beta: floatAttr(1),
    transB: intAttr(1),
  });
  const index = g.node('ArgMin', [partial], {
    axis: intAttr(1),
    keepdims: intAttr(1),
    select_last_index: intAttr(0),
  });
  g.output(g.node('Cast', [index], { to: intAttr(6) }), 'index', 'int32', ['b', 1]);
  if (!sums) return g.encode();
  const U = g.input('U', 'float32', ['b', 'd']);
  const slot = g.node('Add', [g.input('slot', 'int64', ['b', 1]), index]);
  const zeros = g.input('zeros', 'float32', ['s', 'd']);
  const blockSums = g.node('ScatterND', [zeros, slot, U], { reduction: { kind: 'string', value: 'add' } });
  g.output(blockSums, 'blockSums', 'float32', ['s', 'd']);
  return g.encode();
}

function centerNorms(g: GraphBuilder, Y: string): string {
  return g.node('ReduceSumSquare', [Y], { axes: intsAttr([1]), keepdims: intAttr(0) });
}
