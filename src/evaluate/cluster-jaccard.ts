/**
 * Per-cluster stability in the manner of Hennig's clusterboot (2007): for every cluster C of the
 * reference labeling, the best Jaccard |C ∩ D| / |C ∪ D| over the clusters D of a rerun, both
 * restricted to the points the rerun saw. Noise (-1) belongs to no cluster. Verdicts:
 * <= 0.5 dissolved, >= 0.75 stable, >= 0.85 highly stable.
 */

/**
 * Best-match Jaccard of each reference cluster against `rerun`, where rerun[r] labels the point
 * reference[index[r]]. NaN for a reference cluster with no point among `index`.
 */
export function bestMatchJaccard(
  reference: Int32Array,
  k: number,
  index: ArrayLike<number>,
  rerun: Int32Array,
): Float64Array {
  if (rerun.length !== index.length)
    throw new RangeError(
      `bestMatchJaccard: rerun.length (${rerun.length}) != index.length (${index.length})`,
    );
  let kr = 0;
  for (const l of rerun) kr = Math.max(kr, l + 1);
  const inter = new Float64Array(k * Math.max(1, kr));
  const sizeRef = new Float64Array(k);
  const sizeRerun = new Float64Array(Math.max(1, kr));
  for (let r = 0; r < index.length; r++) {
    const a = reference[index[r]];
    const b = rerun[r];
    if (a >= 0) sizeRef[a]++;
    if (b >= 0) sizeRerun[b]++;
    if (a >= 0 && b >= 0) inter[a * kr + b]++;
  }
  const out = new Float64Array(k).fill(Number.NaN);
  for (let a = 0; a < k; a++) {
    if (sizeRef[a] === 0) continue;
    let best = 0;
    for (let b = 0; b < kr; b++) {
      const i = inter[a * kr + b];
      if (i > 0) best = Math.max(best, i / (sizeRef[a] + sizeRerun[b] - i));
    }
    out[a] = best;
  }
  return out;
}

export type StabilityVerdict = 'dissolved' | 'unstable' | 'stable' | 'highly stable';

/** Hennig's reading of a mean Jaccard. */
export function stabilityVerdict(jaccard: number): StabilityVerdict {
  if (jaccard <= 0.5) return 'dissolved';
  if (jaccard < 0.75) return 'unstable';
  if (jaccard < 0.85) return 'stable';
  return 'highly stable';
}
