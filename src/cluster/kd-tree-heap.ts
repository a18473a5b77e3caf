/**
 * The bounded max-heap a k-nearest-neighbor search keeps its best k candidates in: parallel arrays
 * of squared distances `hd` and ids `hi`, the worst candidate at position 0. Ordered by distance;
 * with `byId` equal distances are ordered by id as well (the smaller id is kept and comes first),
 * without it they keep the order the heap happens to give them.
 */

/** Whether (d1, i1) ranks after (d2, i2): farther, or as far with a larger id when `byId`. */
function after(d1: number, i1: number, d2: number, i2: number, byId: boolean): boolean {
  return d1 > d2 || (byId && d1 === d2 && i1 > i2);
}

/** Add (d, id) to a heap of `size` entries (the arrays have room for size + 1). O(log size). */
export function heapPush(
  hd: Float64Array,
  hi: Int32Array,
  size: number,
  d: number,
  id: number,
  byId: boolean,
): void {
  let c = size;
  while (c > 0) {
    const p = (c - 1) >> 1;
    if (!after(d, id, hd[p], hi[p], byId)) break;
    hd[c] = hd[p];
    hi[c] = hi[p];
    c = p;
  }
  hd[c] = d;
  hi[c] = id;
}

/**
 * Replace the worst entry of a heap of `size` with (d, id) and sift down. O(log size). Draining a
 * heap of k into ascending order: for r = k - 1 down to 0, read the top into slot r, then
 * `heapReplaceTop(hd, hi, r, hd[r], hi[r], byId)`.
 */
export function heapReplaceTop(
  hd: Float64Array,
  hi: Int32Array,
  size: number,
  d: number,
  id: number,
  byId: boolean,
): void {
  let p = 0;
  for (;;) {
    const l = 2 * p + 1;
    if (l >= size) break;
    const r = l + 1;
    const c = r < size && after(hd[r], hi[r], hd[l], hi[l], byId) ? r : l;
    if (!after(hd[c], hi[c], d, id, byId)) break;
    hd[p] = hd[c];
    hi[p] = hi[c];
    p = c;
  }
  hd[p] = d;
  hi[p] = id;
}

/**
 * Offer (d, id) to a heap that keeps the best k: pushed while it holds fewer than k, else it
 * replaces the worst entry when it ranks before it. Returns the new size.
 */
export function heapOffer(
  hd: Float64Array,
  hi: Int32Array,
  size: number,
  k: number,
  d: number,
  id: number,
  byId: boolean,
): number {
  if (size < k) {
    heapPush(hd, hi, size, d, id, byId);
    return size + 1;
  }
  if (after(hd[0], hi[0], d, id, byId)) heapReplaceTop(hd, hi, k, d, id, byId);
  return size;
}
