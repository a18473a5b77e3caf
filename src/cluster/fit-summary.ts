/**
 * The numbers `segscope cluster --json` prints about a fitted clusterer, named as scikit-learn names
 * them: cluster count and noise share for every algorithm, `inertia` where the algorithm minimizes
 * one (k-means: squared distances; k-medoids: distances, as scikit-learn-extra), and for mixtures the mean log-likelihood (scikit-learn's `score`) and BIC on the fitted rows.
 */
import type { Matrix } from '../util/matrix.js';
import type { Clusterer } from './clusterer.js';
import { GaussianMixture } from './gmm.js';
import { KMedoids } from './kmedoids.js';

export interface FitSummary {
  /** Distinct non-noise labels. */
  n_clusters: number;
  /** Share of rows labelled -1 (0 for algorithms without noise; NaN for zero rows). */
  noise_fraction: number;
  inertia?: number;
  log_likelihood?: number;
  bic?: number;
}

/** Summary of `clusterer` after `fit(X)`. O(n) plus one E-step for mixtures. */
export async function fitSummary(clusterer: Clusterer, X: Matrix): Promise<FitSummary> {
  const labels = clusterer.labels;
  const seen = new Set<number>();
  let noise = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0) noise++;
    else seen.add(labels[i]);
  }
  const summary: FitSummary = {
    n_clusters: seen.size,
    noise_fraction: labels.length === 0 ? Number.NaN : noise / labels.length,
  };
  const inertia = (clusterer as { inertia?: unknown }).inertia;
  if (typeof inertia === 'number') summary.inertia = inertia;
  // k-medoids minimizes the sum of (unsquared) distances to the medoids: scikit-learn-extra's `inertia_`.
  if (clusterer instanceof KMedoids) summary.inertia = clusterer.cost;
  if (clusterer instanceof GaussianMixture) {
    summary.log_likelihood = clusterer.logLikelihood;
    summary.bic = await clusterer.bic(X);
  }
  return summary;
}
