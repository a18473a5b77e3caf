/** How stability indices obtain fresh clusterers: a seeded factory, so every re-run is reproducible. */
import type { Clusterer } from '../cluster/clusterer.js';

/** A new, unfitted clusterer whose random choices follow `seed`. */
export type ClustererFactory = (seed: number) => Clusterer;
