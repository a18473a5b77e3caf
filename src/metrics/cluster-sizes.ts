/** Labels relabeled to 0..k-1 (noise kept as -1) with cluster sizes and the noise count. */
import { compactLabels, type Labels } from '../util/labels.js';

export interface ClusterSizes {
  /** Labels 0..k-1 in order of first appearance, -1 for noise. */
  labels: Labels;
  k: number;
  sizes: Float64Array;
  noise: number;
}

/** O(n). */
export function clusterSizes(labels: Labels): ClusterSizes {
  const compact = compactLabels(labels);
  const sizes = new Float64Array(compact.k);
  let noise = 0;
  for (const l of compact.labels) {
    if (l < 0) noise++;
    else sizes[l]++;
  }
  return { labels: compact.labels, k: compact.k, sizes, noise };
}

/**
 * The reason an internal index is undefined for these clusters, or undefined when it is defined:
 * no points, all noise, one cluster, or (when `allowSingletons` is false) only singletons.
 */
export function internalDegeneracy(c: ClusterSizes, allowSingletons = true): string | undefined {
  const points = c.labels.length - c.noise;
  if (c.labels.length === 0) return 'no points';
  if (points === 0) return 'all noise';
  if (c.k < 2) return 'one cluster';
  if (!allowSingletons && c.k === points) return 'every cluster is a singleton';
  return undefined;
}
