/**
 * The one result shape reports use for an index: a value, and when the value is `NaN` (or a
 * convention such as sklearn's 1.0 for identical trivial labelings) the reason why.
 */
export interface MetricResult {
  value: number;
  reason?: string;
}

/** A computed value. */
export function metricValue(value: number): MetricResult {
  return { value };
}

/** A valid-but-degenerate input: `NaN` with the reason (e.g. `one cluster`, `all noise`). */
export function degenerate(reason: string): MetricResult {
  return { value: Number.NaN, reason };
}
