/**
 * The contingency table of two labelings (rows: truth classes, columns: predicted clusters), the
 * sufficient statistic of every external index. Stored sparsely (non-zero cells only) so a table
 * with many singleton columns stays linear in n.
 *
 * Noise rule (documented, tested): by default each noise point (-1) is its own singleton class
 * or cluster, so a clustering gets no credit for lumping its noise together and "everything is
 * noise" scores like "every point alone". `noise: 'cluster'` instead treats -1 as one ordinary
 * label, which is what scikit-learn does (it has no notion of noise).
 */
import type { Labels } from '../util/labels.js';
import { checkLabelPair } from './check-input.js';

/** How noise labels (-1) enter the table. */
export type NoiseRule = 'singletons' | 'cluster';

/** Options shared by the external indices. */
export interface ContingencyOptions {
  noise?: NoiseRule;
}

export const CONTINGENCY_DEFAULTS: Required<ContingencyOptions> = { noise: 'singletons' };

/** Sparse contingency table: the non-zero cells plus row and column sums. */
export interface Contingency {
  /** Number of points. */
  readonly n: number;
  /** Size of each truth class (row). */
  readonly rowSums: Float64Array;
  /** Size of each predicted cluster (column). */
  readonly colSums: Float64Array;
  /** Non-zero cells, ordered by row then column. */
  readonly cellRow: Int32Array;
  readonly cellCol: Int32Array;
  readonly cellCount: Float64Array;
}

/**
 * Ids 0..m-1 for a labeling: distinct labels in increasing order (as scikit-learn's `np.unique`),
 * then, under the singleton rule, one new id per noise point in row order.
 */
export function labelIds(labels: Labels, noise: NoiseRule): { ids: Int32Array; count: number } {
  const singletons = noise === 'singletons';
  let max = -1;
  for (let i = 0; i < labels.length; i++) if (labels[i] > max) max = labels[i];
  const ids = new Int32Array(labels.length);
  // Labels are usually 0..k-1: a dense lookup (slot 0 for -1) beats a Map by an order of magnitude.
  if (max < 4 * labels.length + 1024) {
    const slot = new Int32Array(max + 2).fill(-1);
    for (let i = 0; i < labels.length; i++) if (!(singletons && labels[i] === -1)) slot[labels[i] + 1] = 0;
    let count = 0;
    for (let v = 0; v < slot.length; v++) if (slot[v] === 0) slot[v] = count++;
    for (let i = 0; i < labels.length; i++)
      ids[i] = singletons && labels[i] === -1 ? count++ : slot[labels[i] + 1];
    return { ids, count };
  }
  const seen = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l === -1 && singletons) continue;
    if (!seen.has(l)) seen.set(l, 0);
  }
  const sorted = Array.from(seen.keys()).sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) seen.set(sorted[i], i);
  let next = sorted.length;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    ids[i] = l === -1 && singletons ? next++ : (seen.get(l) as number);
  }
  return { ids, count: next };
}

/**
 * Contingency table of `truth` (rows) against `pred` (columns). O(n + cells).
 * @throws RangeError if the lengths differ or a label is below -1.
 * @example contingency(Int32Array.of(0, 0, 1), Int32Array.of(1, 1, 1)).cellCount // [2, 1]
 */
export function contingency(truth: Labels, pred: Labels, options: ContingencyOptions = {}): Contingency {
  checkLabelPair('contingency', truth, pred);
  const { noise } = { ...CONTINGENCY_DEFAULTS, ...options };
  const r = labelIds(truth, noise);
  const c = labelIds(pred, noise);
  return tableFromIds(r.ids, r.count, c.ids, c.count);
}

/** Build the sparse table from compacted ids; dense counting when rows*cols is small. */
export function tableFromIds(
  rowIds: Int32Array,
  rows: number,
  colIds: Int32Array,
  cols: number,
): Contingency {
  const n = rowIds.length;
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(cols);
  for (let i = 0; i < n; i++) {
    rowSums[rowIds[i]]++;
    colSums[colIds[i]]++;
  }
  const keys: number[] = [];
  const counts: number[] = [];
  if (rows * cols <= 1 << 22) {
    const dense = new Float64Array(rows * cols);
    for (let i = 0; i < n; i++) dense[rowIds[i] * cols + colIds[i]]++;
    for (let key = 0; key < dense.length; key++) {
      if (dense[key] > 0) {
        keys.push(key);
        counts.push(dense[key]);
      }
    }
  } else {
    const cells = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = rowIds[i] * cols + colIds[i];
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    for (const key of Array.from(cells.keys()).sort((a, b) => a - b)) {
      keys.push(key);
      counts.push(cells.get(key) as number);
    }
  }
  const cellRow = new Int32Array(keys.length);
  const cellCol = new Int32Array(keys.length);
  for (let e = 0; e < keys.length; e++) {
    cellRow[e] = Math.floor(keys[e] / cols);
    cellCol[e] = keys[e] - cellRow[e] * cols;
  }
  return { n, rowSums, colSums, cellRow, cellCol, cellCount: Float64Array.from(counts) };
}

/**
 * The table as a dense rows x cols array of arrays (scikit-learn's `contingency_matrix`, rows in
 * increasing truth label order, then singleton noise rows).
 */
export function contingencyMatrix(table: Contingency): number[][] {
  const out = Array.from({ length: table.rowSums.length }, () =>
    new Array<number>(table.colSums.length).fill(0),
  );
  for (let e = 0; e < table.cellCount.length; e++)
    out[table.cellRow[e]][table.cellCol[e]] = table.cellCount[e];
  return out;
}
