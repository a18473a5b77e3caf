/** The plain-TS kernel backend: the reference implementations behind the KernelBackend contract. */
import { batchAssignerFrom } from './batch-assigner.js';
import { centerAssignerReference } from './center-assigner.js';
import type { KernelBackend } from './kernel-backend.js';
import { radiusNeighborsReference } from './neighborhoods.js';
import {
  clusterDistanceSumsReference,
  distanceBlocksReference,
  distancesReference,
  kNearestReference,
  nearestRowsReference,
  squaredDistancesReference,
} from './reference.js';

export const referenceBackend: KernelBackend = {
  name: 'reference',
  squaredDistances: async (A, B) => squaredDistancesReference(A, B),
  distances: async (A, B, metric) => distancesReference(A, B, metric),
  distanceBlocks: (A, B, metric, blockRows, visit) => distanceBlocksReference(A, B, metric, blockRows, visit),
  nearestRows: async (X, C) => nearestRowsReference(X, C),
  clusterDistanceSums: async (X, labels, k, metric) => clusterDistanceSumsReference(X, labels, k, metric),
  kNearest: async (X, k, metric, Q) => kNearestReference(X, k, metric, Q),
  radiusNeighbors: async (X, eps, metric) => radiusNeighborsReference(X, eps, metric),
  centerAssigner: async (X, weight) => centerAssignerReference(X, weight),
  batchAssigner: async (X) => batchAssignerFrom(X, async (B, C) => nearestRowsReference(B, C)),
};
