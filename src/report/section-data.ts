/** Report section "Data": what was read, its time span, and what cleaning dropped or changed. */
import type { CleaningReport } from '../data/cleaning-report.js';
import type { ProtocolResults } from '../evaluate/results.js';
import { fmt } from './format.js';
import { para, section, table } from './html-table.js';

/** Rows of the cleaning report: [rule, count, detail]. Shared by the HTML and Markdown reports. */
export function cleaningRows(c: CleaningReport): string[][] {
  const lines = (x: { firstLines: number[] }) =>
    x.firstLines.length > 0 ? `first lines ${x.firstLines.join(', ')}` : '';
  const out: string[][] = [
    ['file', c.file, `${c.format}, preset ${c.preset}, keyed by ${c.keyedBy}`],
    ['rows read', fmt(c.rowsRead), ''],
    [
      'broken rows skipped',
      fmt(c.badRows.count),
      Object.entries(c.badRows.byField)
        .map(([f, v]) => `${f}: ${v.count} (${v.reason})`)
        .join('; '),
    ],
  ];
  for (const [field, m] of Object.entries(c.missing))
    out.push([
      `missing ${field}`,
      fmt(m.count),
      `${m.strategy}: ${m.filled} filled, ${m.dropped} dropped; ${lines(m)}`,
    ]);
  out.push(['duplicate events', fmt(c.duplicates.count), lines(c.duplicates)]);
  out.push([
    'unknown behaviors',
    fmt(c.unknownBehaviors.count),
    [
      c.unknownBehaviors.action,
      Object.entries(c.unknownBehaviors.values)
        .map(([v, n]) => `${v}: ${n}`)
        .join(', '),
    ]
      .filter(Boolean)
      .join('; '),
  ]);
  out.push([
    'outside the time window',
    fmt(c.outsideWindow.count),
    c.outsideWindow.window
      ? `window ${c.outsideWindow.window.map((t) => new Date(t * 1000).toISOString()).join(' – ')}`
      : 'no window',
  ]);
  out.push([
    'bot sequences',
    fmt(c.bots.sequences),
    `${fmt(c.bots.events)} events; limits ${c.bots.maxEventsPerMinute ?? '—'}/min, ${c.bots.maxEventsPerDay ?? '—'}/day${c.bots.firstKeys.length ? `; first ${c.bots.firstKeys.join(', ')}` : ''}`,
  ]);
  if (c.sessions)
    out.push([
      'sessions',
      fmt(c.sessions.sessions),
      `from ${fmt(c.sessions.fromSequences)} sequences, gap ${c.sessions.gapSeconds} s`,
    ]);
  out.push([
    'too short',
    fmt(c.length.tooShort.sequences),
    `${fmt(c.length.tooShort.events)} events (min length ${c.length.minLength})`,
  ]);
  out.push([
    'too long',
    fmt(c.length.tooLong.sequences),
    `${fmt(c.length.tooLong.events)} events (max length ${c.length.maxLength ?? '—'})`,
  ]);
  out.push([
    'truncated',
    fmt(c.truncated.sequences),
    `${fmt(c.truncated.events)} events (last ${c.truncated.lastN ?? '—'})`,
  ]);
  out.push(['events kept', fmt(c.eventsKept), `${fmt(c.rowsRead - c.eventsKept)} removed`]);
  out.push(['sequences kept', fmt(c.sequencesKept), '']);
  return out;
}

/** Rows of the counts table: [what, value]. */
export function countRows(r: ProtocolResults): string[][] {
  const d = r.dataset;
  const span = r.winner_details?.log_span;
  return [
    ['events', fmt(d.n_events)],
    ['sequences (users)', fmt(d.n_sequences)],
    ['items', fmt(d.n_items)],
    ['categories', fmt(d.n_categories)],
    [
      'time span',
      span?.first_iso
        ? `${span.first_iso} – ${span.last_iso} (${fmt((span.last - span.first) / 86400, 1)} days)`
        : '—',
    ],
    ['holdout cutoff', r.protocol.cutoff_iso],
    ['users in history (clustered)', fmt(d.n_history_users)],
    ['users active after the cutoff', fmt(d.n_future_users)],
  ];
}

export function dataSection(r: ProtocolResults): string {
  const cleaning = r.dataset.cleaning;
  return section(
    'data',
    'Data',
    table(['', 'value'], countRows(r), 'kv') +
      (cleaning
        ? `<h3>Cleaning report</h3>${table(['rule', 'count', 'detail'], cleaningRows(cleaning))}`
        : para('No cleaning report: the sequences were given in memory, not read from a file.')),
  );
}
