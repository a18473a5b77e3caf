/**
 * Choosing flat clusters from a condensed tree, as McInnes' hdbscan library (`get_clusters`,
 * `do_labelling`, `get_probabilities`) does it, with Campello et al.'s excess-of-mass rule.
 */
import type { Labels } from '../util/labels.js';
import {
  type CondensedTree,
  clusterBirths,
  clusterParents,
  clusterStabilities,
  pointRows,
} from './condensed-tree.js';

/** excess of mass (`eom`, Campello et al. 2013 sec. 4) or the leaves of the cluster tree. */
export type ClusterSelectionMethod = 'eom' | 'leaf';

export interface SelectionOptions {
  method: ClusterSelectionMethod;
  /** Clusters born below this distance (1 / lambda) are merged up to an ancestor above it; 0 = off. */
  epsilon: number;
  /** Let the root be selected, giving one cluster. */
  allowSingleCluster: boolean;
}

/** The selected clusters (ids, ascending; label i is the i-th) and per-point labels and probabilities. */
export interface Selection {
  readonly selected: Int32Array;
  readonly labels: Labels;
  readonly probabilities: Float64Array;
}

/** Select clusters, label points and give membership probabilities. O(n + clusters * depth). */
export function selectClusters(tree: CondensedTree, options: SelectionOptions): Selection {
  const { n, clusterCount } = tree;
  if (clusterCount === 0)
    return { selected: new Int32Array(0), labels: new Int32Array(0), probabilities: new Float64Array(0) };
  const parents = clusterParents(tree);
  const births = clusterBirths(tree);
  const children: number[][] = Array.from({ length: clusterCount }, () => []);
  for (let c = 1; c < clusterCount; c++) children[parents[c] - n].push(c);
  const isCluster = new Uint8Array(clusterCount);
  if (options.method === 'eom') {
    const stability = clusterStabilities(tree);
    const first = options.allowSingleCluster ? 0 : 1;
    for (let c = first; c < clusterCount; c++) isCluster[c] = 1;
    // Children have larger ids than parents, so a descending pass is bottom-up.
    for (let c = clusterCount - 1; c >= first; c--) {
      let sub = 0;
      for (const k of children[c]) sub += stability[k];
      if (children[c].length > 0 && sub > stability[c]) {
        isCluster[c] = 0;
        stability[c] = sub;
      } else {
        forEachDescendant(children, c, (k) => {
          isCluster[k] = 0;
        });
      }
    }
  } else {
    for (let c = 1; c < clusterCount; c++) if (children[c].length === 0) isCluster[c] = 1;
    if (clusterCount === 1) isCluster[0] = 1; // no split at all: the root, as hdbscan
  }
  if (options.epsilon > 0) applyEpsilon(isCluster, children, parents, births, n, options);
  const selected: number[] = [];
  for (let c = 0; c < clusterCount; c++) if (isCluster[c]) selected.push(c + n);
  // Label per cluster id, top-down: a selected cluster labels its whole subtree.
  const labelOfCluster = new Int32Array(clusterCount).fill(-1);
  for (let i = 0; i < selected.length; i++) labelOfCluster[selected[i] - n] = i;
  for (let c = 1; c < clusterCount; c++)
    if (labelOfCluster[c] < 0) labelOfCluster[c] = labelOfCluster[parents[c] - n];
  const rows = pointRows(tree);
  const labels = new Int32Array(n).fill(-1);
  const rootSelected = isCluster[0] === 1;
  let rootMaxLambda = 0;
  for (let e = 0; e < tree.parent.length; e++)
    if (tree.parent[e] === n && tree.lambda[e] > rootMaxLambda) rootMaxLambda = tree.lambda[e];
  for (let p = 0; p < n; p++) {
    const c = rows.cluster[p] - n;
    if (c < 0) continue;
    if (rootSelected) {
      // hdbscan's single-cluster rule: only points that stay until the root's last split (or
      // past 1 / epsilon) are members; the rest are noise.
      const cut = options.epsilon > 0 ? 1 / options.epsilon : rootMaxLambda;
      labels[p] = options.allowSingleCluster && rows.lambda[p] >= cut ? 0 : -1;
    } else {
      labels[p] = labelOfCluster[c];
    }
  }
  // Probability: the point's lambda (capped) over the largest lambda among its cluster's rows.
  const deaths = new Float64Array(clusterCount);
  for (let e = 0; e < tree.parent.length; e++) {
    const c = tree.parent[e] - n;
    if (tree.lambda[e] > deaths[c]) deaths[c] = tree.lambda[e];
  }
  const probabilities = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    if (labels[p] < 0) continue;
    const death = deaths[selected[labels[p]] - n];
    const l = rows.lambda[p];
    probabilities[p] = death === 0 || !Number.isFinite(l) ? 1 : Math.min(l, death) / death;
  }
  return { selected: Int32Array.from(selected), labels, probabilities };
}

function forEachDescendant(children: number[][], c: number, visit: (k: number) => void): void {
  const stack = [...children[c]];
  while (stack.length > 0) {
    const k = stack.pop() as number;
    visit(k);
    stack.push(...children[k]);
  }
}

/**
 * hdbscan's `epsilon_search`: a selected cluster born at distance (1 / lambda) below epsilon is
 * replaced by its nearest ancestor born above epsilon (the root only with allowSingleCluster).
 * Unlike hdbscan, a selection nested under another selected cluster is then dropped, so the
 * result stays a flat partition.
 */
function applyEpsilon(
  isCluster: Uint8Array,
  children: number[][],
  parents: Int32Array,
  births: Float64Array,
  n: number,
  options: SelectionOptions,
): void {
  const count = isCluster.length;
  const chosen = new Uint8Array(count);
  for (let c = 0; c < count; c++) {
    if (!isCluster[c]) continue;
    let v = c;
    if (v !== 0 && 1 / births[v] < options.epsilon) {
      for (;;) {
        const p = parents[v] - n;
        if (p === 0) {
          if (options.allowSingleCluster) v = 0;
          break;
        }
        v = p;
        if (1 / births[v] > options.epsilon) break;
      }
    }
    chosen[v] = 1;
  }
  for (let c = 0; c < count; c++) {
    if (chosen[c])
      forEachDescendant(children, c, (k) => {
        chosen[k] = 0;
      });
  }
  for (let c = 0; c < count; c++) isCluster[c] = chosen[c];
}
