/**
 * `segscope metrics`: every internal index of a labeling (and, with --truth, every external one)
 * as one JSON object with snake_case keys. `--only` computes just the named indices, so an
 * O(n^2) index is never paid for unless asked for.
 */
import { DISTANCE_METRICS, type DistanceMetric } from '../kernels/distance-metric.js';
import { readLabels } from '../io/labels-file.js';
import { readMatrix } from '../io/matrix-file.js';
import {
  EXTERNAL_METRIC_NAMES,
  INTERNAL_METRIC_NAMES,
  isMetricName,
  METRIC_NAMES,
  type MetricName,
  type MetricsReport,
  metricsReport,
} from '../metrics/metrics-report.js';
import { InputError, UsageError } from '../util/errors.js';
import type { Command } from './command.js';
import { flag } from './flags.js';

/** The report as one flat JSON object: index -> number (null when undefined), plus reasons. */
export function reportJson(report: MetricsReport): Record<string, unknown> {
  const out: Record<string, unknown> = { n: report.n, noise_fraction: report.noiseFraction };
  const reasons: Record<string, string> = {};
  for (const name of METRIC_NAMES) {
    const result = report.values[name];
    if (result === undefined) continue;
    out[name] = Number.isFinite(result.value) ? result.value : null;
    if (result.reason !== undefined) reasons[name] = result.reason;
  }
  if (report.silhouetteInterval) out.silhouette_interval = report.silhouetteInterval;
  if (report.samplePoints !== undefined) out.sample_points = report.samplePoints;
  if (Object.keys(reasons).length > 0) out.reasons = reasons;
  return out;
}

export const command: Command = {
  name: 'metrics',
  summary: 'internal and external cluster validity indices of a labeling',
  flags: {
    vectors: {
      type: 'string',
      description: 'row vectors (.npy, .csv or .parquet; rows x cols)',
      required: true,
      placeholder: 'FILE',
    },
    labels: {
      type: 'string',
      description: 'cluster labels in row order: one integer (or user_id,label) per line, -1 = noise',
      required: true,
      placeholder: 'FILE',
    },
    truth: {
      type: 'string',
      description: 'truth labels, one integer per line; adds the external indices',
      placeholder: 'FILE',
    },
    metric: {
      type: 'string',
      description: 'distance for silhouette, Dunn, DBCV, ...',
      choices: DISTANCE_METRICS,
      default: 'euclidean',
    },
    precision: {
      type: 'string',
      description: 'distance path: float32 kernels or exact float64',
      choices: ['float32', 'float64'],
      default: 'float32',
    },
    noise: {
      type: 'string',
      description:
        'external indices: each noise point its own singleton, or -1 as one cluster (scikit-learn)',
      choices: ['singletons', 'cluster'],
      default: 'singletons',
    },
    sample: {
      type: 'number',
      integer: true,
      description: 'stratified sample size for the O(n^2) indices (silhouette gets a 95% interval)',
      placeholder: 'N',
    },
    seed: { type: 'number', integer: true, description: 'seed of the sample', default: 0, placeholder: 'S' },
    only: {
      type: 'list',
      description: `compute only these (comma-separated): ${METRIC_NAMES.join(', ')}`,
      placeholder: 'NAMES',
    },
    json: { type: 'boolean', description: 'print one JSON object' },
  },
  async run(flags, io) {
    const only = flag.list(flags, 'only');
    const truthFile = flag.string(flags, 'truth');
    const unknown = only.filter((name) => !isMetricName(name));
    if (unknown.length > 0) {
      throw new UsageError(
        'unknown metric name',
        unknown.map((name) => ({
          path: `--only ${name}`,
          message: `not a metric; valid names: ${METRIC_NAMES.join(', ')}`,
        })),
      );
    }
    const external = only.filter((name) => (EXTERNAL_METRIC_NAMES as readonly string[]).includes(name));
    if (external.length > 0 && truthFile === undefined) {
      throw new UsageError(
        'external indices need --truth',
        external.map((name) => ({ path: `--only ${name}`, message: 'needs --truth' })),
      );
    }
    const sample = flag.number(flags, 'sample');
    if (sample !== undefined && (!Number.isInteger(sample) || sample < 1)) {
      throw new UsageError('bad --sample', [
        { path: '--sample', message: `${sample} must be a positive integer` },
      ]);
    }
    const vectorsFile = flag.string(flags, 'vectors') as string;
    const labelsFile = flag.string(flags, 'labels') as string;
    const X = await readMatrix(vectorsFile);
    const labels = readLabels(labelsFile).labels;
    if (labels.length !== X.rows)
      throw new InputError(`${labels.length} labels for ${X.rows} rows of ${vectorsFile}`, {
        file: labelsFile,
      });
    const truth = truthFile === undefined ? undefined : readLabels(truthFile).labels;
    if (truth !== undefined && truth.length !== X.rows)
      throw new InputError(`${truth.length} labels for ${X.rows} rows of ${vectorsFile}`, {
        file: truthFile,
      });
    const report = await metricsReport(X, labels, {
      truth,
      metric: flag.string(flags, 'metric') as DistanceMetric,
      precision: flag.string(flags, 'precision') as 'float32' | 'float64',
      sample: sample === undefined ? undefined : { size: sample, seed: flag.number(flags, 'seed') as number },
      only: only.length > 0 ? (only as MetricName[]) : undefined,
      noise: flag.string(flags, 'noise') as 'singletons' | 'cluster',
    });
    const json = reportJson(report);
    if (flag.boolean(flags, 'json')) {
      io.stdout.write(`${JSON.stringify(json)}\n`);
      return 0;
    }
    const reasons = (json.reasons ?? {}) as Record<string, string>;
    const names = [...INTERNAL_METRIC_NAMES, ...EXTERNAL_METRIC_NAMES].filter((name) => name in json);
    const width = Math.max(...names.map((n) => n.length), 14) + 2;
    const lines = [
      `${'points'.padEnd(width)}${report.n}`,
      `${'noise_fraction'.padEnd(width)}${report.noiseFraction.toFixed(4)}`,
    ];
    for (const name of names) {
      const v = json[name] as number | null;
      lines.push(
        `${name.padEnd(width)}${v === null ? 'NaN' : v.toPrecision(6)}${reasons[name] ? `  (${reasons[name]})` : ''}`,
      );
    }
    if (report.silhouetteInterval)
      lines.push(
        `${'  95% interval'.padEnd(width)}[${report.silhouetteInterval.lower.toFixed(4)}, ${report.silhouetteInterval.upper.toFixed(4)}]`,
      );
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
