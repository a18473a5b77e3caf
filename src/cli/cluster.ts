/**
 * `segscope cluster`: fit one clustering algorithm to a vectors file and write its labels
 * (one integer per line in row order, -1 for noise), with an optional JSON summary.
 */
import { COVARIANCE_TYPES } from '../cluster/gmm-covariance.js';
import { fitSummary } from '../cluster/fit-summary.js';
import {
  CLUSTER_ALGOS,
  type ClusterOptionName,
  type ClusterOptions,
  createClusterer,
} from '../cluster/registry.js';
import { LINKAGES } from '../cluster/agglomerative.js';
import { DISTANCE_METRICS, type DistanceMetric } from '../kernels/distance-metric.js';
import { atomicWriteFileSync } from '../io/atomic-write.js';
import { readMatrix } from '../io/matrix-file.js';
import { checkOutputFile } from '../io/output-path.js';
import { InputError, UsageError } from '../util/errors.js';
import type { Command } from './command.js';
import { flag } from './flags.js';
import { progressBar } from './progress-bar.js';

/** Flag name for each registry option, so usage errors speak in flags. */
const FLAG_OF: Record<ClusterOptionName, string> = {
  k: 'k',
  eps: 'eps',
  minSamples: 'min-samples',
  minClusterSize: 'min-cluster-size',
  linkage: 'linkage',
  covariance: 'covariance',
  nInit: 'n-init',
  maxIter: 'max-iter',
  tol: 'tol',
  metric: 'metric',
  seed: 'seed',
};

export const command: Command = {
  name: 'cluster',
  summary: 'cluster a vectors file (.npy, .csv, .parquet) and write one label per row',
  flags: {
    vectors: {
      type: 'string',
      description:
        'input matrix: .npy (2-d float32/float64/int32), .csv (numbers, optional header) or .parquet',
      required: true,
      placeholder: 'FILE',
    },
    algo: {
      type: 'string',
      description: `clustering algorithm: ${CLUSTER_ALGOS.join(', ')}`,
      required: true,
      choices: CLUSTER_ALGOS,
      placeholder: 'ALGO',
    },
    k: {
      type: 'number',
      integer: true,
      description: 'number of clusters (kmeans, minibatch-kmeans, gmm, agglomerative, kmedoids)',
      placeholder: 'N',
    },
    eps: { type: 'number', description: 'neighborhood radius (dbscan)', placeholder: 'E' },
    'min-samples': {
      type: 'number',
      integer: true,
      description: 'neighbors for a core point (dbscan, hdbscan)',
      placeholder: 'M',
    },
    'min-cluster-size': {
      type: 'number',
      integer: true,
      description: 'smallest cluster (hdbscan)',
      placeholder: 'M',
    },
    linkage: { type: 'string', description: 'merge criterion (agglomerative)', choices: LINKAGES },
    covariance: { type: 'string', description: 'covariance type (gmm)', choices: COVARIANCE_TYPES },
    'n-init': {
      type: 'number',
      integer: true,
      description: 'restarts, best kept (kmeans, minibatch-kmeans, gmm)',
      placeholder: 'N',
    },
    'max-iter': {
      type: 'number',
      integer: true,
      description:
        'iteration limit (kmeans: iterations, minibatch-kmeans: passes over the data, gmm: EM steps, kmedoids: swap passes)',
      placeholder: 'N',
    },
    tol: {
      type: 'number',
      description:
        'convergence tolerance (kmeans: relative to the mean feature variance; gmm: log-likelihood change)',
      placeholder: 'T',
    },
    metric: {
      type: 'string',
      description: 'distance; cosine = unit-normalized rows (spherical k-means)',
      choices: DISTANCE_METRICS,
    },
    seed: {
      type: 'number',
      integer: true,
      description: 'random seed (dbscan, hdbscan and agglomerative are deterministic and ignore it)',
      placeholder: 'S',
    },
    out: {
      type: 'string',
      description: 'labels file to write (one integer per line, -1 = noise)',
      required: true,
      placeholder: 'FILE',
    },
    json: {
      type: 'boolean',
      description: 'print a JSON summary (n_clusters, noise_fraction, inertia, log_likelihood, bic, seconds)',
    },
  },
  async run(flags, io) {
    const algo = flag.string(flags, 'algo') as string;
    const options: ClusterOptions = {};
    for (const [name, flagName] of Object.entries(FLAG_OF) as [ClusterOptionName, string][]) {
      const value = flags[flagName];
      if (value !== undefined) (options as Record<string, unknown>)[name] = value;
    }
    const bar = progressBar(io);
    const clusterer = withFlagNames(() =>
      createClusterer(algo, {
        ...options,
        metric: options.metric as DistanceMetric | undefined,
        onProgress: bar,
      }),
    );
    const out = flag.string(flags, 'out') as string;
    checkOutputFile(out, 'out');
    const path = flag.string(flags, 'vectors') as string;
    const X = await readMatrix(path);
    if (X.rows === 0) throw new InputError('no rows to cluster', { file: path });
    const started = performance.now();
    await clusterer.fit(X);
    const seconds = (performance.now() - started) / 1000;
    bar.done();
    const summary = await fitSummary(clusterer, X);
    // As scikit-learn's ConvergenceWarning: fewer distinct points than k (or clusters that emptied).
    const k = flag.number(flags, 'k');
    if (k !== undefined && summary.n_clusters < k)
      io.stderr.write(
        `segscope cluster: warning: ${summary.n_clusters} distinct clusters found, fewer than --k ${k} (duplicate points?)\n`,
      );
    atomicWriteFileSync(out, labelsText(clusterer.labels));
    if (flag.boolean(flags, 'json'))
      io.stdout.write(`${JSON.stringify({ algo, rows: X.rows, cols: X.cols, ...summary, seconds })}\n`);
    else {
      const extra = [
        summary.inertia !== undefined ? `inertia ${summary.inertia.toPrecision(6)}` : '',
        summary.log_likelihood !== undefined ? `log-likelihood ${summary.log_likelihood.toFixed(4)}` : '',
        summary.bic !== undefined ? `BIC ${summary.bic.toFixed(1)}` : '',
      ].filter(Boolean);
      io.stdout.write(
        `${algo}: ${summary.n_clusters} clusters, noise ${(100 * summary.noise_fraction).toFixed(1)}%${extra.length ? `, ${extra.join(', ')}` : ''} ` +
          `(${X.rows} x ${X.cols}, ${seconds.toFixed(2)} s) -> ${out}\n`,
      );
    }
    return 0;
  },
};

function labelsText(labels: Int32Array): string {
  const parts: string[] = new Array(labels.length);
  for (let i = 0; i < labels.length; i++) parts[i] = String(labels[i]);
  return labels.length === 0 ? '' : `${parts.join('\n')}\n`;
}

/** Re-throw registry usage errors with `--flag` paths instead of option names. */
function withFlagNames<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof UsageError) || error.issues.length === 0) throw error;
    const issues = error.issues.map((i) => ({
      path: `--${FLAG_OF[i.path as ClusterOptionName] ?? i.path}`,
      message: i.message,
    }));
    // The registry names itself ("cluster: ..."); the CLI prefixes "segscope cluster: " already.
    throw new UsageError(error.message.split('\n')[0].replace(/^cluster: /, ''), issues);
  }
}
