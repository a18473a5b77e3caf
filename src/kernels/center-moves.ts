/**
 * The reference `moveRows` of the `centerAssigner` contract: per-center sums kept up to date as rows
 * change labels, so a k-means step costs O(changed rows * d) instead of O(n d) once most rows stay
 * put. Plain TypeScript over X in Float64.
 */
import type { Matrix } from '../util/matrix.js';
import type { CenterSums } from './center-assigner.js';

/**
 * Update `state` for rows whose label went from previous[i] to next[i]. O(n + changed * d). Returns
 * the number changed. Moved rows are taken two at a time, their reads interleaved: the rows lie
 * scattered over X, and two independent streams of cache misses overlap (measured ~25% faster at
 * 2-8% moved on 100,000 x 64). Every sum receives its updates in row order, as one row at a time
 * would give them, so the result is the same bits.
 */
export function moveRows(
  X: Matrix,
  weight: Float64Array,
  state: CenterSums,
  previous: Int32Array,
  next: Int32Array,
): number {
  const n = next.length;
  let changed = 0;
  let i0 = nextMoved(previous, next, 0);
  while (i0 < n) {
    const i1 = nextMoved(previous, next, i0 + 1);
    if (i1 === n) {
      moveTwo(X, weight, state, previous, next, i0, i0);
      changed++;
      break;
    }
    moveTwo(X, weight, state, previous, next, i0, i1);
    changed += 2;
    i0 = nextMoved(previous, next, i1 + 1);
  }
  const d = X.cols;
  for (let c = 0; c < state.count.length; c++) {
    if (state.count[c] === 0) {
      // Exactly empty: drop the rounding residue of the subtractions.
      state.weight[c] = 0;
      state.sums.fill(0, c * d, (c + 1) * d);
    }
  }
  return changed;
}

/** The first i >= from with previous[i] !== next[i], or next.length. */
function nextMoved(previous: Int32Array, next: Int32Array, from: number): number {
  let i = from;
  while (i < next.length && previous[i] === next[i]) i++;
  return i;
}

/** Move rows i0 and i1 (i0 < i1; or i1 === i0 for one row) from their previous to their next labels. */
function moveTwo(
  X: Matrix,
  weight: Float64Array,
  state: CenterSums,
  previous: Int32Array,
  next: Int32Array,
  i0: number,
  i1: number,
): void {
  const d = X.cols;
  const { sums, weight: clusterWeight, count } = state;
  const data = X.data;
  const w0 = weight[i0];
  const f0 = previous[i0] * d;
  const t0 = next[i0] * d;
  if (i1 === i0) {
    for (let j = 0, q = i0 * d; j < d; j++, q++) {
      const v = w0 * data[q];
      sums[f0 + j] -= v;
      sums[t0 + j] += v;
    }
  } else {
    const w1 = weight[i1];
    const f1 = previous[i1] * d;
    const t1 = next[i1] * d;
    for (let j = 0, q0 = i0 * d, q1 = i1 * d; j < d; j++, q0++, q1++) {
      const v0 = w0 * data[q0];
      const v1 = w1 * data[q1];
      sums[f0 + j] -= v0;
      sums[t0 + j] += v0;
      sums[f1 + j] -= v1;
      sums[t1 + j] += v1;
    }
  }
  moveWeight(clusterWeight, count, previous[i0], next[i0], w0);
  if (i1 !== i0) moveWeight(clusterWeight, count, previous[i1], next[i1], weight[i1]);
}

function moveWeight(
  clusterWeight: Float64Array,
  count: Int32Array,
  from: number,
  to: number,
  w: number,
): void {
  clusterWeight[from] -= w;
  clusterWeight[to] += w;
  count[from]--;
  count[to]++;
}
