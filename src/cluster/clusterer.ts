import type { Labels } from '../util/labels.js';
import type { Matrix } from '../util/matrix.js';

/**
 * A clustering estimator (DESIGN.md, scikit-learn style): hyperparameters in the constructor,
 * `fit(X)` resolves to `this`, learned state in readonly fields (`labels` at least). `predict` exists
 * only where the algorithm can assign new points. Async because fast kernels (onnxruntime, workers) are.
 */
export interface Clusterer {
  /** Stable name used in results (`kmeans`, `dbscan`, ...). */
  readonly name: string;
  /** The hyperparameters after defaults were merged, as recorded in results. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Labels of the fitted rows; -1 is noise. Throws if read before `fit`. */
  readonly labels: Labels;
  fit(X: Matrix): Promise<this>;
  predict?(X: Matrix): Promise<Labels>;
}
