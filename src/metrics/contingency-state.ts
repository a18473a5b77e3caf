/**
 * Mergeable contingency state (Arquero-style init/add/merge/value): count each shard separately,
 * merge the states, and read the same table as counting everything at once. Keys are the raw
 * labels, so shards need only agree on label meaning, not on order.
 */
import type { Labels } from '../util/labels.js';
import { checkLabelPair } from './check-input.js';
import {
  CONTINGENCY_DEFAULTS,
  type Contingency,
  type ContingencyOptions,
  labelIds,
  tableFromIds,
} from './contingency.js';

/** Counts per (truth label, predicted label) pair; -1 is kept as a label until `value`. */
export interface ContingencyState {
  readonly cells: Map<number, Map<number, number>>;
  n: number;
}

/** An empty state. */
export function contingencyInit(): ContingencyState {
  return { cells: new Map(), n: 0 };
}

/** Count one shard into `state` (mutates and returns it). O(shard size). */
export function contingencyAdd(state: ContingencyState, truth: Labels, pred: Labels): ContingencyState {
  checkLabelPair('contingencyAdd', truth, pred);
  for (let i = 0; i < truth.length; i++) bump(state.cells, truth[i], pred[i], 1);
  state.n += truth.length;
  return state;
}

/** Merge `other` into `state` (mutates and returns `state`). */
export function contingencyMerge(state: ContingencyState, other: ContingencyState): ContingencyState {
  for (const [t, row] of other.cells) for (const [p, count] of row) bump(state.cells, t, p, count);
  state.n += other.n;
  return state;
}

/**
 * The table, with the same row/column order and noise rule as `contingency(truth, pred)` on the
 * concatenated shards, up to the order of singleton noise rows and columns (which no index sees).
 */
export function contingencyValue(state: ContingencyState, options: ContingencyOptions = {}): Contingency {
  const { noise } = { ...CONTINGENCY_DEFAULTS, ...options };
  // Expand the counts into one (truth, pred) label pair per point, then reuse the one-shot path.
  const truth = new Int32Array(state.n);
  const pred = new Int32Array(state.n);
  let i = 0;
  for (const t of Array.from(state.cells.keys()).sort((a, b) => a - b)) {
    const row = state.cells.get(t) as Map<number, number>;
    for (const p of Array.from(row.keys()).sort((a, b) => a - b)) {
      const count = row.get(p) as number;
      truth.fill(t, i, i + count);
      pred.fill(p, i, i + count);
      i += count;
    }
  }
  const r = labelIds(truth, noise);
  const c = labelIds(pred, noise);
  return tableFromIds(r.ids, r.count, c.ids, c.count);
}

function bump(cells: Map<number, Map<number, number>>, t: number, p: number, count: number): void {
  let row = cells.get(t);
  if (row === undefined) {
    row = new Map();
    cells.set(t, row);
  }
  row.set(p, (row.get(p) ?? 0) + count);
}
