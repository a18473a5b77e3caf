/**
 * The versions of the history log a protocol run fits every candidate on: the full history, the
 * stability subsamples and the null logs. Each is derived from the protocol seed and its own name
 * only (seedFor), so a resumed run rebuilds exactly the same variant. On a log with more than
 * `rerunUsers` users, a stability subsample has at most that many users, and the null logs are all
 * built from one seeded subsample of that size (`index`). That subsample, unshuffled, is then one
 * more variant, `null-base`: the candidate refit on it is what the null logs are compared with (the
 * null facet's `real`), so both sides of the gap are fit on the same number of users, with the same
 * bounds, and scored on the same users' future; only the structure a null log removes differs.
 */
import type { SequenceSet } from '../data/sequence-set.js';
import { randomSource } from '../util/random.js';
import { seedFor } from '../util/seed-for.js';
import { type NullKind, nullLog } from './null-logs.js';
import type { ProtocolConfig } from './protocol-config.js';
import { sampleSequences, userSample } from './user-sample.js';

export type Variant =
  | { name: 'full' }
  | { name: string; kind: 'subsample'; index: Int32Array }
  | { name: string; kind: 'null'; nullKind: NullKind; replicate: number; index?: Int32Array }
  | { name: typeof NULL_BASE; kind: 'null-base'; index: Int32Array };

/** Name of the variant that is the null logs' users with nothing removed (only on a log above `rerunUsers`). */
export const NULL_BASE = 'null-base';

type VariantConfig = Pick<
  ProtocolConfig,
  'seed' | 'resamples' | 'subsampleFraction' | 'nullKinds' | 'nullReplicates' | 'rerunUsers'
>;

/** All variant descriptors of a run (subsample indices sorted and distinct; null logs built lazily). */
export function protocolVariants(n: number, config: VariantConfig): Variant[] {
  const out: Variant[] = [{ name: 'full' }];
  const size = Math.min(config.rerunUsers, Math.max(2, Math.round(n * config.subsampleFraction)));
  for (let r = 0; r < config.resamples; r++) {
    out.push({
      name: `sub${r}`,
      kind: 'subsample',
      index: userSample(n, size, randomSource(seedFor(config.seed, 'subsample', r))),
    });
  }
  const index = nullUsers(n, config);
  if (index !== undefined && config.nullKinds.length > 0 && config.nullReplicates > 0)
    out.push({ name: NULL_BASE, kind: 'null-base', index });
  for (const nullKind of config.nullKinds) {
    for (let j = 0; j < config.nullReplicates; j++)
      out.push({
        name: `null-${nullKind}-${j}`,
        kind: 'null',
        nullKind,
        replicate: j,
        ...(index ? { index } : {}),
      });
  }
  return out;
}

/** The history users every null log is built from: undefined (all) unless there are more than `rerunUsers`. */
export function nullUsers(
  n: number,
  config: Pick<ProtocolConfig, 'seed' | 'rerunUsers'>,
): Int32Array | undefined {
  return n > config.rerunUsers
    ? userSample(n, config.rerunUsers, randomSource(seedFor(config.seed, 'null-users')))
    : undefined;
}

/** The sequences of a variant. */
export function variantSequences(history: SequenceSet, variant: Variant, seed: number): SequenceSet {
  if (!('kind' in variant)) return history;
  if (variant.kind === 'subsample' || variant.kind === 'null-base')
    return sampleSequences(history, variant.index);
  const base = variant.index ? sampleSequences(history, variant.index) : history;
  return nullLog(
    base,
    variant.nullKind,
    randomSource(seedFor(seed, 'null', variant.nullKind, variant.replicate)),
  );
}
