/**
 * The ONNX graphs behind `centerAssigner` (center-assigner.ts). X is centered once by a shift s
 * (x' = x - s, see shift.ts for why) and stored augmented as rows [x', 1]; centers come as rows
 * [-2 c', ||c'||^2] (c' = c - s). So every pass is one plain GEMM (no bias pass over the output)
 * giving P = ||c'||^2 - 2 x'.c':
 *
 * - distances: P + ||x'||^2 (a bias of the same GEMM), clamped at 0;
 * - nearest: ArgMin over P (||x'||^2 does not change the ranking);
 * - nearest with sums: the same ArgMin, then ScatterND(reduction 'add') of the rows U = w [x', 1] into
 *   one float32 slot per (block of rows, center), which the caller adds up in float64: a slot sums
 *   at most one block's rows, so the relative error stays near 2^-24 * block rows at worst and
 *   2^-24 * sqrt(block rows) typically (Higham 2002, section 4.2) instead of growing with n.
 *
 * Only GEMM, ArgMin and ScatterND touch the large tensors [b, e]: an elementwise node over them
 * costs one more pass each. Over the small [b, m] output one vectorized Relu costs less than the
 * caller's loop (measured), so the distances graph clamps there.
 */
import { GraphBuilder, intAttr } from './graph-builder.js';

/** P = X Y^T for a chunk of augmented rows X [b, e] and augmented centers Y [m, e]. */
function partials(g: GraphBuilder): string {
  const X = g.input('X', 'float32', ['b', 'e']);
  const Y = g.input('Y', 'float32', ['m', 'e']);
  return g.node('Gemm', [X, Y], { transB: intAttr(1) });
}

/**
 * Inputs X [b, e], Y [m, e] (augmented) and N [b, 1] (||x'||^2, float32); output
 * P [b, m] = max(0, ||x'||^2 + ||c'||^2 - 2 x'.c'). The norms enter as the GEMM's bias (MLAS
 * starts the accumulators from them: no pass of its own) and the clamp is one vectorized pass over
 * the small output, cheaper than the caller's loop over it.
 */
export function centerDistancesGraph(): Uint8Array {
  const g = new GraphBuilder('center_distances_biased');
  const X = g.input('X', 'float32', ['b', 'e']);
  const Y = g.input('Y', 'float32', ['m', 'e']);
  const N = g.input('N', 'float32', ['b', 1]);
  const P = g.node('Gemm', [X, Y, N], { transB: intAttr(1) });
  g.output(g.node('Relu', [P]), 'P', 'float32', ['b', 'm']);
  return g.encode();
}

/**
 * Inputs X [b, e], Y [m, e] (augmented); output index [b, 1] (int32, first minimum of P). With
 * `sums`, also inputs U [b, e] (the rows to add up), slot [b, 1] (int64: the row's block times m)
 * and zeros [nb * m, e]; output blockSums [nb * m, e] (float32): row slot + index of U, added up.
 */
export function centerNearestGraph(sums: boolean): Uint8Array {
  const g = new GraphBuilder(`center_nearest_${sums}`);
  const index = g.node('ArgMin', [partials(g)], {
    axis: intAttr(1),
    keepdims: intAttr(1),
    select_last_index: intAttr(0),
  });
  g.output(g.node('Cast', [index], { to: intAttr(6) }), 'index', 'int32', ['b', 1]);
  if (!sums) return g.encode();
  const U = g.input('U', 'float32', ['b', 'e']);
  const slot = g.node('Add', [g.input('slot', 'int64', ['b', 1]), index]);
  const zeros = g.input('zeros', 'float32', ['s', 'e']);
  const blockSums = g.node('ScatterND', [zeros, slot, U], { reduction: { kind: 'string', value: 'add' } });
  g.output(blockSums, 'blockSums', 'float32', ['s', 'e']);
  return g.encode();
}
