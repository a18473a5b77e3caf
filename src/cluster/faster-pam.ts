/**
 * FasterPAM (Schubert & Rousseeuw 2021, "Fast and eager k-medoids clustering: O(k) runtime
 * improvement of the PAM, CLARA, and CLARANS algorithms", Algorithm 2): PAM's swap search where
 * the best medoid to drop for one candidate is found for all k at once in O(n) from cached
 * nearest / second-nearest medoids and per-medoid removal losses, and the first improving swap is
 * taken eagerly. Ends in a PAM local optimum: no single (medoid, non-medoid) swap lowers the cost.
 */

/** Result of the swap phase. */
export interface PamResult {
  medoids: Int32Array;
  /** Index into `medoids` of each object's nearest medoid. */
  assignment: Int32Array;
  /** Total deviation: sum of each object's dissimilarity to its nearest medoid. */
  cost: number;
  swaps: number;
  /** Passes over the candidates. */
  iterations: number;
}

/** Run FasterPAM from `initial` medoids (distinct indices). O(n^2) per pass plus O(n k) per swap. */
export function fasterPam(
  dist: (i: number, j: number) => number,
  n: number,
  initial: Int32Array,
  maxIterations: number,
): PamResult {
  const k = initial.length;
  const medoids = Int32Array.from(initial);
  const isMedoid = new Int32Array(n).fill(-1);
  for (let i = 0; i < k; i++) isMedoid[medoids[i]] = i;
  const near = new Int32Array(n);
  const dNear = new Float64Array(n);
  const second = new Int32Array(n);
  const dSecond = new Float64Array(n);
  const assign = () => {
    for (let o = 0; o < n; o++) updateNearest(o);
  };
  const updateNearest = (o: number) => {
    let b1 = -1;
    let d1 = Number.POSITIVE_INFINITY;
    let b2 = -1;
    let d2 = Number.POSITIVE_INFINITY;
    for (let i = 0; i < k; i++) {
      const v = dist(o, medoids[i]);
      if (v < d1 || (v === d1 && medoids[i] === o)) {
        b2 = b1;
        d2 = d1;
        b1 = i;
        d1 = v;
      } else if (v < d2) {
        b2 = i;
        d2 = v;
      }
    }
    near[o] = b1;
    dNear[o] = d1;
    second[o] = b2;
    dSecond[o] = d2;
  };
  const removalLoss = new Float64Array(k);
  const computeRemovalLoss = () => {
    removalLoss.fill(0);
    // With k = 1 the second nearest is undefined; removal is then never chosen alone, so 0 is fine.
    for (let o = 0; o < n; o++) if (k > 1) removalLoss[near[o]] += dSecond[o] - dNear[o];
  };
  let cost = 0;
  const refresh = () => {
    assign();
    computeRemovalLoss();
    cost = 0;
    for (let o = 0; o < n; o++) cost += dNear[o];
  };
  refresh();
  const delta = new Float64Array(k);
  let swaps = 0;
  let iterations = 0;
  let lastSwap = -1;
  let done = false;
  while (!done && iterations < maxIterations) {
    iterations++;
    let improved = false;
    for (let c = 0; c < n; c++) {
      if (c === lastSwap) {
        done = true;
        break;
      }
      if (isMedoid[c] >= 0) continue;
      delta.set(removalLoss);
      let acc = 0;
      if (k === 1) {
        // One medoid: the swap replaces it, so the change is the plain difference in cost.
        for (let o = 0; o < n; o++) acc += dist(o, c) - dNear[o];
      } else
        for (let o = 0; o < n; o++) {
          const d = dist(o, c);
          const dn = dNear[o];
          if (d < dn) {
            acc += d - dn;
            delta[near[o]] += dn - dSecond[o];
          } else if (d < dSecond[o]) {
            delta[near[o]] += d - dSecond[o];
          }
        }
      let best = 0;
      for (let i = 1; i < k; i++) if (delta[i] < delta[best]) best = i;
      const change = delta[best] + acc;
      // A relative guard keeps float round-off from cycling between equal-cost configurations.
      if (change < -1e-12 * Math.max(1, Math.abs(cost))) {
        isMedoid[medoids[best]] = -1;
        medoids[best] = c;
        isMedoid[c] = best;
        refresh();
        swaps++;
        lastSwap = c;
        improved = true;
      }
    }
    if (!improved) done = true;
  }
  return { medoids, assignment: Int32Array.from(near), cost, swaps, iterations };
}
