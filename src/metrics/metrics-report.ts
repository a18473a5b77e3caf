/**
 * Every index by its JSON name (snake_case, scikit-learn's where one exists), computed only when
 * asked for: the shape behind `segscope metrics` and the evaluation reports. Values are
 * `MetricResult`s; degenerate cases carry a reason.
 *
 * Space rules: silhouette, Dunn, DBCV, point-biserial, C-index and gamma use `metric`; the
 * centroid indices (CH, DB, R^2, Ball-Hall, WCSS, S_Dbw) are euclidean on the vectors as given.
 * With `sample`, silhouette is the stratified estimate with a confidence interval and the other
 * O(n^2) indices run on the same stratified sample; the linear indices always use every point.
 */
import type { DistanceMetric } from '../kernels/distance-metric.js';
import type { Labels } from '../util/labels.js';
import { type Matrix, selectRows } from '../util/matrix.js';
import { adjustedMutualInfo } from './adjusted-mutual-info.js';
import { cIndexFromPairs } from './c-index.js';
import { calinskiHarabaszFromMoments } from './calinski-harabasz.js';
import { checkLabels } from './check-input.js';
import { normalizedClusteringAccuracy } from './clustering-accuracy.js';
import { clusterMoments } from './cluster-moments.js';
import { clusterSizes } from './cluster-sizes.js';
import { type Contingency, contingency, type NoiseRule } from './contingency.js';
import { daviesBouldin } from './davies-bouldin.js';
import { dbcv } from './dbcv.js';
import { ballHallFromMoments, rSquaredFromMoments, wcssFromMoments } from './dispersion-indices.js';
import type { Precision } from './distance-blocks.js';
import { dunnFromSummary, generalizedDunnFromSummary } from './dunn.js';
import { fowlkesMallows } from './fowlkes-mallows.js';
import { gammaFromPairs } from './gamma.js';
import { degenerate, type MetricResult, metricValue } from './metric-result.js';
import { mutualInfo, normalizedMutualInfo, trivialPair } from './mutual-info.js';
import { type PairDistances, pairDistances } from './pair-distances.js';
import { type PairwiseSummary, pairwiseSummary } from './pairwise-summary.js';
import { pointBiserialFromSummary } from './point-biserial.js';
import { inversePurity, purity } from './purity.js';
import { adjustedRand, rand } from './rand.js';
import { sDbw } from './s-dbw.js';
import { silhouette } from './silhouette.js';
import { SAMPLED_SILHOUETTE_DEFAULTS, silhouetteSampled, stratifiedSample } from './silhouette-sampled.js';
import { variationOfInformation } from './variation-of-information.js';
import { completeness, homogeneity, vMeasure } from './v-measure.js';

export const INTERNAL_METRIC_NAMES = [
  'silhouette',
  'calinski_harabasz',
  'davies_bouldin',
  'dunn',
  'generalized_dunn',
  'dbcv',
  'point_biserial',
  'c_index',
  'gamma',
  'r_squared',
  'ball_hall',
  'wcss',
  's_dbw',
] as const;

export const EXTERNAL_METRIC_NAMES = [
  'rand',
  'adjusted_rand',
  'mutual_info',
  'normalized_mutual_info',
  'adjusted_mutual_info',
  'homogeneity',
  'completeness',
  'v_measure',
  'fowlkes_mallows',
  'purity',
  'inverse_purity',
  'variation_of_information',
  'normalized_clustering_accuracy',
] as const;

export type InternalMetricName = (typeof INTERNAL_METRIC_NAMES)[number];
export type ExternalMetricName = (typeof EXTERNAL_METRIC_NAMES)[number];
export type MetricName = InternalMetricName | ExternalMetricName;
export const METRIC_NAMES: readonly MetricName[] = [...INTERNAL_METRIC_NAMES, ...EXTERNAL_METRIC_NAMES];

