/**
 * The tile loop of the cluster-sums kernel, shared by the main thread and its workers: claim the
 * next tile (I, J) of the plan, run its graph, add its row sums (for the points of block I) and its
 * column sums (for the points of block J) into this thread's n x k sums, in label order. The graphs
 * come prebuilt in the plan, so a worker loads onnxruntime but not the graph builder.
 *
 * Sums are accumulated exactly: every tile's float32 sum is rounded to a multiple of the plan's
 * `quantum` (a power of two, 2^-52 times a bound on any total) before it is added, so float64
 * addition never rounds and the totals do not depend on which thread ran which tile or in what
 * order: one thread or several give the same bits. The rounding (below 2^-53 of the largest
 * possible row total) is far below the float32 error of the tiles themselves.
 */
import { type AugmentedRows, leftRows, rightRows } from './augmented-rows.js';
import type { ClusterBlock } from './cluster-blocks.js';
import { type Feeds, f32, runGraph } from './runtime.js';
import { indexTensors } from './tiles.js';

/** How a tile's sums along one side are formed: one label (ReduceSum), several (one-hot MatMul), none. */
export type SumKind = 'pure' | 'mixed' | 'none';

/** The shape of a cluster-sums tile graph. */
export interface ClusterSumsTile {
  /** Rows and columns are the same block: self entries are zeroed and only row sums are taken. */
  diagonal: boolean;
  /**
   * Row sums S over the tile's columns: [b] (column block is one label), [b, ky] (onehotY over the
   * column block's label range) or none.
   */
  rowSums: SumKind;
  /** Column sums T over the tile's rows (D is symmetric, so these serve the mirrored tile). */
  colSums: SumKind;
}

/** Everything a thread needs to run any tile; plain data (shared typed arrays) so it crosses to workers. */
export interface ClusterSumsPlan {
  readonly k: number;
  /** Label-ordered augmented rows. */
  readonly rows: AugmentedRows;
  /** Labels in label order. */
  readonly sortedLabels: Int32Array;
  readonly blocks: readonly ClusterBlock[];
  /** Tile t covers blocks pairs[2t] (rows) and pairs[2t + 1] (columns), with pairs[2t] <= pairs[2t + 1]. */
  readonly pairs: Int32Array;
  /** The encoded graph of every tile shape the plan uses, by `clusterSumsKind`. */
  readonly graphs: Readonly<Record<string, Uint8Array>>;
  /** The power of two every tile sum is rounded to a multiple of. */
  readonly quantum: number;
}

/** The quantum for totals bounded by `bound`: 2^(ceil(log2 bound) - 52), so every total is below 2^53 quanta. */
export function sumsQuantum(bound: number): number {
  const exponent = bound > 0 ? Math.ceil(Math.log2(bound)) : -1074;
  return 2 ** Math.max(exponent - 52, -1074);
}

// A mixed block that holds one label sums like a pure one (and must: onnxruntime's one-column
// MatMul sums in an order that depends on its thread count, ReduceSum does not).
const sumKind = (b: ClusterBlock): SumKind =>
  b.kind === 'noise' ? 'none' : b.labelCount === 1 ? 'pure' : 'mixed';

/** The graph shape of the tile with row block `rows` and column block `cols`. */
export function clusterSumsTile(rows: ClusterBlock, cols: ClusterBlock): ClusterSumsTile {
  const diagonal = rows === cols;
  return { diagonal, rowSums: sumKind(cols), colSums: diagonal ? 'none' : sumKind(rows) };
}

/** The session cache key (and plan.graphs key) of a tile graph. */
export const clusterSumsKind = (metric: string, tile: ClusterSumsTile): string =>
  `cluster_sums_augmented:${metric}:${tile.rowSums}:${tile.colSums}:${tile.diagonal}`;

/**
 * Run tiles `claim()` returns until it returns a number >= the tile count, adding into `sorted`
 * (points x k, label order). `threads`: intra-op threads of this thread's sessions.
 */
