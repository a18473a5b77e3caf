/**
 * Saving and restoring a fitted encoder as JSON-ready data (for `segscope export` and the service).
 * Encoders whose fitted state is small and plain (tfidf, counts, stats) can be saved; the others
 * (item2vec, transformer, text, precomputed) throw a RangeError naming the encoder.
 */
import type { Encoder } from './encoder.js';
import { createEncoder } from './registry.js';
import type { StatsEncoder, StatsFittedState } from './stats.js';
import type { TfidfEncoder, TfidfFittedState } from './tfidf.js';

export interface EncoderState {
  name: string;
  /** Constructor options as recorded (`encoder.params`, or the step params of results.json). */
  options: Record<string, unknown>;
  state: TfidfFittedState | StatsFittedState;
}

/** Encoder names whose fitted state `encoderState` can save. */
export const SAVABLE_ENCODERS = ['tfidf', 'counts', 'stats'] as const;

/**
 * The fitted state of `encoder`, built with `options` under registry name `name`.
 * @throws RangeError for an encoder whose state cannot be saved.
 * @example const s = encoderState('tfidf', { dim: 8 }, fitted); const again = await encoderFromState(s);
 */
export function encoderState(name: string, options: Record<string, unknown>, encoder: Encoder): EncoderState {
  if (name === 'tfidf' || name === 'counts')
    return { name, options, state: (encoder as TfidfEncoder).fittedState() };
  if (name === 'stats') return { name, options, state: (encoder as StatsEncoder).fittedState() };
  throw new RangeError(
    `encoderState: encoder "${name}" cannot be saved (savable: ${SAVABLE_ENCODERS.join(', ')})`,
  );
}

/** A fitted encoder from `encoderState`'s output. @throws RangeError for an unknown or unsavable encoder. */
export async function encoderFromState(s: EncoderState): Promise<Encoder> {
  const encoder = await createEncoder(s.name, s.options);
  if (s.name === 'tfidf' || s.name === 'counts')
    return (encoder as TfidfEncoder).restoreState(s.state as TfidfFittedState);
  if (s.name === 'stats') return (encoder as StatsEncoder).restoreState(s.state as StatsFittedState);
  throw new RangeError(
    `encoderFromState: encoder "${s.name}" cannot be restored (savable: ${SAVABLE_ENCODERS.join(', ')})`,
  );
}
