/**
 * The sequence-level cleaning rules, in order: bot-like sequences, sessionization, length limits,
 * truncation. Each is counted for the cleaning report.
 */
import { type BotRule, botMask } from './bot-filter.js';
import type { CleaningReport } from './cleaning-report.js';
import { lengthMask } from './length-filter.js';
import { selectSequences } from './sequence-ranges.js';
import type { SequenceSet } from './sequence-set.js';
import { sessionize } from './sessionize.js';
import { truncateSequences } from './truncate-sequences.js';

export interface SequenceRules {
  bots: BotRule | null;
  /** Split into sessions at this gap; undefined: keep the sequences as they are. */
  sessionGapSeconds: number | undefined;
  minLength: number;
  maxLength: number | undefined;
  lastN: number | undefined;
}

type SequenceReport = Pick<CleaningReport, 'bots' | 'sessions' | 'length' | 'truncated'>;

/** Apply the rules; vocabularies stay those of `seqs` (codes of dropped items remain valid). */
export function finishSequences(
  seqs: SequenceSet,
  rules: SequenceRules,
): { sequences: SequenceSet; report: SequenceReport } {
  let out = seqs;
  const bots: SequenceReport['bots'] = {
    sequences: 0,
    events: 0,
    firstKeys: [],
    maxEventsPerMinute: rules.bots?.maxEventsPerMinute ?? null,
    maxEventsPerDay: rules.bots?.maxEventsPerDay ?? null,
  };
  if (rules.bots !== null) {
    const bot = botMask(out, rules.bots);
    const keep = new Uint8Array(bot.length);
    for (let s = 0; s < bot.length; s++) {
      keep[s] = bot[s] ? 0 : 1;
      if (!bot[s]) continue;
      bots.sequences++;
      bots.events += out.offsets[s + 1] - out.offsets[s];
      if (bots.firstKeys.length < 5) bots.firstKeys.push(out.users[s]);
    }
    if (bots.sequences > 0) out = selectSequences(out, keep);
  }
  let sessions: SequenceReport['sessions'] = null;
  if (rules.sessionGapSeconds !== undefined) {
    const gapSeconds = rules.sessionGapSeconds;
    const before = out.users.length;
    out = sessionize(out, { gapSeconds });
    sessions = { gapSeconds, fromSequences: before, sessions: out.users.length };
  }
  const maxLength = rules.maxLength ?? Number.POSITIVE_INFINITY;
  const length: SequenceReport['length'] = {
    minLength: rules.minLength,
    maxLength: rules.maxLength ?? null,
    tooShort: { sequences: 0, events: 0 },
    tooLong: { sequences: 0, events: 0 },
  };
  const keep = lengthMask(out, rules.minLength, maxLength);
  if (keep.includes(0)) {
    for (let s = 0; s < keep.length; s++) {
      if (keep[s]) continue;
      const len = out.offsets[s + 1] - out.offsets[s];
      const bucket = len < rules.minLength ? length.tooShort : length.tooLong;
      bucket.sequences++;
      bucket.events += len;
    }
    out = selectSequences(out, keep);
  }
  const truncated: SequenceReport['truncated'] = { lastN: rules.lastN ?? null, sequences: 0, events: 0 };
  if (rules.lastN !== undefined) {
    for (let s = 0; s + 1 < out.offsets.length; s++) {
      const extra = out.offsets[s + 1] - out.offsets[s] - rules.lastN;
      if (extra > 0) {
        truncated.sequences++;
        truncated.events += extra;
      }
    }
    out = truncateSequences(out, rules.lastN);
  }
  return { sequences: out, report: { bots, sessions, length, truncated } };
}
