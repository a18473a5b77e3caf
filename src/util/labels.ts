/** Cluster labels, one per row; -1 marks noise. */
export type Labels = Int32Array;

/** The noise label. */
export const NOISE = -1;

/**
 * Number of distinct non-noise labels, assuming labels are 0..k-1 or -1.
 * @throws RangeError if a label is below -1.
 */
export function countClusters(labels: Labels): number {
  let max = -1;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < NOISE) throw new RangeError(`countClusters: labels[${i}] (${labels[i]}) < -1`);
    if (labels[i] > max) max = labels[i];
  }
  return max + 1;
}

/** Relabel to 0..k-1 in order of first appearance, keeping -1 as noise. Returns the new labels and k. */
export function compactLabels(labels: ArrayLike<number>): { labels: Labels; k: number } {
  const map = new Map<number, number>();
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l === NOISE) {
      out[i] = NOISE;
      continue;
    }
    let m = map.get(l);
    if (m === undefined) {
      m = map.size;
      map.set(l, m);
    }
    out[i] = m;
  }
  return { labels: out, k: map.size };
}
