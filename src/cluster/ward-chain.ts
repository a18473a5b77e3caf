/**
 * Ward linkage by the nearest-neighbor chain (Murtagh 1983; Müllner 2011, "Modern hierarchical,
 * agglomerative clustering algorithms", sec. 3.2) on cluster centroids instead of a distance
 * matrix: the Ward distance between clusters u and v is sqrt(2 |u||v| / (|u|+|v|)) ||c_u - c_v||,
 * which equals scipy's Lance-Williams recursion, so memory is O(n d) and every step reads
 * contiguous centroids. About 2n nearest-neighbor scans over the active clusters: O(n^2 d) time.
 * Float64 throughout.
 */

/**
 * Raw merges (slot ids, unsorted) of Ward linkage over `points` (n x d, Float64).
 * Feed them to `linkageFromMerges`.
 */
export function wardMerges(points: Float64Array, n: number, d: number): { a: Int32Array; b: Int32Array; h: Float64Array } {
  const m = Math.max(0, n - 1);
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const h = new Float64Array(m);
  // Active clusters live compacted at positions 0..active-1: centroid, size and slot id.
  const cent = Float64Array.from(points);
  const size = new Float64Array(n).fill(1);
  const slot = new Int32Array(n);
  const pos = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    slot[i] = i;
    pos[i] = i;
  }
  let active = n;
  const chain = new Int32Array(n);
  let len = 0;
  for (let k = 0; k < m; k++) {
    if (len === 0) chain[len++] = slot[0];
    let x = 0;
    let y = 0;
    let best = 0;
    for (;;) {
      x = chain[len - 1];
      const px = pos[x];
      const nx = size[px];
      const xo = px * d;
      let bestPos = -1;
      best = Number.POSITIVE_INFINITY;
      if (len > 1) {
        bestPos = pos[chain[len - 2]];
        best = wardValue(cent, xo, bestPos * d, d, nx, size[bestPos]);
      }
      for (let p = 0; p < active; p++) {
        if (p === px) continue;
        const po = p * d;
        let s = 0;
        for (let c = 0; c < d; c++) {
          const t = cent[xo + c] - cent[po + c];
          s += t * t;
        }
        const np = size[p];
        const v = (s * np) / (np + nx);
        if (v < best) {
          best = v;
          bestPos = p;
        }
      }
      y = slot[bestPos];
      if (len > 1 && y === chain[len - 2]) break;
      chain[len++] = y;
    }
    len -= 2;
    const px = pos[x];
    const py = pos[y];
    const nx = size[px];
    const ny = size[py];
    a[k] = x;
    b[k] = y;
    // best = |y| ||c_x - c_y||^2 / (|x| + |y|); the Ward height multiplies by 2|x|.
    h[k] = Math.sqrt(2 * nx * best);
    // Merged cluster takes y's position; x's position is filled by the last active cluster.
    const t = 1 / (nx + ny);
    for (let c = 0; c < d; c++) cent[py * d + c] = (nx * cent[px * d + c] + ny * cent[py * d + c]) * t;
    size[py] = nx + ny;
    const last = active - 1;
    if (px !== last) {
      for (let c = 0; c < d; c++) cent[px * d + c] = cent[last * d + c];
      size[px] = size[last];
      slot[px] = slot[last];
      pos[slot[px]] = px;
    }
    active--;
  }
  return { a, b, h };
}

function wardValue(cent: Float64Array, xo: number, po: number, d: number, nx: number, np: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) {
    const t = cent[xo + c] - cent[po + c];
    s += t * t;
  }
  return (s * np) / (np + nx);
}