export async function runClusterSumTiles(
  plan: ClusterSumsPlan,
  claim: () => number,
  sorted: Float64Array,
  threads: number,
): Promise<void> {
  const { rows: augmented, blocks, pairs, graphs } = plan;
  const { width } = augmented;
  const side = blocks.reduce((s, b) => Math.max(s, b.size), 1);
  const widest = blocks.reduce((w, b) => Math.max(w, b.labelCount), 1);
  const S = new Float32Array(side * widest);
  const T = new Float32Array(side * widest);
  // onnxruntime-node rejects tensors over a SharedArrayBuffer, so shared left rows are copied into
  // this thread's own buffer (a memcpy per block, next to milliseconds of GEMM); tiles are claimed
  // in row-block order, so the left block is usually the previous tile's.
  const shared = augmented.left.buffer instanceof SharedArrayBuffer;
  const ownA = new Float32Array(shared ? side * width : 0);
  const B = new Float32Array(side * width);
  let A: Float32Array = ownA;
  let leftBlock = -1;
  const ones = new Float32Array(side).fill(1);
  const onehots = new Map<number, Float32Array>();
  /** [size, labels]: the one-hot labels of a mixed block over its label range. */
  const onehotOf = (b: ClusterBlock) => {
    let onehot = onehots.get(b.start);
    if (onehot === undefined) {
      onehot = new Float32Array(b.size * b.labelCount);
      for (let p = 0; p < b.size; p++)
        onehot[p * b.labelCount + plan.sortedLabels[b.start + p] - b.label] = 1;
      onehots.set(b.start, onehot);
    }
    return f32(onehot, [b.size, b.labelCount]);
  };
  const tiles = pairs.length / 2;
  for (let t = claim(); t < tiles; t = claim()) {
    const rows = blocks[pairs[2 * t]];
    const cols = blocks[pairs[2 * t + 1]];
    const tile = clusterSumsTile(rows, cols);
    if (leftBlock !== pairs[2 * t]) {
      A = shared
        ? leftRows(augmented, rows.start, rows.size, ownA)
        : augmented.left.subarray(rows.start * width, (rows.start + rows.size) * width);
      leftBlock = pairs[2 * t];
    }
    const feeds: Feeds = {
      A: f32(A, [rows.size, width]),
      B: f32(rightRows(augmented, cols.start, cols.size, B), [cols.size, width]),
    };
    if (tile.diagonal) Object.assign(feeds, indexTensors(rows.start, rows.size, cols.start, cols.size));
    if (tile.rowSums === 'mixed') feeds.onehotY = onehotOf(cols);
    if (tile.colSums === 'pure') feeds.onesX = f32(ones.subarray(0, rows.size), [1, rows.size]);
    if (tile.colSums === 'mixed') feeds.onehotX = onehotOf(rows);
    const fetches: Record<string, ReturnType<typeof f32>> = {};
    // S is [rows, labels of cols]; T is [1, cols] (one label) or [cols, labels of rows]. In memory
    // both are points x labels, as accumulate reads them.
    if (tile.rowSums !== 'none')
      fetches.S = f32(S.subarray(0, rows.size * cols.labelCount), [rows.size, cols.labelCount]);
    if (tile.colSums !== 'none') {
      const dims = tile.colSums === 'pure' ? [1, cols.size] : [cols.size, rows.labelCount];
      fetches.T = f32(T.subarray(0, cols.size * rows.labelCount), dims);
    }
    const kind = clusterSumsKind(augmented.metric, tile);
    await runGraph(kind, () => graphs[kind], feeds, fetches, threads);
    accumulate(sorted, plan, rows, tile.rowSums, cols, S);
    accumulate(sorted, plan, cols, tile.colSums, rows, T);
  }
}

/** Add a tile's sums for the points of `target` (over the points of `over`), rounded to the quantum. */
function accumulate(
  sorted: Float64Array,
  plan: ClusterSumsPlan,
  target: ClusterBlock,
  kind: SumKind,
  over: ClusterBlock,
  part: Float32Array,
): void {
  const { k, quantum } = plan;
  if (kind === 'pure') {
    for (let i = 0; i < target.size; i++)
      sorted[(target.start + i) * k + over.label] += Math.round(part[i] / quantum) * quantum;
  } else if (kind === 'mixed') {
    const width = over.labelCount;
    for (let i = 0; i < target.size; i++) {
      const o = (target.start + i) * k + over.label;
      for (let c = 0; c < width; c++) sorted[o + c] += Math.round(part[i * width + c] / quantum) * quantum;
    }
  }
}
