/**
 * Disjoint sets as a parent array (union-find): the forest every MST, DBSCAN component and linkage
 * relabelling here builds on. Callers link roots themselves (`parent[x] = y`), since each keeps its
 * own rule for which root survives (smallest index, new cluster id, ...).
 */

/**
 * n singleton sets: parent[i] = i. O(n).
 * @example findRoot(disjointSets(3), 2) // 2
 */
export function disjointSets(n: number): Int32Array {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  return parent;
}

/**
 * The root of x's set, halving the path on the way (Tarjan & van Leeuwen 1984): amortized nearly
 * O(1) per call.
 * @example const p = disjointSets(3); p[2] = 1; findRoot(p, 2) // 1
 */
export function findRoot(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}
