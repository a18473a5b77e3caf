/**
 * Minimum spanning tree of the mutual reachability graph for high-dimensional data: Borůvka whose
 * cheapest-edge search per round is one blocked pass over all pairwise distances from the
 * `distanceBlocks` kernel (GEMM-shaped, fast backend), O(n^2 d) per round but in GEMM instead of a
 * scalar loop, O(block x n) memory. A few rounds suffice on clustered data (the first one leaves few
 * components). Distances are the kernel's float32, widened.
 */
import { distanceBlocks } from '../kernels/kernels.js';
import type { Matrix } from '../util/matrix.js';
import { boruvkaForest, startBoruvkaRound, takeCheapestEdges } from './boruvka-forest.js';
import type { SpanningEdges } from './mutual-reachability-mst.js';

/** Rows per distance block: 256 x n floats (20 MB at n = 20,000). */
export const MST_BLOCK_ROWS = 256;

/** MST over the rows of X (euclidean; pass unit rows for cosine), core distances by row. */
export async function blockedBoruvkaMutualReachability(
  X: Matrix,
  core: Float64Array,
): Promise<SpanningEdges> {
  const n = X.rows;
  const forest = boruvkaForest(n);
  const { comp, bestW, bestFrom, bestTo } = forest;
  while (startBoruvkaRound(forest)) {
    await distanceBlocks(X, X, 'euclidean', MST_BLOCK_ROWS, (block, rowStart, rowCount) => {
      for (let r = 0; r < rowCount; r++) {
        const i = rowStart + r;
        const ci = comp[i];
        const coreI = core[i];
        if (coreI >= bestW[ci]) continue;
        const o = r * n;
        for (let j = 0; j < n; j++) {
          if (comp[j] === ci) continue;
          let v = block[o + j];
          if (coreI > v) v = coreI;
          if (core[j] > v) v = core[j];
          if (v < bestW[ci]) {
            bestW[ci] = v;
            bestFrom[ci] = i;
            bestTo[ci] = j;
          }
        }
      }
    });
    takeCheapestEdges(forest);
  }
  return forest.edges;
}
