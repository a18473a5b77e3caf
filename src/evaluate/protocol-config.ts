/**
 * The protocol configuration (`segscope.json`): candidate grid and protocol settings, with defaults
 * merged once. `validateProtocolConfig` lists every problem with its path at once (zod-style).
 */
import { readFileSync } from 'node:fs';
import { type ConfigIssue, InputError, UsageError } from '../util/errors.js';

/** One encoder or algorithm entry; a param given as an array expands into one candidate per value. */
export interface GridEntry {
  name: string;
  params?: Record<string, unknown>;
}

export interface FacetWeights {
  geometry: number;
  behavior: number;
  stability: number;
  null: number;
  downstream: number;
}

export interface ProtocolConfig {
  seed: number;
  encoders: GridEntry[];
  algorithms: GridEntry[];
  /** Subsample reruns of each whole candidate for the stability facet. */
  resamples: number;
  /** Fraction of users in each stability rerun. */
  subsampleFraction: number;
  /** Reruns per null-model kind. */
  nullReplicates: number;
  nullKinds: ('order' | 'items' | 'content')[];
  /** Bootstrap replicates over users for confidence intervals and paired tests. */
  bootstrap: number;
  /** Random relabelings for chance-adjusting indices. */
  permutations: number;
  /** Users sampled (stratified by segment) for silhouette in a candidate's own space. */
  geometrySample: number;
  /**
   * Temporal holdout: the last `quantile` of the time span, an absolute cutoff (unix s), each
   * sequence's last k events, or `auto`: the last 20% of the time span for user-keyed logs, the last
   * 2 events of each session for session-keyed logs (sessions rarely straddle a global cutoff).
   */
  cutoff: { quantile: number } | { time: number } | { leaveLastK: number } | 'auto';
  /** HR@K, NDCG@K cut-off. */
  topK: number;
  weights: FacetWeights;
  /** Significance level of the paired tests (Holm-corrected) that define the tied group. */
  alpha: number;
  // Large-log bounds (docs/protocol.md, "Large logs"). Each is a seeded sample of users, so a run
  // stays reproducible and resumable; each is a no-op on logs no larger than the bound.
  /**
   * Most users an encoder that learns from the log (tfidf, counts, item2vec, transformer, and
   * DEC's pretraining and joint training) is fit on, per variant; every user is then transformed.
   */
  fitUsers: number;
  /**
   * Most users of a stability rerun (min(subsampleFraction x users, rerunUsers)) and of the
   * history every null log is built from (one seeded subsample shared by all null logs).
   */
  rerunUsers: number;
  /**
   * Most users an O(n^2) algorithm (agglomerative, HDBSCAN) is fit on; the others are assigned:
   * to the nearest segment centroid (agglomerative) or by HDBSCAN's approximate prediction.
   */
  quadraticFitUsers: number;
}

/**
 * Default facet weights, chosen by meta-evaluation (docs/protocol.md: seed 1 logs, then checked on
 * seed 2). Geometry gets 0: in a candidate's own space it ranked planted truth worst of all facets
 * (negative Kendall tau on order-only and activity-only logs); it stays in every report.
 */
export const DEFAULT_WEIGHTS: FacetWeights = {
  geometry: 0,
  behavior: 0.6,
  stability: 0.2,
  null: 0.05,
  downstream: 0.1,
};

export const DEFAULT_PROTOCOL: ProtocolConfig = {
  seed: 42,
  encoders: [
    { name: 'tfidf', params: { dim: 32 } },
    { name: 'stats' },
    { name: 'item2vec', params: { dim: 32, epochs: 3 } },
    {
      name: 'transformer',
      params: { objective: 'causal', dim: 32, layers: 1, heads: 2, epochs: 2, maxLen: 50 },
    },
  ],
  algorithms: [
    { name: 'kmeans', params: { k: [3, 4, 5, 6, 8], nInit: 3 } },
    { name: 'gmm', params: { k: [4, 6], covariance: 'diag' } },
    { name: 'agglomerative', params: { k: [4, 6], linkage: 'ward' } },
    { name: 'hdbscan', params: { minClusterSize: 'auto' } },
    { name: 'dec', params: { k: [4], jointEpochs: 2 } },
  ],
  resamples: 3,
  subsampleFraction: 0.8,
  nullReplicates: 1,
  nullKinds: ['order', 'items', 'content'],
  bootstrap: 200,
  permutations: 3,
  geometrySample: 2000,
  cutoff: 'auto',
  topK: 10,
  weights: DEFAULT_WEIGHTS,
  alpha: 0.05,
  // Large-log bounds (the 1,000-user demo is below all of them).
  fitUsers: 2000,
  rerunUsers: 1000,
  quadraticFitUsers: 2000,
};

const KEYS = Object.keys(DEFAULT_PROTOCOL) as (keyof ProtocolConfig)[];

/**
 * Validate a parsed JSON configuration and merge it over the defaults.
 * @throws UsageError listing every problem as `path: message` (exit 2).
 */
