/**
 * The versions of the history log a protocol run fits every candidate on: the full history, the
 * stability subsamples and the null logs. Each is derived from the protocol seed and its own name
 * only (seedFor), so a resumed run rebuilds exactly the same variant.
 */
import { selectSequences } from '../data/sequence-ranges.js';
import type { SequenceSet } from '../data/sequence-set.js';
import { randomSource, shuffleInPlace } from '../util/random.js';
import { seedFor } from '../util/seed-for.js';
import { type NullKind, nullLog } from './null-logs.js';
import type { ProtocolConfig } from './protocol-config.js';

export type Variant = { name: 'full' } | { name: string; kind: 'subsample'; index: Int32Array } | { name: string; kind: 'null'; nullKind: NullKind; replicate: number };

/** All variant descriptors of a run (subsample indices sorted and distinct; null logs built lazily). */
export function protocolVariants(n: number, config: ProtocolConfig): Variant[] {
  const out: Variant[] = [{ name: 'full' }];
  const size = Math.max(2, Math.round(n * config.subsampleFraction));
  for (let r = 0; r < config.resamples; r++) {
    const perm = shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), randomSource(seedFor(config.seed, 'subsample', r)));
    out.push({ name: `sub${r}`, kind: 'subsample', index: perm.slice(0, Math.min(n, size)).sort() });
  }
  for (const nullKind of config.nullKinds) {
    for (let j = 0; j < config.nullReplicates; j++) out.push({ name: `null-${nullKind}-${j}`, kind: 'null', nullKind, replicate: j });
  }
  return out;
}

/** The sequences of a variant. */
export function variantSequences(history: SequenceSet, variant: Variant, seed: number): SequenceSet {
  if (!('kind' in variant)) return history;
  if (variant.kind === 'subsample') {
    const keep = new Uint8Array(history.users.length);
    for (const i of variant.index) keep[i] = 1;
    return selectSequences(history, keep);
  }
  return nullLog(history, variant.nullKind, randomSource(seedFor(seed, 'null', variant.nullKind, variant.replicate)));
}
