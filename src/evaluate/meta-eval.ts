/**
 * Meta-evaluation: does the protocol rank segmentations the way the truth does? On planted-truth
 * logs of several kinds, a pool of candidates is ranked by every evaluation method (one index alone,
 * one facet alone, the composite) and each ranking is compared with the truth ranking by Kendall's
 * tau-b: the truth being (a) agreement with the planted segments (ARI) and, separately, (b)
 * downstream utility on the holdout (NDCG lift of segment recommendations over popularity).
 */
import { join } from 'node:path';
import { generateSequences } from '../data/generate.js';
import type { GenerateKind } from '../data/generate-options.js';
import { atomicWriteFileSync } from '../io/atomic-write.js';
import type { ProgressCallback } from '../util/progress.js';
import { seedFor } from '../util/seed-for.js';
import type { GridEntry, ProtocolConfig } from './protocol-config.js';
import { DEFAULT_PROTOCOL } from './protocol-config.js';
import { kendallTau } from './kendall-tau.js';
import type { CandidateResult } from './results.js';
import { runProtocol } from './run-protocol.js';

/** Evaluation methods compared: each maps a candidate to a score, larger = better. */
export const META_METHODS: Record<string, (c: CandidateResult) => number> = {
  silhouette: (c) => c.facets.geometry.silhouette,
  calinski_harabasz: (c) => c.facets.geometry.calinski_harabasz,
  davies_bouldin: (c) => -c.facets.geometry.davies_bouldin,
  geometry: (c) => c.scores.geometry,
  behavior: (c) => c.scores.behavior,
  stability: (c) => c.scores.stability,
  null: (c) => c.scores.null,
  downstream: (c) => c.scores.downstream,
  composite: (c) => c.composite.value,
};

export const META_KINDS: readonly GenerateKind[] = [
  'composition',
  'order-only',
  'activity-only',
  'noisy',
  'unbalanced',
];

export interface MetaEvalOptions {
  seed: number;
  outDir: string;
  kinds?: readonly GenerateKind[];
  users?: number;
  segments?: number;
  /** Candidate pool; default `metaEvalPool(segments)`. */
  encoders?: GridEntry[];
  algorithms?: GridEntry[];
  /** Protocol settings (lighter than the default run's unless given). */
  protocol?: Partial<ProtocolConfig>;
  onProgress?: ProgressCallback;
}

export interface MetaEvalKind {
  kind: string;
  candidates: number;
  /** Kendall tau-b of each method against truth ARI (below RECOVERY_FLOOR: tied, "recovers nothing"). */
  tau_ari: Record<string, number>;
  /** The same against the raw ARI (every difference counted, however small). */
  tau_ari_raw: Record<string, number>;
  /** Kendall tau-b of each method against downstream utility (NDCG lift). */
  tau_downstream: Record<string, number>;
  winner: string | null;
  winner_ari: number;
  best_ari: number;
}

export interface MetaEvalResults {
  seed: number;
  users: number;
  segments: number;
  kinds: MetaEvalKind[];
  mean_tau_ari: Record<string, number>;
  mean_tau_ari_raw: Record<string, number>;
  mean_tau_downstream: Record<string, number>;
}

/**
 * Truth ARIs below this are one tie ("recovers nothing"): an ARI of 0.01 against one of 0.03 is chance
 * agreement either way, and ranking such pairs would reward ordering noise. Above it every
 * difference counts. `tau_ari_raw` reports the untied version too.
 */
export const RECOVERY_FLOOR = 0.05;

/**
 * The default pool: >= 12 candidates spanning encoders, algorithms and k around the planted K. The
 * encoders cover the respects in which segments can differ: items and categories with their
 * transitions (TF-IDF), item co-occurrence (item2vec), the whole behavior profile (stats) and
 * activity alone (stats, volume and sessions groups).
 */
export function metaEvalPool(K: number): { encoders: GridEntry[]; algorithms: GridEntry[] } {
  const ks = [...new Set([2, Math.max(2, K - 1), K, K + 2, 2 * K])].sort((a, b) => a - b);
  return {
    encoders: [
      { name: 'tfidf', params: { dim: 32 } },
      { name: 'stats' },
      { name: 'stats', params: { groups: 'volume,sessions' } },
      { name: 'item2vec', params: { dim: 32, epochs: 3 } },
    ],
    algorithms: [
      { name: 'kmeans', params: { k: ks, nInit: 3 } },
      { name: 'agglomerative', params: { k: [K], linkage: 'ward' } },
    ],
  };
}

