/** Report section "The winner's segments": sizes, silhouette plot, maps, tags, profiles, stability, truth agreement. */
import type { ProtocolResults } from '../evaluate/results.js';
import type { SegmentBehaviorProfile } from '../evaluate/segment-profiles.js';
import type { WinnerDetails } from '../evaluate/winner-details.js';
import { barChart } from './chart-bar.js';
import { heatMap } from './chart-heatmap.js';
import { userMap } from './chart-map.js';
import { silhouettePlot } from './chart-silhouette.js';
import { esc, fmt, pct } from './format.js';
import { para, raw, row, section, swatch, table } from './html-table.js';
import { segmentColor } from './palette.js';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const FUNNEL = ['pv', 'cart', 'fav', 'buy'] as const;

/** Rule of a tag in words: `hours_16_20 >= 0.26 AND conversion < 0.01`. */
export function ruleText(t: WinnerDetails['tags'][number]): string {
  if (t.rule.length === 0) return 'every user';
  return t.rule
    .map(
      (a) =>
        `${a.feature === 'category_share' ? `share in ${a.categories?.join('/')}` : a.feature} ${a.direction === 'high' ? '>=' : '<'} ${fmt(a.threshold, 3)}`,
    )
    .join(' AND ');
}

function heat(p: SegmentBehaviorProfile, title: string): string {
  return heatMap({
    title,
    rows: WEEKDAYS,
    cols: Array.from({ length: 24 }, (_, h) => String(h)),
    values: WEEKDAYS.map((_, d) => p.heatmap.slice(d * 24, d * 24 + 24)),
    cell: 11,
    xLabel: 'hour of day (UTC)',
  });
}

function shares(list: SegmentBehaviorProfile['top_categories']): string {
  return table(
    ['id', 'events', 'share', 'lift'],
    list.map((t) => [t.id, fmt(t.count), pct(t.share), `${fmt(t.lift, 2)}x`]),
    'compact',
  );
}

function segmentCard(d: WinnerDetails, s: number, jaccard: number | undefined): string {
  const p = d.profiles[s];
  const tag = d.tags[s];
  const color = segmentColor(s);
  const funnel = barChart({
    title: 'Funnel: users with each behavior',
    labels: FUNNEL.map((b) => b),
    values: FUNNEL.map((b) => p.funnel.users[b]),
    colors: color,
    width: 270,
    valueText: (v) => `${fmt(v)} (${pct(v / Math.max(1, p.users), 0)})`,
  });
  const typical = d.typical[s].map((t) => [
    t.user,
    fmt(t.events),
    raw(`<code>${esc(t.tokens.join(' '))}</code>`),
  ]);
  return (
    `<div class="card" id="segment-${s}" style="border-left-color:${color}"><h3>${swatch(color)}Segment ${s}: ${esc(tag?.tag ?? '')}</h3>` +
    `<p>${fmt(p.users)} users (${pct(p.share)}), ${fmt(p.events)} events; buy per view ${fmt(p.funnel.buy_per_view)} (all users ${fmt(d.population.funnel.buy_per_view)}); cart per view ${fmt(p.funnel.cart_per_view)}; buyers ${pct(p.funnel.buyer_share)}; stability (Jaccard) ${fmt(jaccard)}; tag F1 ${fmt(tag?.f1, 2)}.</p>` +
    row(funnel, heat(p, 'When: events by weekday and hour')) +
    `<div class="row"><div><h4>Top categories (lift vs all users)</h4>${shares(p.top_categories)}</div><div><h4>Top items</h4>${shares(p.top_items)}</div></div>` +
    `<h4>Typical sequences (closest to the segment center, first events as category:behavior)</h4>${table(['user', 'events', 'sequence'], typical, 'compact')}</div>`
  );
}

export function segmentsSection(r: ProtocolResults): string {
  const d = r.winner_details;
  if (!d) return section('segments', "The winner's segments", para('No winner: no segment details.'));
  const w = r.candidates.find((c) => c.id === d.candidate);
  const k = d.sizes.length;
  const segs = Array.from({ length: k }, (_, s) => s);
  const sizes = barChart({
    title: 'Segment sizes (users)',
    labels: [...segs.map((s) => `segment ${s}`), ...(d.noise > 0 ? ['noise'] : [])],
    values: [...d.sizes, ...(d.noise > 0 ? [d.noise] : [])],
    colors: [...segs.map(segmentColor), ...(d.noise > 0 ? [segmentColor(-1)] : [])],
    valueText: (v) => fmt(v),
  });
  const sil = silhouettePlot(d.silhouette.per_segment, {
    title: `Silhouette plot in the behavior space (${fmt(d.silhouette.sample)} sampled users)`,
    mean: d.silhouette.mean,
  });
  const maps = d.maps.map((m) =>
    userMap(
      m,
      m.method === 'pca'
        ? {
            title: `PCA map of the behavior space (${fmt(m.points)} users)`,
            xLabel: `PC1 (${pct(m.explained?.[0])} of variance)`,
            yLabel: `PC2 (${pct(m.explained?.[1])})`,
          }
        : {
            title: `t-SNE map (${fmt(m.points)} sampled users, perplexity 30)`,
            xLabel: 't-SNE 1',
            yLabel: 't-SNE 2',
          },
    ),
  );
  const legend = `<p class="legend">${segs.map((s) => `${swatch(segmentColor(s))}${s}`).join(' ')}${d.noise > 0 ? ` ${swatch(segmentColor(-1))}noise` : ''}</p>`;
  const tags = table(
    ['segment', 'tag', 'rule', 'selected', 'precision', 'recall', 'F1'],
    d.tags.map((t) => [
      raw(`${swatch(segmentColor(t.segment))}${t.segment}`),
      t.tag,
      ruleText(t),
      fmt(t.selected),
      fmt(t.precision, 2),
      fmt(t.recall, 2),
      fmt(t.f1, 2),
    ]),
  );
  const jac = w?.facets.stability.per_cluster_jaccard ?? [];
  const contingency = d.contingency
    ? heatMap({
        title: 'Agreement with the truth: users per truth class (rows) and segment (columns)',
        rows: d.contingency.truth.map((t) => `truth ${t}`),
        cols: d.contingency.segments.map((s) => (s < 0 ? 'noise' : String(s))),
        colColors: d.contingency.segments.map(segmentColor),
        values: d.contingency.counts,
        cellText: d.contingency.segments.length <= 16 ? (v) => String(v) : undefined,
        cell: d.contingency.segments.length <= 16 ? 34 : 14,
        xLabel: 'segment',
      })
    : '';
  return section(
    'segments',
    "The winner's segments",
    para(
      `Segments of ${d.candidate}. Geometry below (silhouette plot, maps, typical users) is measured in the common behavior space (activity features and category shares), where every candidate was judged; the winner's own embedding is not kept after fitting.`,
    ) +
      row(sizes, sil) +
      legend +
      row(...maps) +
      `<h3>Tags</h3>${para('Each tag states a rule on per-user features; precision, recall and F1 of the rule for segment membership over all users measure how faithful the tag is.')}${tags}` +
      `<h3>Population</h3>${row(heat(d.population, 'All users: events by weekday and hour'))}` +
      `<h3>Segment profiles</h3><div class="cards">${segs.map((s) => segmentCard(d, s, jac[s])).join('')}</div>` +
      (contingency ? `<h3>Agreement with the truth</h3>${contingency}` : ''),
  );
}