export interface MetricsReportOptions {
  truth?: Labels;
  metric?: DistanceMetric;
  precision?: Precision;
  /** Stratified sample for the O(n^2) indices. */
  sample?: { size: number; seed: number };
  /** Compute only these (default: all internal, plus all external when `truth` is given). */
  only?: readonly MetricName[];
  /** Largest point count for the indices that hold all pair distances (C-index, gamma, DBCV). */
  maxPairPoints?: number;
  /** How noise enters the external indices (default: each noise point a singleton). */
  noise?: NoiseRule;
}

export interface MetricsReport {
  n: number;
  noiseFraction: number;
  values: Partial<Record<MetricName, MetricResult>>;
  /** Confidence interval of a sampled silhouette. */
  silhouetteInterval?: { lower: number; upper: number; confidence: number };
  /** Points in the stratified sample the O(n^2) indices ran on (absent when they used every point). */
  samplePoints?: number;
}

/** Whether `name` is a known metric name. */
export function isMetricName(name: string): name is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(name);
}

/**
 * The requested indices for labeled vectors. Cost: linear for the centroid and external indices,
 * O(n^2 d) (or O(m n d) sampled) for the distance-based ones, and only for those asked for.
 * @throws RangeError on a length mismatch, NaN, an unknown name, or an external name without truth.
 */
export async function metricsReport(
  X: Matrix,
  labels: Labels,
  options: MetricsReportOptions = {},
): Promise<MetricsReport> {
  checkLabels('metricsReport', labels, X.rows);
  const { truth, metric = 'euclidean', precision = 'float32', sample, maxPairPoints = 10_000 } = options;
  if (truth !== undefined) checkLabels('metricsReport', truth, X.rows, 'truth');
  const wanted = new Set<MetricName>(options.only ?? (truth ? METRIC_NAMES : INTERNAL_METRIC_NAMES));
  for (const name of wanted) {
    if (!isMetricName(name))
      throw new RangeError(`metricsReport: unknown metric (${name}); valid: ${METRIC_NAMES.join(', ')}`);
    if ((EXTERNAL_METRIC_NAMES as readonly string[]).includes(name) && truth === undefined) {
      throw new RangeError(`metricsReport: ${name} needs truth labels`);
    }
  }
  const c = clusterSizes(labels);
  const report: MetricsReport = { n: X.rows, noiseFraction: X.rows === 0 ? 0 : c.noise / X.rows, values: {} };
  const values = report.values;
  const distance = { metric, precision };
  const has = (...names: MetricName[]) => names.some((name) => wanted.has(name));

  // The O(n^2) indices run on the stratified sample when one is asked for.
  let pairX = X;
  let pairLabels = labels;
  if (
    sample !== undefined &&
    has('silhouette', 'dunn', 'generalized_dunn', 'dbcv', 'point_biserial', 'c_index', 'gamma')
  ) {
    let rows: Int32Array;
    if (wanted.has('silhouette')) {
      const s = await silhouetteSampled(X, labels, {
        ...distance,
        sampleSize: sample.size,
        seed: sample.seed,
      });
      values.silhouette = s.score;
      if (!Number.isNaN(s.score.value))
        report.silhouetteInterval = { lower: s.lower, upper: s.upper, confidence: 0.95 };
      rows = s.rows;
    } else
      rows = stratifiedSample(c, sample.size, SAMPLED_SILHOUETTE_DEFAULTS.minPerCluster, sample.seed).rows;
    report.samplePoints = rows.length;
    if (rows.length > 0) {
      pairX = selectRows(X, rows);
      pairLabels = Int32Array.from(rows, (i) => labels[i]);
    }
  } else if (wanted.has('silhouette')) values.silhouette = (await silhouette(X, labels, distance)).score;

  if (has('dunn', 'generalized_dunn', 'point_biserial')) {
    const summary: PairwiseSummary = await pairwiseSummary(pairX, pairLabels, distance, 'metricsReport');
    if (wanted.has('dunn')) values.dunn = dunnFromSummary(summary);
    if (wanted.has('generalized_dunn')) values.generalized_dunn = generalizedDunnFromSummary(summary);
    if (wanted.has('point_biserial')) values.point_biserial = pointBiserialFromSummary(summary);
  }
  const pairPoints = pairLabels.length - clusterSizes(pairLabels).noise;
  const tooMany = degenerate(
    `needs all pair distances: ${pairPoints} points exceed ${maxPairPoints}; use a sample`,
  );
  if (has('c_index', 'gamma')) {
    if (pairPoints > maxPairPoints) {
      if (wanted.has('c_index')) values.c_index = tooMany;
      if (wanted.has('gamma')) values.gamma = tooMany;
    } else {
      const pairs: PairDistances = await pairDistances(
        pairX,
        pairLabels,
        { ...distance, maxPoints: maxPairPoints },
        'metricsReport',
      );
      if (wanted.has('c_index')) values.c_index = cIndexFromPairs(pairs);
      if (wanted.has('gamma')) values.gamma = gammaFromPairs(pairs);
    }
  }
  if (wanted.has('dbcv')) {
    values.dbcv =
      pairPoints > maxPairPoints
        ? tooMany
        : (await dbcv(pairX, pairLabels, { ...distance, maxPoints: maxPairPoints })).score;
  }

  if (has('calinski_harabasz', 'r_squared', 'ball_hall', 'wcss')) {
    const moments = clusterMoments(X, labels);
    if (wanted.has('calinski_harabasz')) values.calinski_harabasz = calinskiHarabaszFromMoments(moments);
    if (wanted.has('r_squared')) values.r_squared = rSquaredFromMoments(moments);
    if (wanted.has('ball_hall')) values.ball_hall = ballHallFromMoments(moments);
    if (wanted.has('wcss')) values.wcss = wcssFromMoments(moments);
  }
  if (wanted.has('davies_bouldin')) values.davies_bouldin = daviesBouldin(X, labels);
  if (wanted.has('s_dbw')) values.s_dbw = sDbw(X, labels);

  if (truth !== undefined && EXTERNAL_METRIC_NAMES.some((name) => wanted.has(name))) {
    Object.assign(
      values,
      externalReport(contingency(truth, labels, { noise: options.noise ?? 'singletons' }), wanted),
    );
  }
  return report;
}

