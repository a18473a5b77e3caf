/** Report section "Facets": facet scores per candidate, k-selection curves, null models, downstream lift, per-cluster stability. */
import { FACET_NAMES } from '../evaluate/composite.js';
import type { ProtocolResults } from '../evaluate/results.js';
import { barChart } from './chart-bar.js';
import { heatMap } from './chart-heatmap.js';
import { histogram } from './chart-histogram.js';
import { lineChart } from './chart-line.js';
import { esc, fmt, shortName } from './format.js';
import { para, row, section } from './html-table.js';
import { FACET_COLORS } from './palette.js';

/** Candidates shown in per-candidate charts (the leaderboard table always lists all). */
export const TOP_CANDIDATES = 10;

const CURVE_METRICS = [
  ['composite', 'composite'],
  ['silhouette', 'silhouette (own space)'],
  ['calinski_harabasz', 'Calinski-Harabasz'],
  ['davies_bouldin', 'Davies-Bouldin (lower is better)'],
  ['stability', 'stability (mean Jaccard)'],
] as const;

export function facetsSection(r: ProtocolResults): string {
  const top = r.candidates.slice(0, TOP_CANDIDATES);
  const facetBars = FACET_NAMES.map((f) =>
    barChart({
      title: `${f} score`,
      labels: top.map((c) => `${c.rank}. ${shortName(c)}`),
      values: top.map((c) => c.scores[f]),
      colors: FACET_COLORS[f],
      width: 330,
      valueText: (v) => fmt(v, 2),
    }),
  );
  const curves = r.selection.map((s) => {
    const best = s.points.find((p) => p.id === s.best)?.value;
    return `<h4>${esc(`${s.encoder} + ${s.algorithm}: ${s.param}`)}</h4>${row(...CURVE_METRICS.map(([key, name]) => lineChart({ title: name, xLabel: s.param, yLabel: name, points: s.points.map((p) => [p.value, p[key]]), color: key === 'composite' ? '#c0392b' : '#34495e', best })))}`;
  });
  const nullShown = [r.winner, ...r.tied_with_winner].filter((x): x is string => x !== null).slice(0, 4);
  const nulls = nullShown.map((id) => {
    const c = r.candidates.find((x) => x.id === id)!;
    const charts = Object.entries(c.facets.null.kinds).map(([kind, k]) =>
      histogram({
        title: `${kind} null: z ${fmt(k.z, 1)}, p ${fmt(k.p_value, 2)}`,
        xLabel: 'behavior score',
        values: k.values ?? [],
        marker: c.facets.null.real,
        markerLabel:
          c.facets.null.real_basis === 'sample' ? `real, ${fmt(c.facets.null.users)} users` : 'real',
        color: FACET_COLORS.null,
      }),
    );
    return `<h4>${esc(shortName(c))} (rank ${c.rank})</h4>${charts.length > 0 ? row(...charts) : para('No null replicates were run.')}`;
  });
  const lift = barChart({
    title: `Downstream: NDCG@${r.protocol.top_k} lift over popularity (1 = no lift)`,
    labels: top.map((c) => `${c.rank}. ${shortName(c)}`),
    values: top.map((c) => c.facets.downstream.ndcg_lift),
    colors: FACET_COLORS.downstream,
    reference: 1,
    valueText: (v) => `${fmt(v, 2)}x`,
    xLabel: 'segment popularity NDCG / global popularity NDCG',
  });
  const winner = r.candidates.find((c) => c.id === r.winner);
  const ds = winner?.facets.downstream;
  const winnerDs = ds
    ? barChart({
        title: `Winner on the holdout: segment vs global popularity (${fmt(ds.n_users_evaluated)} users)`,
        labels: [
          `HR@${ds.k} segment`,
          `HR@${ds.k} popularity`,
          `NDCG@${ds.k} segment`,
          `NDCG@${ds.k} popularity`,
          'MRR segment',
          'MRR popularity',
          'purchase AUROC',
          'churn AUROC',
        ],
        values: [
          ds.hit_rate,
          ds.popularity_hit_rate,
          ds.ndcg,
          ds.popularity_ndcg,
          ds.mrr,
          ds.popularity_mrr,
          ds.purchase_auroc,
          ds.churn_auroc,
        ],
        colors: ['#b35806', '#bdbdbd', '#b35806', '#bdbdbd', '#b35806', '#bdbdbd', '#8073ac', '#8073ac'],
        valueText: (v) => fmt(v, 3),
      })
    : '';
  const jaccardRows = r.candidates.slice(0, 30);
  const maxK = Math.min(
    50,
    Math.max(0, ...jaccardRows.map((c) => c.facets.stability.per_cluster_jaccard.length)),
  );
  const jaccard = heatMap({
    title: 'Per-cluster stability: mean best-match Jaccard over subsample reruns',
    rows: jaccardRows.map((c) => `${c.rank}. ${shortName(c)}`),
    cols: Array.from({ length: maxK }, (_, j) => String(j)),
    values: jaccardRows.map((c) =>
      Array.from({ length: maxK }, (_, j) => c.facets.stability.per_cluster_jaccard[j] ?? Number.NaN),
    ),
    range: [0, 1],
    cellText: maxK <= 12 ? (v) => v.toFixed(2) : undefined,
    cell: maxK <= 12 ? 30 : 14,
    xLabel: 'cluster',
  });
  return section(
    'facets',
    'Facets',
    `<h3>Facet scores (top ${top.length})</h3>${para('Each facet mapped to [0, 1], comparable across encoders: geometry = chance-adjusted silhouette in the own space; behavior = out-of-sample coherence in the common behavior space; stability = Jaccard and ARI over reruns; null = share of the behavior score not reproduced on structure-free logs; downstream = holdout recommendation lift and AUROC gains.')}${row(...facetBars)}` +
      `<h3>Parameter selection curves</h3>${curves.length > 0 ? curves.join('') : para('No group of candidates differs in one numeric parameter only.')}` +
      `<h3>Null models</h3>${para(`Behavior score of the candidate on the real log (line) against the same candidate refit on logs with structure removed (bars).${nullSampleNote(r)}`)}${nulls.join('')}` +
      `<h3>Downstream</h3>${row(lift, winnerDs)}` +
      `<h3>Stability per cluster</h3>${jaccard}`,
  );
}

/**
 * On a log above `rerunUsers` the null logs are built from a sample of users, and the line is the
 * candidate refit on that sample unshuffled (null.real_basis 'sample'): say so, since it then
 * differs from the candidate's behavior score on all users. Empty otherwise.
 */
export function nullSampleNote(r: ProtocolResults): string {
  const c = r.candidates.find((x) => x.facets.null.real_basis === 'sample');
  if (c === undefined) return '';
  return ` On this log the null logs were built from a seeded sample of ${fmt(c.facets.null.users)} of the ${fmt(r.dataset.n_history_users)} history users, so the real side of each comparison is the candidate refit on that sample unshuffled and scored on the same users (null.real), not its behavior score on all users: both sides are fit on as many users and scored alike.`;
}
