/**
 * The service's counters in the Prometheus text exposition format (version 0.0.4): requests by
 * route and status, a request-duration histogram, accepted events, and segment sizes as gauges.
 */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] as const;

export class ServiceMetrics {
  private readonly requests = new Map<string, number>();
  private readonly buckets = new Float64Array(DURATION_BUCKETS.length);
  private durationSum = 0;
  private durationCount = 0;
  eventsAccepted = 0;
  eventsReplayed = 0;

  /** Count one finished request. */
  observe(route: string, status: number, seconds: number): void {
    const key = `route="${escapeLabel(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    for (let b = 0; b < DURATION_BUCKETS.length; b++) if (seconds <= DURATION_BUCKETS[b]) this.buckets[b]++;
    this.durationSum += seconds;
    this.durationCount++;
  }

  /** The exposition text, with the current segment sizes. */
  text(segmentSizes: ArrayLike<number>): string {
    const out: string[] = [
      '# HELP segscope_requests_total HTTP requests by route and status.',
      '# TYPE segscope_requests_total counter',
    ];
    for (const [labels, v] of [...this.requests].sort()) out.push(`segscope_requests_total{${labels}} ${v}`);
    out.push(
      '# HELP segscope_request_duration_seconds Request handling time.',
      '# TYPE segscope_request_duration_seconds histogram',
    );
    DURATION_BUCKETS.forEach((le, b) => {
      out.push(`segscope_request_duration_seconds_bucket{le="${le}"} ${this.buckets[b]}`);
    });
    out.push(`segscope_request_duration_seconds_bucket{le="+Inf"} ${this.durationCount}`);
    out.push(
      `segscope_request_duration_seconds_sum ${this.durationSum}`,
      `segscope_request_duration_seconds_count ${this.durationCount}`,
    );
    out.push(
      '# HELP segscope_events_accepted_total Events persisted by /v1/events since start.',
      '# TYPE segscope_events_accepted_total counter',
    );
    out.push(`segscope_events_accepted_total ${this.eventsAccepted}`);
    out.push(
      '# HELP segscope_events_replayed Events replayed from the journal at start.',
      '# TYPE segscope_events_replayed gauge',
    );
    out.push(`segscope_events_replayed ${this.eventsReplayed}`);
    out.push(
      '# HELP segscope_segment_size Users counted in each segment (fitted plus online).',
      '# TYPE segscope_segment_size gauge',
    );
    for (let l = 0; l < segmentSizes.length; l++)
      out.push(`segscope_segment_size{segment="${l}"} ${segmentSizes[l]}`);
    return `${out.join('\n')}\n`;
  }
}

function escapeLabel(v: string): string {
  return v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}
