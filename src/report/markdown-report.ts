/** The evaluation card in Markdown: the same story as the HTML report, with tables instead of charts. */
import { FACET_NAMES } from '../evaluate/composite.js';
import type { ProtocolResults } from '../evaluate/results.js';
import { fmt, pct } from './format.js';
import { cleaningRows, countRows } from './section-data.js';
import { nullSampleNote } from './section-facets.js';
import { leaderboardColumns, statusOf, verdict } from './section-leaderboard.js';
import { settingRows } from './section-reproducibility.js';
import { ruleText } from './section-segments.js';

/** A Markdown table; `|` in cells is escaped. */
export function mdTable(headers: string[], rows: string[][]): string {
  const cell = (c: string) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `|${headers.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdownReport(r: ProtocolResults): string {
  const out: string[] = [
    '# segscope evaluation card',
    '',
    `${r.candidates.length} candidates, segscope ${r.version}.`,
    '',
    '## Data',
    '',
    mdTable(['', 'value'], countRows(r)),
    '',
  ];
  if (r.dataset.cleaning)
    out.push(
      '### Cleaning report',
      '',
      mdTable(['rule', 'count', 'detail'], cleaningRows(r.dataset.cleaning)),
      '',
    );
  const hasTruth = r.candidates.some((c) => c.facets.external);
  out.push('## Leaderboard', '', verdict(r), '');
  out.push(
    mdTable(
      [...leaderboardColumns(hasTruth), 'status'],
      r.candidates.map((c) => [
        String(c.rank),
        c.id,
        String(c.n_clusters),
        `${fmt(c.composite.value)} [${fmt(c.composite.ci_low)}, ${fmt(c.composite.ci_high)}]`,
        ...FACET_NAMES.map(
          (f) => `${fmt(c.scores[f])} [${fmt(c.score_intervals[f]?.[0])}, ${fmt(c.score_intervals[f]?.[1])}]`,
        ),
        ...(hasTruth ? [fmt(c.facets.external?.adjusted_rand)] : []),
        c.pareto ? 'yes' : '',
        statusOf(r, c),
      ]),
    ),
    '',
  );
  out.push(
    '### Paired tests against the winner',
    '',
    `Paired bootstrap over users (${r.protocol.bootstrap} replicates), Holm-corrected, alpha ${r.protocol.alpha}.`,
    '',
  );
  out.push(
    mdTable(
      ['candidate', 'p', 'p (Holm)', 'verdict'],
      r.significance.map((s) => [s.other, fmt(s.p_value), fmt(s.p_holm), s.tied ? 'tied' : 'worse']),
    ),
    '',
  );
  out.push('## Facets', '', '### Parameter selection', '');
  for (const s of r.selection)
    out.push(
      `${s.encoder} + ${s.algorithm}, best ${s.param}: ${s.points.find((p) => p.id === s.best)?.value}`,
      '',
      mdTable(
        [s.param, 'composite', 'silhouette', 'Calinski-Harabasz', 'Davies-Bouldin', 'stability'],
        s.points.map((p) => [
          String(p.value),
          fmt(p.composite),
          fmt(p.silhouette),
          fmt(p.calinski_harabasz, 1),
          fmt(p.davies_bouldin),
          fmt(p.stability),
        ]),
      ),
      '',
    );
  out.push('### Null models and downstream', '');
  const note = nullSampleNote(r);
  if (note !== '') out.push(note.trim(), '');
  out.push(
    mdTable(
      [
        'candidate',
        'null z-scores (p)',
        `NDCG@${r.protocol.top_k} lift`,
        'HR lift',
        'purchase AUROC',
        'churn AUROC',
      ],
      r.candidates.map((c) => [
        c.id,
        Object.entries(c.facets.null.kinds)
          .map(([k, v]) => `${k} ${fmt(v.z, 1)} (${fmt(v.p_value, 2)})`)
          .join(', '),
        fmt(c.facets.downstream.ndcg_lift, 2),
        fmt(c.facets.downstream.hit_rate_lift, 2),
        fmt(c.facets.downstream.purchase_auroc),
        fmt(c.facets.downstream.churn_auroc),
      ]),
    ),
    '',
  );
  const d = r.winner_details;
  out.push("## The winner's segments", '');
  if (d) {
    const jac = r.candidates.find((c) => c.id === d.candidate)?.facets.stability.per_cluster_jaccard ?? [];
    out.push(
      `Segments of ${d.candidate}; geometry in the common behavior space. Mean silhouette there ${fmt(d.silhouette.mean)} on ${fmt(d.silhouette.sample)} sampled users.`,
      '',
    );
    out.push(
      mdTable(
        [
          'segment',
          'users',
          'share',
          'tag',
          'tag F1',
          'buy/view',
          'buyers',
          'stability',
          'silhouette',
          'top categories (lift)',
        ],
        d.profiles.map((p, s) => [
          String(s),
          fmt(p.users),
          pct(p.share),
          d.tags[s]?.tag ?? '',
          fmt(d.tags[s]?.f1, 2),
          fmt(p.funnel.buy_per_view),
          pct(p.funnel.buyer_share),
          fmt(jac[s]),
          fmt(d.silhouette.per_segment[s]?.mean),
          p.top_categories
            .slice(0, 3)
            .map((t) => `${t.id} (${fmt(t.lift, 1)}x)`)
            .join(', '),
        ]),
      ),
      '',
    );
    out.push(
      '### Tag rules',
      '',
      mdTable(
        ['segment', 'rule', 'precision', 'recall', 'F1'],
        d.tags.map((t) => [
          String(t.segment),
          ruleText(t),
          fmt(t.precision, 2),
          fmt(t.recall, 2),
          fmt(t.f1, 2),
        ]),
      ),
      '',
    );
    out.push(
      '### Typical sequences',
      '',
      mdTable(
        ['segment', 'user', 'first events'],
        d.typical.flatMap((list, s) => list.map((t) => [String(s), t.user, t.tokens.join(' ')])),
      ),
      '',
    );
    if (d.contingency)
      out.push(
        '### Agreement with the truth',
        '',
        mdTable(
          ['truth \\ segment', ...d.contingency.segments.map((s) => (s < 0 ? 'noise' : String(s)))],
          d.contingency.counts.map((row, i) => [String(d.contingency!.truth[i]), ...row.map(String)]),
        ),
        '',
      );
  } else out.push('No winner.', '');
  out.push('## Reproducibility', '', mdTable(['setting', 'value'], settingRows(r)), '');
  out.push(
    mdTable(
      ['input file', 'sha256', 'bytes'],
      r.reproducibility.inputs.map((i) => [i.path, i.sha256, String(i.bytes)]),
    ),
    '',
  );
  out.push('```json', JSON.stringify(r.reproducibility.config, null, 2), '```', '');
  return out.join('\n');
}