export function validateProtocolConfig(raw: unknown, source = 'config'): ProtocolConfig {
  const issues: ConfigIssue[] = [];
  const at = (path: string, message: string) => issues.push({ path, message });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new UsageError(`${source}: must be a JSON object`);
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj))
    if (!(KEYS as string[]).includes(key)) at(key, `unknown key (known: ${KEYS.join(', ')})`);
  const num = (key: string, min: number, max: number, integer: boolean) => {
    const v = obj[key];
    if (v === undefined) return;
    if (
      typeof v !== 'number' ||
      !Number.isFinite(v) ||
      v < min ||
      v > max ||
      (integer && !Number.isInteger(v))
    ) {
      at(key, `must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got ${JSON.stringify(v)}`);
    }
  };
  num('seed', 0, 2 ** 32 - 1, true);
  num('resamples', 0, 100, true);
  num('subsampleFraction', 0.1, 1, false);
  num('nullReplicates', 0, 100, true);
  num('bootstrap', 10, 100000, true);
  num('permutations', 1, 1000, true);
  num('geometrySample', 10, 10_000_000, true);
  num('topK', 1, 1000, true);
  num('alpha', 0, 1, false);
  // Large-log bounds.
  num('fitUsers', 10, 1_000_000_000, true);
  num('rerunUsers', 10, 1_000_000_000, true);
  num('quadraticFitUsers', 10, 1_000_000_000, true);
  for (const key of ['encoders', 'algorithms'] as const) {
    const v = obj[key];
    if (v === undefined) continue;
    if (!Array.isArray(v)) {
      at(key, 'must be an array of { name, params }');
      continue;
    }
    if (v.length === 0) at(key, 'is empty: a grid of zero candidates');
    v.forEach((entry, i) => {
      if (typeof entry !== 'object' || entry === null) {
        at(`${key}[${i}]`, 'must be an object { name, params }');
        return;
      }
      const e = entry as Record<string, unknown>;
      if (typeof e.name !== 'string' || e.name.length === 0)
        at(`${key}[${i}].name`, 'must be a non-empty string');
      if (
        e.params !== undefined &&
        (typeof e.params !== 'object' || e.params === null || Array.isArray(e.params))
      )
        at(`${key}[${i}].params`, 'must be an object');
      for (const k of Object.keys(e))
        if (k !== 'name' && k !== 'params') at(`${key}[${i}].${k}`, 'unknown key (known: name, params)');
      for (const [p, value] of Object.entries((e.params as Record<string, unknown>) ?? {})) {
        if (Array.isArray(value) && value.length === 0)
          at(`${key}[${i}].params.${p}`, 'is an empty list: a grid of zero candidates');
      }
    });
  }
  if (obj.nullKinds !== undefined) {
    if (!Array.isArray(obj.nullKinds)) at('nullKinds', 'must be an array');
    else
      obj.nullKinds.forEach((k, i) => {
        if (!['order', 'items', 'content'].includes(k as string))
          at(`nullKinds[${i}]`, `"${k}" is not one of order, items, content`);
      });
  }
  if (obj.cutoff !== undefined) {
    const c = (obj.cutoff === 'auto' ? { quantile: 0.5 } : obj.cutoff) as Record<string, unknown>;
    const okQuantile =
      typeof c === 'object' &&
      c !== null &&
      typeof c.quantile === 'number' &&
      c.quantile > 0 &&
      c.quantile < 1 &&
      Object.keys(c).length === 1;
    const okTime =
      typeof c === 'object' &&
      c !== null &&
      typeof c.time === 'number' &&
      Number.isFinite(c.time) &&
      Object.keys(c).length === 1;
    const okLast =
      typeof c === 'object' &&
      c !== null &&
      Number.isInteger(c.leaveLastK) &&
      (c.leaveLastK as number) >= 1 &&
      Object.keys(c).length === 1;
    if (!okQuantile && !okTime && !okLast) {
      at(
        'cutoff',
        'must be "auto", { "quantile": q in (0, 1) } (share of the time span held out), { "time": unix seconds } or { "leaveLastK": k >= 1 }',
      );
    }
  }
  if (obj.weights !== undefined) {
    const w = obj.weights as Record<string, unknown>;
    if (typeof w !== 'object' || w === null) at('weights', 'must be an object');
    else {
      for (const [k, v] of Object.entries(w)) {
        if (!(k in DEFAULT_WEIGHTS))
          at(`weights.${k}`, `unknown facet (known: ${Object.keys(DEFAULT_WEIGHTS).join(', ')})`);
        else if (typeof v !== 'number' || !(v >= 0))
          at(`weights.${k}`, `must be a non-negative number, got ${JSON.stringify(v)}`);
      }
      const valid = Object.values(w).every((v) => typeof v === 'number' && v >= 0);
      const total = Object.keys(DEFAULT_WEIGHTS).reduce(
        (s, k) =>
          s + (typeof w[k] === 'number' ? (w[k] as number) : DEFAULT_WEIGHTS[k as keyof FacetWeights]),
        0,
      );
      if (valid && !(total > 0)) at('weights', 'must not all be zero');
    }
  }
  if (issues.length > 0) throw new UsageError(`${source}: invalid configuration`, issues);
  return {
    ...DEFAULT_PROTOCOL,
    ...(obj as Partial<ProtocolConfig>),
    weights: { ...DEFAULT_WEIGHTS, ...((obj.weights as Partial<FacetWeights>) ?? {}) },
  };
}

/**
 * Read and validate a JSON configuration file.
 * @throws InputError for a missing or unparseable file (with the line of a JSON syntax error),
 *   UsageError listing every invalid setting.
 */
export function readProtocolConfig(path: string): ProtocolConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      file: path,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${(error as Error).message}`, { file: path });
  }
  return validateProtocolConfig(raw, path);
}
