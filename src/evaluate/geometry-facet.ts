/**
 * Facet 1, geometry in the candidate's own space: silhouette, Calinski-Harabasz and Davies-Bouldin
 * as usually reported — plus a chance-adjusted silhouette (x - E) / (1 - E), E the mean silhouette of
 * random relabelings with the same sizes, which is what makes it comparable across spaces.
 * Silhouette is computed on a sample stratified by segment (every segment keeps at least
 * min(size, 10) users), so cost stays O(sample^2) on large logs. Noise users are left out.
 */
import { calinskiHarabasz } from '../metrics/calinski-harabasz.js';
import { daviesBouldin } from '../metrics/davies-bouldin.js';
import { silhouetteSamples } from '../metrics/silhouette.js';
import type { DistanceMetric } from '../kernels/distance-metric.js';
import { type Matrix, selectRows } from '../util/matrix.js';
import { type Random, shuffleInPlace } from '../util/random.js';

export interface GeometryFacet {
  silhouette: number;
  calinski_harabasz: number;
  davies_bouldin: number;
  adjusted_silhouette: number;
  silhouette_sample: number;
  metric: DistanceMetric;
}

export interface GeometryOptions {
  sample: number;
  permutations: number;
  metric: DistanceMetric;
  random: Random;
}

/** Rows to score: all clustered rows if few, else a stratified sample. Sorted, noise excluded. */
export function stratifiedSample(labels: Int32Array, k: number, size: number, random: Random): Int32Array {
  const byCluster: number[][] = Array.from({ length: k }, () => []);
  labels.forEach((l, i) => {
    if (l >= 0) byCluster[l].push(i);
  });
  const clustered = byCluster.reduce((s, c) => s + c.length, 0);
  if (clustered <= size) return Int32Array.from(byCluster.flat()).sort();
  const out: number[] = [];
  for (const members of byCluster) {
    const take = Math.min(members.length, Math.max(10, Math.round((size * members.length) / clustered)));
    const shuffled = shuffleInPlace(members.slice(), random);
    out.push(...shuffled.slice(0, take));
  }
  return Int32Array.from(out).sort();
}

/** Per sampled row silhouette and the chance level, for bootstrap re-aggregation. */
export interface GeometryTerms {
  rows: number[];
  samples: number[];
  chance: number;
}

/** The geometry facet. With k < 2 every index is NaN: the composite then ignores the facet. */
export async function geometryFacet(
  X: Matrix,
  labels: Int32Array,
  k: number,
  options: GeometryOptions,
): Promise<{ facet: GeometryFacet; terms: GeometryTerms }> {
  const nan = {
    silhouette: Number.NaN,
    calinski_harabasz: Number.NaN,
    davies_bouldin: Number.NaN,
    adjusted_silhouette: Number.NaN,
    silhouette_sample: 0,
    metric: options.metric,
  };
  if (k < 2) return { facet: nan, terms: { rows: [], samples: [], chance: Number.NaN } };
  const rows = stratifiedSample(labels, k, options.sample, options.random);
  const Xs = selectRows(X, rows);
  const ls = Int32Array.from(rows, (i) => labels[i]);
  const mean = (s: Float64Array) => s.reduce((a, b) => a + b, 0) / s.length;
  const samples = await silhouetteSamples(Xs, ls, { metric: options.metric });
  const silhouette = mean(samples);
  let chance = 0;
  const shuffled = new Int32Array(ls);
  for (let r = 0; r < options.permutations; r++)
    chance += mean(
      await silhouetteSamples(Xs, shuffleInPlace(shuffled, options.random), { metric: options.metric }),
    );
  chance /= options.permutations;
  const keep: number[] = [];
  labels.forEach((l, i) => {
    if (l >= 0) keep.push(i);
  });
  const Xc = selectRows(X, keep);
  const lc = Int32Array.from(keep, (i) => labels[i]);
  const facet: GeometryFacet = {
    silhouette,
    calinski_harabasz: calinskiHarabasz(Xc, lc).value,
    davies_bouldin: daviesBouldin(Xc, lc).value,
    adjusted_silhouette: (silhouette - chance) / (1 - chance),
    silhouette_sample: rows.length,
    metric: options.metric,
  };
  return { facet, terms: { rows: Array.from(rows), samples: Array.from(samples), chance } };
}
