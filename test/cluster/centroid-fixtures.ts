/** Loads the fixtures written by fixtures/scripts/cluster_centroid.py (scikit-learn 1.2.1). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readNpy } from '../../src/io/npy.js';
import type { Matrix } from '../../src/util/matrix.js';

const dir = fileURLToPath(new URL('../../../fixtures/cluster/', import.meta.url));

/** A float32 fixture matrix by file stem (`blobs`, `taobao_tfidf`, `gmm_blobs`). */
export function fixtureMatrix(stem: string): Matrix {
  const a = readNpy(`${dir}${stem}.npy`);
  if (a.dtype !== 'float32' || a.shape.length !== 2)
    throw new Error(`fixture ${stem}: expected a 2-d float32 array`);
  return { rows: a.shape[0], cols: a.shape[1], data: a.data };
}

interface KMeansResult {
  labels: number[];
  inertia: number;
  n_iter: number;
  centers?: number[][];
}

export interface GmmFixture {
  score: number;
  bic: number;
  aic: number;
  n_parameters: number;
  n_iter: number;
  score_n_init_5: number;
  weights: number[];
  means: number[][];
  covariances: number[] | number[][] | number[][][];
  score_samples_first10: number[];
  predict_proba_first10: number[][];
  mstep_resp: number[][];
  mstep_nk: number[];
  mstep_means: number[][];
  mstep_covariances: number[] | number[][] | number[][][];
  mstep_precisions_cholesky: number[] | number[][] | number[][][];
}

export interface CentroidFixtures {
  blobs: {
    k: number;
    init_rows: number[];
    given_init: KMeansResult;
    weights: number[];
    weighted: KMeansResult;
    tol_0_05: { inertia: number; n_iter: number };
    relocated: KMeansResult;
    kmeanspp_n_init_1: number[];
    kmeanspp_n_init_10: number[];
    random_n_init_10: number[];
    minibatch_n_init_3: number[];
  };
  taobao_tfidf: {
    rows: number;
    cols: number;
    k: number;
    given_init: { init_rows: number[]; inertia: number; n_iter: number }[];
    kmeanspp_n_init_1: number[];
    kmeanspp_n_init_10: number[];
  };
  gmm_blobs: Record<'full' | 'diag' | 'spherical', GmmFixture>;
  gmm_taobao: { k: number; full: number[]; diag: number[]; spherical: number[] };
}

export const fixtures: CentroidFixtures = JSON.parse(readFileSync(`${dir}cluster_centroid.json`, 'utf8'));

/** Median of a numeric list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Arithmetic mean. */
export function mean(values: readonly number[]): number {
  return values.reduce((s, x) => s + x, 0) / values.length;
}

/** Sample variance (n - 1). */
export function variance(values: readonly number[]): number {
  const m = mean(values);
  return values.reduce((s, x) => s + (x - m) ** 2, 0) / (values.length - 1);
}
