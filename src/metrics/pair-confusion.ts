/**
 * Pair confusion matrix (Hubert & Arabie 1985) as scikit-learn's `pair_confusion_matrix`: counts of
 * ordered pairs (i, j), i != j, so every entry is twice the number of unordered pairs.
 */
import type { Contingency } from './contingency.js';

/** tn: apart in both, fp: together only in pred, fn: together only in truth, tp: together in both. */
export interface PairConfusion {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}

/**
 * The 2x2 pair confusion counts from a contingency table. O(cells).
 * @example pairConfusion(contingency(Int32Array.of(0, 0), Int32Array.of(0, 0))) // { tn: 0, fp: 0, fn: 0, tp: 2 }
 */
export function pairConfusion(table: Contingency): PairConfusion {
  const { n, rowSums, colSums, cellRow, cellCol, cellCount } = table;
  let sumSquares = 0;
  let byCol = 0;
  let byRow = 0;
  for (let e = 0; e < cellCount.length; e++) {
    const v = cellCount[e];
    sumSquares += v * v;
    byCol += v * colSums[cellCol[e]];
    byRow += v * rowSums[cellRow[e]];
  }
  const tp = sumSquares - n;
  const fp = byCol - sumSquares;
  const fn = byRow - sumSquares;
  const tn = n * n - fp - fn - sumSquares;
  return { tn, fp, fn, tp };
}

/** The matrix in scikit-learn's layout `[[tn, fp], [fn, tp]]`. */
export function pairConfusionMatrix(table: Contingency): [[number, number], [number, number]] {
  const { tn, fp, fn, tp } = pairConfusion(table);
  return [
    [tn, fp],
    [fn, tp],
  ];
}
