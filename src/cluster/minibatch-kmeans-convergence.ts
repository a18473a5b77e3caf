/**
 * Early stopping for mini-batch k-means, as scikit-learn 1.2's `_mini_batch_convergence`: the batch
 * inertia per row is smoothed by an exponentially weighted average with alpha = min(1, 2 b / (n + 1));
 * stop when a step's squared center shift <= tol (tol > 0), or when the smoothed inertia has not hit
 * a new minimum for `maxNoImprovement` consecutive steps (> 0). The first step is ignored.
 */
export interface ConvergenceMonitor {
  /** Record step `step` (1-based) with its raw batch inertia; true when the run should stop. */
  converged(step: number, batchInertia: number, centerShift: number): boolean;
}

export function convergenceMonitor(o: {
  batchSize: number;
  n: number;
  tol: number;
  maxNoImprovement: number;
}): ConvergenceMonitor {
  let ewa: number | undefined;
  let ewaMin: number | undefined;
  let noImprovement = 0;
  const alpha = Math.min(1, (o.batchSize * 2) / (o.n + 1));
  return {
    converged(step, batchInertia, centerShift) {
      const inertia = batchInertia / o.batchSize;
      if (step === 1) return false;
      ewa = ewa === undefined ? inertia : ewa * (1 - alpha) + inertia * alpha;
      if (o.tol > 0 && centerShift <= o.tol) return true;
      if (ewaMin === undefined || ewa < ewaMin) {
        noImprovement = 0;
        ewaMin = ewa;
      } else noImprovement++;
      return o.maxNoImprovement > 0 && noImprovement >= o.maxNoImprovement;
    },
  };
}
