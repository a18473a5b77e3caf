/**
 * The protocol's temporal holdout: the log is cut at one time; candidates are fit on the history
 * (every user with at least one event before the cutoff) and judged downstream on what those users
 * did after it. Users with no history are not segmented; users with history and no future count as
 * churned.
 */
import { selectSequences } from '../data/sequence-ranges.js';
import type { SequenceSet } from '../data/sequence-set.js';
import { temporalSplit } from '../data/temporal-split.js';
import { InputError } from '../util/errors.js';
import type { ProtocolConfig } from './protocol-config.js';

export interface Holdout {
  history: SequenceSet;
  future: SequenceSet;
  /** The global cutoff (unix s), or NaN for a per-sequence leave-last-k split. */
  cutoff: number;
  /** The rule used, for the record. */
  rule: Exclude<ProtocolConfig['cutoff'], 'auto'>;
}

/** The concrete holdout rule of a config on a log (`auto` resolved by what a sequence is). */
export function resolveCutoff(
  seqs: SequenceSet,
  cutoff: ProtocolConfig['cutoff'],
): Exclude<ProtocolConfig['cutoff'], 'auto'> {
  if (cutoff !== 'auto') return cutoff;
  return seqs.keyedBy === 'session' ? { leaveLastK: 2 } : { quantile: 0.2 };
}

/** The cutoff time of a global cutoff on a log: `{ time }` as is, `{ quantile: q }` at the last q of the time span. */
export function cutoffTime(seqs: SequenceSet, cutoff: { quantile: number } | { time: number }): number {
  if ('time' in cutoff) return cutoff.time;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const t of seqs.ts) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return hi - cutoff.quantile * (hi - lo);
}

/**
 * Split for the protocol.
 * @throws InputError (exit 2) when the cutoff leaves no future events, or fewer than 10 users with history.
 */
export function protocolHoldout(
  seqs: SequenceSet,
  cutoffSpec: ProtocolConfig['cutoff'],
  source = 'events',
): Holdout {
  const rule = resolveCutoff(seqs, cutoffSpec);
  const cutoff = 'leaveLastK' in rule ? Number.NaN : cutoffTime(seqs, rule);
  const { history, future } = temporalSplit(
    seqs,
    'leaveLastK' in rule ? { leaveLastK: rule.leaveLastK, keepEmpty: true } : { cutoff, keepEmpty: true },
  );
  const keep = new Uint8Array(history.users.length);
  let users = 0;
  for (let s = 0; s < keep.length; s++) {
    keep[s] = history.offsets[s + 1] > history.offsets[s] ? 1 : 0;
    users += keep[s];
  }
  const h = selectSequences(history, keep);
  const f = selectSequences(future, keep);
  const when =
    'leaveLastK' in rule
      ? `leaving the last ${rule.leaveLastK} events of each sequence out`
      : new Date(cutoff * 1000).toISOString();
  if (users < 10)
    throw new InputError(`the cutoff ${when} leaves ${users} users with history; at least 10 are needed`, {
      file: source,
      field: 'cutoff',
    });
  if (f.offsets[f.offsets.length - 1] === 0) {
    throw new InputError(
      `the cutoff ${when} leaves no future events among users with history: choose an earlier cutoff`,
      { file: source, field: 'cutoff' },
    );
  }
  return { history: h, future: f, cutoff, rule };
}
