/**
 * `segscope inspect`: read and clean an event log, then print what is in it (events, sequences,
 * items, categories, behavior mix, time span, length distribution) and the cleaning report.
 */
import type { CleaningReport } from '../data/cleaning-report.js';
import { loadSequences } from '../data/load.js';
import { type SequenceSummary, summarizeSequences } from '../data/sequence-summary.js';
import type { Command } from './command.js';
import { flag } from './flags.js';
import { LOAD_FLAGS, loadOptionsFromFlags } from './load-flags.js';
import { progressBar } from './progress-bar.js';

export const command: Command = {
  name: 'inspect',
  summary: 'read and clean an event log; print its counts and the cleaning report',
  flags: { ...LOAD_FLAGS, json: { type: 'boolean', description: 'print JSON instead of text' } },
  async run(flags, io) {
    const bar = progressBar(io);
    const { sequences, report } = await loadSequences({ ...loadOptionsFromFlags(flags), onProgress: bar });
    bar.done();
    const summary = summarizeSequences(sequences);
    if (flag.boolean(flags, 'json')) {
      const { length, ...counts } = summary;
      io.stdout.write(`${JSON.stringify({ ...counts, length, cleaning: report }, null, 2)}\n`);
    } else io.stdout.write(formatInspect(summary, report));
    return 0;
  },
};

const int = (n: number) => n.toLocaleString('en-US');
const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

/** The readable form of `inspect`'s output. */
export function formatInspect(s: SequenceSummary, r: CleaningReport): string {
  const lines: string[] = [];
  const row = (k: string, v: string) => lines.push(`${k.padEnd(12)}${v}`);
  row('file', `${r.file} (${r.format}, preset ${r.preset})`);
  row('events', int(s.n_events));
  row('sequences', `${int(s.n_sequences)} (keyed by ${r.keyedBy})`);
  row('items', int(s.n_items));
  row('categories', int(s.n_categories));
  const mix = Object.entries(s.behaviors)
    .filter(([, n]) => n > 0)
    .map(([b, n]) => `${b} ${int(n)} (${((100 * n) / Math.max(1, s.n_events)).toFixed(1)}%)`);
  row('behaviors', mix.join(', ') || '-');
  row('time span', s.time_span ? `${iso(s.time_span[0])} .. ${iso(s.time_span[1])}` : '-');
  const l = s.length;
  row(
    'length',
    l
      ? `min ${l.min}, p10 ${l.p10}, p25 ${l.p25}, median ${l.median}, p75 ${l.p75}, p90 ${l.p90}, max ${l.max}, mean ${l.mean.toFixed(1)}`
      : '-',
  );
  lines.push('', `cleaning: ${int(r.rowsRead)} rows read, ${int(r.eventsKept)} events kept`);
  const at = (first: number[]) => (first.length ? ` (first at line ${first.join(', ')})` : '');
  const rule = (what: string, n: number, detail = '') => {
    if (n > 0) lines.push(`  ${what}: ${int(n)}${detail}`);
  };
  for (const [field, c] of Object.entries(r.badRows.byField))
    rule(`broken rows, ${field} (${c.reason})`, c.count, at(c.firstLines));
  for (const [field, c] of Object.entries(r.missing))
    rule(
      `missing ${field} [${c.strategy}]`,
      c.count,
      `${at(c.firstLines)}: ${int(c.filled)} filled, ${int(c.dropped)} dropped`,
    );
  rule('exact duplicates dropped', r.duplicates.count, at(r.duplicates.firstLines));
  const values = Object.entries(r.unknownBehaviors.values)
    .map(([v, n]) => `${JSON.stringify(v)} ${int(n)}`)
    .join(', ');
  rule(
    `unknown behaviors [${r.unknownBehaviors.action}]`,
    r.unknownBehaviors.count,
    `${at(r.unknownBehaviors.firstLines)}: ${values}`,
  );
  if (r.outsideWindow.window)
    rule(
      `outside ${iso(r.outsideWindow.window[0])} .. ${iso(r.outsideWindow.window[1])}`,
      r.outsideWindow.count,
      at(r.outsideWindow.firstLines),
    );
  rule(
    'bot-like sequences dropped',
    r.bots.sequences,
    ` (${int(r.bots.events)} events; e.g. ${r.bots.firstKeys.join(', ')})`,
  );
  if (r.sessions)
    lines.push(
      `  sessions: ${int(r.sessions.fromSequences)} users split at ${r.sessions.gapSeconds} s gaps into ${int(r.sessions.sessions)} sessions`,
    );
  rule(
    `sequences shorter than ${r.length.minLength} dropped`,
    r.length.tooShort.sequences,
    ` (${int(r.length.tooShort.events)} events)`,
  );
  rule(
    `sequences longer than ${r.length.maxLength} dropped`,
    r.length.tooLong.sequences,
    ` (${int(r.length.tooLong.events)} events)`,
  );
  rule(
    `sequences truncated to the last ${r.truncated.lastN}`,
    r.truncated.sequences,
    ` (${int(r.truncated.events)} events)`,
  );
  return `${lines.join('\n')}\n`;
}
