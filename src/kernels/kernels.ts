/**
 * The kernel entry points every stage calls. Each has one name and several implementations
 * (tfjs-core style); which one runs is chosen here, in one place. Until a fast backend registers,
 * the plain-TS reference runs.
 */
import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';
import type { DistanceMetric } from './distance-metric.js';
import {
  clusterDistanceSumsReference,
  distancesReference,
  kNearestReference,
  nearestRowsReference,
  squaredDistancesReference,
} from './reference.js';

/** The contract a kernel backend fulfils; all methods agree with `reference.ts` to float32 precision. */
export interface KernelBackend {
  readonly name: string;
  squaredDistances(A: Matrix, B: Matrix): Promise<Float32Array>;
  distances(A: Matrix, B: Matrix, metric: DistanceMetric): Promise<Float32Array>;
  nearestRows(X: Matrix, C: Matrix): Promise<{ index: Int32Array; distance: Float32Array }>;
  clusterDistanceSums(X: Matrix, labels: Labels, k: number, metric: DistanceMetric): Promise<Float64Array>;
  kNearest(X: Matrix, k: number, metric: DistanceMetric, Q?: Matrix): Promise<{ indices: Int32Array; distances: Float32Array }>;
}

/** The plain-TS backend. */
export const referenceBackend: KernelBackend = {
  name: 'reference',
  squaredDistances: async (A, B) => squaredDistancesReference(A, B),
  distances: async (A, B, metric) => distancesReference(A, B, metric),
  nearestRows: async (X, C) => nearestRowsReference(X, C),
  clusterDistanceSums: async (X, labels, k, metric) => clusterDistanceSumsReference(X, labels, k, metric),
  kNearest: async (X, k, metric, Q) => kNearestReference(X, k, metric, Q),
};

let active: KernelBackend = referenceBackend;

/** Choose the backend every kernel call uses from now on. */
export function setKernelBackend(backend: KernelBackend): void {
  active = backend;
}

/** The backend in use. */
export function kernelBackend(): KernelBackend {
  return active;
}

/** ||a_i - b_j||^2, A.rows x B.rows row-major. */
export const squaredDistances = (A: Matrix, B: Matrix) => active.squaredDistances(A, B);
/** Distances (not squared) under `metric`, A.rows x B.rows row-major. */
export const distances = (A: Matrix, B: Matrix, metric: DistanceMetric) => active.distances(A, B, metric);
/** Nearest row of C for every row of X, with the squared euclidean distance. */
export const nearestRows = (X: Matrix, C: Matrix) => active.nearestRows(X, C);
/** Per point, the sum of distances to every point of each cluster (n x k). */
export const clusterDistanceSums = (X: Matrix, labels: Labels, k: number, metric: DistanceMetric) =>
  active.clusterDistanceSums(X, labels, k, metric);
/** k nearest neighbors (self excluded when Q is omitted). */
export const kNearest = (X: Matrix, k: number, metric: DistanceMetric, Q?: Matrix) => active.kNearest(X, k, metric, Q);