/** External indices from one table, with reasons for the conventional and undefined cases. */
function externalReport(
  table: Contingency,
  wanted: Set<MetricName>,
): Partial<Record<MetricName, MetricResult>> {
  const out: Partial<Record<MetricName, MetricResult>> = {};
  const compute: Record<ExternalMetricName, () => number> = {
    rand: () => rand(table),
    adjusted_rand: () => adjustedRand(table),
    mutual_info: () => mutualInfo(table),
    normalized_mutual_info: () => normalizedMutualInfo(table),
    adjusted_mutual_info: () => adjustedMutualInfo(table),
    homogeneity: () => homogeneity(table),
    completeness: () => completeness(table),
    v_measure: () => vMeasure(table),
    fowlkes_mallows: () => fowlkesMallows(table),
    purity: () => purity(table),
    inverse_purity: () => inversePurity(table),
    variation_of_information: () => variationOfInformation(table),
    normalized_clustering_accuracy: () => normalizedClusteringAccuracy(table),
  };
  for (const name of EXTERNAL_METRIC_NAMES) {
    if (!wanted.has(name)) continue;
    if (table.n === 0) {
      out[name] = degenerate('no points');
      continue;
    }
    const value = compute[name]();
    if (name === 'normalized_clustering_accuracy' && Number.isNaN(value))
      out[name] = degenerate('one truth class');
    else if (
      trivialPair(table) &&
      ['adjusted_rand', 'normalized_mutual_info', 'adjusted_mutual_info'].includes(name)
    ) {
      out[name] = { value, reason: 'both labelings are one group (scikit-learn convention)' };
    } else out[name] = metricValue(value);
  }
  return out;
}
