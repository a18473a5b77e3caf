/**
 * Complete and average linkage by the nearest-neighbor chain on a condensed Float64 distance
 * matrix with Lance-Williams updates, as scipy's `nn_chain` (Müllner 2011, fig. 4). O(n^2) time
 * after the O(n^2 d) matrix, n(n-1)/2 doubles of memory.
 */

/** Linkages with a reducible Lance-Williams update handled here. */
export type MatrixLinkage = 'complete' | 'average';

/** Position of pair (i, j), i < j, in a condensed n x n matrix (scipy's `squareform` order). */
export function condensedIndex(n: number, i: number, j: number): number {
  return n * i - (i * (i + 1)) / 2 + (j - i - 1);
}

/**
 * Raw merges (slot ids, unsorted) over the condensed distances `D` (overwritten). Feed them to
 * `linkageFromMerges`.
 */
export function matrixChainMerges(
  D: Float64Array,
  n: number,
  linkage: MatrixLinkage,
): { a: Int32Array; b: Int32Array; h: Float64Array } {
  const m = Math.max(0, n - 1);
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const h = new Float64Array(m);
  const size = new Float64Array(n).fill(1);
  // Active slots as a linked list in index order, so scans skip merged-away slots.
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  let head = 0;
  const chain = new Int32Array(n);
  let len = 0;
  const dist = (i: number, j: number) => (i < j ? D[condensedIndex(n, i, j)] : D[condensedIndex(n, j, i)]);
  for (let k = 0; k < m; k++) {
    if (len === 0) chain[len++] = head;
    let x = 0;
    let y = 0;
    let best = 0;
    for (;;) {
      x = chain[len - 1];
      best = Number.POSITIVE_INFINITY;
      if (len > 1) {
        y = chain[len - 2];
        best = dist(x, y);
      }
      // i < x: column x of earlier rows; i > x: contiguous row x.
      for (let i = head; i < x; i = next[i]) {
        const v = D[condensedIndex(n, i, x)];
        if (v < best) {
          best = v;
          y = i;
        }
      }
      const base = n * x - (x * (x + 1)) / 2 - x - 1; // D[base + i] is pair (x, i) for i > x
      for (let i = next[x]; i < n; i = next[i]) {
        const v = D[base + i];
        if (v < best) {
          best = v;
          y = i;
        }
      }
      if (len > 1 && y === chain[len - 2]) break;
      chain[len++] = y;
    }
    len -= 2;
    if (x > y) {
      const t = x;
      x = y;
      y = t;
    }
    const nx = size[x];
    const ny = size[y];
    a[k] = x;
    b[k] = y;
    h[k] = best;
    // x leaves the active list; y holds the merged cluster (scipy's convention).
    if (x === head) head = next[x];
    else next[prev[x]] = next[x];
    prev[next[x]] = prev[x];
    size[x] = 0;
    size[y] = nx + ny;
    for (let i = head; i < n; i = next[i]) {
      if (i === y) continue;
      const ix = i < x ? condensedIndex(n, i, x) : condensedIndex(n, x, i);
      const iy = i < y ? condensedIndex(n, i, y) : condensedIndex(n, y, i);
      const dx = D[ix];
      const dy = D[iy];
      D[iy] = linkage === 'complete' ? (dx > dy ? dx : dy) : (nx * dx + ny * dy) / (nx + ny);
    }
  }
  return { a, b, h };
}