/** Run the meta-evaluation; writes DIR/<kind>/ runs, DIR/meta-eval.json and DIR/meta-eval.md. */
export async function metaEvaluate(options: MetaEvalOptions): Promise<MetaEvalResults> {
  const kinds = options.kinds ?? META_KINDS;
  const users = options.users ?? 800;
  const K = options.segments ?? 4;
  const pool = metaEvalPool(K);
  const out: MetaEvalKind[] = [];
  for (const kind of kinds) {
    const seed = seedFor(options.seed, 'meta', kind);
    const log = generateSequences({ users, segments: K, difficulty: kind, seed });
    const truth = new Map<string, number>();
    log.truth.users.forEach((u, i) => {
      truth.set(u, log.truth.segment[i]);
    });
    const config: ProtocolConfig = {
      ...DEFAULT_PROTOCOL,
      resamples: 3,
      nullReplicates: 1,
      bootstrap: 50,
      permutations: 2,
      ...options.protocol,
      seed,
      encoders: options.encoders ?? pool.encoders,
      algorithms: options.algorithms ?? pool.algorithms,
    };
    const results = await runProtocol({
      sequences: log.sequences,
      truth,
      config,
      outDir: join(options.outDir, kind),
      resume: true,
      onProgress: options.onProgress,
    });
    const scored = results.candidates.filter((c) => c.error === undefined);
    const ari = scored.map((c) => c.facets.external?.adjusted_rand ?? Number.NaN);
    const utility = scored.map((c) => c.facets.downstream.ndcg_lift);
    const recovered = ari.map((x) => Math.max(RECOVERY_FLOOR, x));
    const tau_ari: Record<string, number> = {};
    const tau_ari_raw: Record<string, number> = {};
    const tau_downstream: Record<string, number> = {};
    for (const [name, score] of Object.entries(META_METHODS)) {
      const s = scored.map(score);
      tau_ari[name] = kendallTau(s, recovered);
      tau_ari_raw[name] = kendallTau(s, ari);
      tau_downstream[name] = kendallTau(s, utility);
    }
    const winner = results.candidates.find((c) => c.id === results.winner);
    out.push({
      kind,
      candidates: scored.length,
      tau_ari,
      tau_ari_raw,
      tau_downstream,
      winner: results.winner,
      winner_ari: winner?.facets.external?.adjusted_rand ?? Number.NaN,
      best_ari: Math.max(...ari.filter((x) => !Number.isNaN(x))),
    });
  }
  const mean = (key: 'tau_ari' | 'tau_ari_raw' | 'tau_downstream') =>
    Object.fromEntries(
      Object.keys(META_METHODS).map((m) => [m, out.reduce((s, k) => s + k[key][m], 0) / out.length]),
    );
  const results: MetaEvalResults = {
    seed: options.seed,
    users,
    segments: K,
    kinds: out,
    mean_tau_ari: mean('tau_ari'),
    mean_tau_ari_raw: mean('tau_ari_raw'),
    mean_tau_downstream: mean('tau_downstream'),
  };
  atomicWriteFileSync(join(options.outDir, 'meta-eval.json'), `${JSON.stringify(results, null, 1)}\n`);
  atomicWriteFileSync(join(options.outDir, 'meta-eval.md'), metaEvalMarkdown(results));
  return results;
}

/** Markdown tables: tau against ARI and against downstream utility, per kind and mean. */
export function metaEvalMarkdown(r: MetaEvalResults): string {
  const methods = Object.keys(META_METHODS);
  const f = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(2));
  const table = (key: 'tau_ari' | 'tau_ari_raw' | 'tau_downstream', mean: Record<string, number>) =>
    [
      `| method | ${r.kinds.map((k) => k.kind).join(' | ')} | mean |`,
      `|---|${r.kinds.map(() => '---:').join('|')}|---:|`,
      ...methods.map((m) => `| ${m} | ${r.kinds.map((k) => f(k[key][m])).join(' | ')} | ${f(mean[m])} |`),
    ].join('\n');
  return [
    `# segscope meta-evaluation (seed ${r.seed}, ${r.users} users, ${r.segments} planted segments)`,
    '',
    "Kendall's tau-b between each method's ranking of the candidate pool and the truth ranking.",
    '',
    `## Against agreement with the planted segments (ARI; below ${RECOVERY_FLOOR} tied as "recovers nothing")`,
    '',
    table('tau_ari', r.mean_tau_ari),
    '',
    '## Against the raw ARI (every difference counted)',
    '',
    table('tau_ari_raw', r.mean_tau_ari_raw),
    '',
    '## Against downstream utility (NDCG lift over popularity on the holdout)',
    '',
    table('tau_downstream', r.mean_tau_downstream),
    '',
    '## Winners',
    '',
    ...r.kinds.map(
      (k) =>
        `- ${k.kind}: ${k.winner} (ARI ${f(k.winner_ari)}; best in pool ${f(k.best_ari)}; ${k.candidates} candidates)`,
    ),
    '',
  ].join('\n');
}
