/**
 * Ward linkage by the nearest-neighbor chain (Murtagh 1983; Müllner 2011, "Modern hierarchical,
 * agglomerative clustering algorithms", sec. 3.2) on cluster centroids instead of a distance
 * matrix. The Ward distance between clusters u and v is sqrt(2 |u||v| / (|u|+|v|)) ||c_u - c_v||,
 * equal to scipy's Lance-Williams recursion, so memory is O(n d). Active clusters are kept sorted
 * by their centroid's projection on the first principal axis; a nearest-neighbor scan walks
 * outward from the query and stops once the projected gap alone rules out every further cluster.
 * Worst case O(n^2 d); on clustered low-dimensional data far less. Float64 throughout.
 */

/**
 * Raw merges (slot ids, unsorted) of Ward linkage over `points` (n x d, Float64).
 * Feed them to `linkageFromMerges`.
 */
export function wardMerges(
  points: Float64Array,
  n: number,
  d: number,
): { a: Int32Array; b: Int32Array; h: Float64Array } {
  const m = Math.max(0, n - 1);
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const h = new Float64Array(m);
  if (n < 2) return { a, b, h };
  const cent = Float64Array.from(points);
  const size = new Float64Array(n).fill(1);
  const axis = principalAxis(points, n, d);
  const proj = new Float64Array(n);
  for (let i = 0; i < n; i++) proj[i] = dot(cent, i * d, axis, d);
  // Active slots sorted by (proj, slot).
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order = Int32Array.from(Array.from(order).sort((p, q) => proj[p] - proj[q] || p - q));
  const sp = new Float64Array(n);
  for (let i = 0; i < n; i++) sp[i] = proj[order[i]];
  let active = n;
  let minSize = 1;
  const chain = new Int32Array(n);
  let len = 0;
  const locate = (s: number): number => {
    let lo = 0;
    let hi = active;
    const v = proj[s];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sp[mid] < v || (sp[mid] === v && order[mid] < s)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let k = 0; k < m; k++) {
    if (len === 0) chain[len++] = order[0];
    let x = 0;
    let y = 0;
    let best = 0;
    for (;;) {
      x = chain[len - 1];
      const nx = size[x];
      const xo = x * d;
      best = Number.POSITIVE_INFINITY;
      y = -1;
      if (len > 1) {
        y = chain[len - 2];
        best = wardValue(cent, xo, y * d, d, nx, size[y]);
      }
      // Every candidate p has value >= gap^2 * |p| / (|p| + |x|) >= gap^2 * wMin.
      const wMin = minSize / (minSize + nx);
      const i = locate(x);
      const px = proj[x];
      let l = i - 1;
      let r = i + 1;
      for (;;) {
        const gl = l >= 0 ? px - sp[l] : Number.POSITIVE_INFINITY;
        const gr = r < active ? sp[r] - px : Number.POSITIVE_INFINITY;
        const g = gl < gr ? gl : gr;
        if (g * g * wMin > best || g === Number.POSITIVE_INFINITY) break;
        const p = gl < gr ? order[l--] : order[r++];
        const v = wardValue(cent, xo, p * d, d, nx, size[p]);
        // Ties as scipy: the chain predecessor first, then the lowest slot.
        if (v < best || (v === best && p < y && (len < 2 || y !== chain[len - 2]))) {
          best = v;
          y = p;
        }
      }
      if (len > 1 && y === chain[len - 2]) break;
      chain[len++] = y;
    }
    len -= 2;
    const nx = size[x];
    const ny = size[y];
    a[k] = x;
    b[k] = y;
    // best = |y| ||c_x - c_y||^2 / (|x| + |y|); the Ward height multiplies by 2|x|.
    h[k] = Math.sqrt(2 * nx * best);
    // x leaves the order; y holds the merged cluster at its new projection.
    removeAt(order, sp, locate(x), active--);
    removeAt(order, sp, locate(y), active--);
    const t = 1 / (nx + ny);
    for (let c = 0; c < d; c++) cent[y * d + c] = (nx * cent[x * d + c] + ny * cent[y * d + c]) * t;
    size[y] = nx + ny;
    size[x] = 0;
    proj[y] = dot(cent, y * d, axis, d);
    const at = locate(y);
    order.copyWithin(at + 1, at, active);
    sp.copyWithin(at + 1, at, active);
    order[at] = y;
    sp[at] = proj[y];
    active++;
    if (nx === minSize || ny === minSize) {
      minSize = Number.POSITIVE_INFINITY;
      for (let q = 0; q < active; q++) if (size[order[q]] < minSize) minSize = size[order[q]];
    }
  }
  return { a, b, h };
}

function removeAt(order: Int32Array, sp: Float64Array, at: number, active: number): void {
  order.copyWithin(at, at + 1, active);
  sp.copyWithin(at, at + 1, active);
}

function wardValue(cent: Float64Array, xo: number, po: number, d: number, nx: number, np: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) {
    const t = cent[xo + c] - cent[po + c];
    s += t * t;
  }
  return (s * np) / (np + nx);
}

function dot(v: Float64Array, o: number, axis: Float64Array, d: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) s += v[o + c] * axis[c];
  return s;
}

/** Unit vector along the first principal axis (power iteration on the covariance). O(n d^2). */
function principalAxis(points: Float64Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) mean[c] += points[i * d + c] / n;
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < d; p++) {
      const u = points[i * d + p] - mean[p];
      for (let q = 0; q < d; q++) cov[p * d + q] += u * (points[i * d + q] - mean[q]);
    }
  }
  let v = new Float64Array(d).fill(1 / Math.sqrt(d));
  for (let it = 0; it < 100; it++) {
    const w = new Float64Array(d);
    for (let p = 0; p < d; p++) for (let q = 0; q < d; q++) w[p] += cov[p * d + q] * v[q];
    const norm = Math.hypot(...w);
    if (norm === 0) break;
    for (let p = 0; p < d; p++) w[p] /= norm;
    v = w;
  }
  return v;
}
