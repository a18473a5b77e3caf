/** Report section "Leaderboard": ranked table, forest plot of composites, Pareto scatter, tied group, paired tests. */
import { FACET_NAMES } from '../evaluate/composite.js';
import type { CandidateResult, ProtocolResults } from '../evaluate/results.js';
import { forestPlot } from './chart-forest.js';
import { scatterPlot } from './chart-scatter.js';
import { esc, fmt, idHtml, shortName } from './format.js';
import { para, raw, row, section, swatch, table } from './html-table.js';
import { RANK_COLORS } from './palette.js';

/** winner / tied / other, for colors and table marks. */
export function statusOf(r: ProtocolResults, c: CandidateResult): 'winner' | 'tied' | 'other' {
  return c.id === r.winner ? 'winner' : r.tied_with_winner.includes(c.id) ? 'tied' : 'other';
}

/** The leaderboard's columns, in the HTML and the Markdown card alike (ARI only with a truth). */
export function leaderboardColumns(hasTruth: boolean): string[] {
  return [
    'rank',
    'candidate',
    'k',
    'composite [95% CI]',
    ...FACET_NAMES,
    ...(hasTruth ? ['ARI (truth)'] : []),
    'Pareto',
  ];
}

/** The verdict in one paragraph (shared with Markdown). */
export function verdict(r: ProtocolResults): string {
  const w = r.candidates.find((c) => c.id === r.winner);
  if (!w) return 'No candidate could be scored; see the errors in results.json.';
  const runner = r.significance[0];
  const gap = runner
    ? w.composite.value - (r.candidates.find((c) => c.id === runner.other)?.composite.value ?? Number.NaN)
    : Number.NaN;
  const tied = r.tied_with_winner.length;
  return (
    `Winner: ${w.id} (${w.n_clusters} segments), composite ${fmt(w.composite.value)} [95% CI ${fmt(w.composite.ci_low)}, ${fmt(w.composite.ci_high)}]` +
    (runner
      ? `, ${fmt(gap)} ahead of the runner-up ${runner.other} (paired bootstrap p = ${fmt(runner.p_holm)} after Holm).`
      : '.') +
    (tied > 0
      ? ` ${tied} candidate${tied > 1 ? 's are' : ' is'} statistically tied with it at alpha ${r.protocol.alpha}.`
      : ` Every other candidate is significantly worse at alpha ${r.protocol.alpha}.`)
  );
}

export function leaderboardSection(r: ProtocolResults): string {
  const hasTruth = r.candidates.some((c) => c.facets.external);
  const rows = r.candidates.map((c) => {
    const s = statusOf(r, c);
    return [
      raw(`${swatch(RANK_COLORS[s])}${c.rank}${s === 'winner' ? ' ★' : s === 'tied' ? ' =' : ''}`),
      raw(
        `<span title="${esc(c.id)}">${idHtml(c.id)}</span>${c.error ? ` <em class="err">${esc(c.error)}</em>` : ''}`,
      ),
      String(c.n_clusters),
      `${fmt(c.composite.value)} [${fmt(c.composite.ci_low)}, ${fmt(c.composite.ci_high)}]`,
      ...FACET_NAMES.map((f) => fmt(c.scores[f])),
      ...(hasTruth ? [fmt(c.facets.external?.adjusted_rand)] : []),
      c.pareto ? 'yes' : '',
    ];
  });
  const forest = forestPlot(
    r.candidates.map((c) => ({
      label: `${c.rank}. ${shortName(c)}`,
      tooltip: c.id,
      value: c.composite.value,
      lo: c.composite.ci_low,
      hi: c.composite.ci_high,
      color: RANK_COLORS[statusOf(r, c)],
    })),
    {
      title: 'Composite score with 95% bootstrap interval',
      xLabel: 'composite (weighted geometric mean of facet scores)',
    },
  );
  const pareto = scatterPlot(
    r.candidates.map((c) => ({
      x: c.scores.behavior,
      y: c.scores.stability,
      color: RANK_COLORS[statusOf(r, c)],
      highlight: c.pareto,
      tooltip: `${c.id}: behavior ${fmt(c.scores.behavior)}, stability ${fmt(c.scores.stability)}${c.pareto ? ' (Pareto front)' : ''}`,
      ...(c.rank <= 3 ? { label: String(c.rank) } : {}),
    })),
    {
      title: 'Pareto view: behavior vs stability (outlined: on the front over all facets)',
      xLabel: 'behavior score',
      yLabel: 'stability score',
      width: 520,
    },
  );
  const tests = r.significance.map((s) => [
    raw(idHtml(s.other)),
    fmt(s.p_value),
    fmt(s.p_holm),
    s.tied ? 'tied' : 'worse',
  ]);
  const legend = `<p class="legend">${swatch(RANK_COLORS.winner)}winner ${swatch(RANK_COLORS.tied)}tied with the winner ${swatch(RANK_COLORS.other)}significantly worse / not tested</p>`;
  return section(
    'leaderboard',
    'Leaderboard',
    `<p class="verdict">${esc(verdict(r))}</p>` +
      table(leaderboardColumns(hasTruth), rows, 'board') +
      legend +
      row(forest, pareto) +
      `<h3>Tied group</h3>${para(r.tied_with_winner.length > 0 ? `Not significantly different from the winner: ${r.tied_with_winner.join(', ')}.` : 'No candidate is tied with the winner.')}` +
      `<h3>Paired tests against the winner</h3>${para(`Paired bootstrap over users (${r.protocol.bootstrap} replicates), Holm-corrected; tied when p_holm >= ${r.protocol.alpha}.`)}` +
      (tests.length > 0
        ? table(['candidate', 'p', 'p (Holm)', 'verdict'], tests)
        : para('No other candidate to test.')),
  );
}
