/**
 * Encoders by name, the one place the CLI and the protocol turn `--encoder NAME` into an `Encoder`.
 * Options are a plain record (from flags or a config file). An entry may list the option names it
 * takes; then `createEncoder` rejects any other name (a typo must not be silently ignored). Each
 * encoder validates its option values and throws RangeError naming the bad one. Heavy encoders
 * load lazily.
 */
import type { Encoder } from './encoder.js';
import { DEFAULT_ITEM2VEC_OPTIONS } from './item2vec.js';
import { DEFAULT_EMBEDDINGS_ENDPOINT_OPTIONS } from './embeddings-endpoint.js';
import { DEFAULT_PRECOMPUTED_OPTIONS } from './precomputed.js';
import { DEFAULT_STATS_OPTIONS } from './stats.js';
import { DEFAULT_TEXT_EMBEDDING_OPTIONS } from './text-embedding.js';
import { DEFAULT_TFIDF_OPTIONS } from './tfidf.js';

export type EncoderOptions = Readonly<Record<string, unknown>>;
export type EncoderFactory = (options: EncoderOptions) => Promise<Encoder>;

interface Entry {
  factory: EncoderFactory;
  /** Option names the encoder takes; undefined = not checked. */
  optionNames?: readonly string[];
}

const ENTRIES = new Map<string, Entry>([
  [
    'tfidf',
    {
      factory: async (o) => new (await import('./tfidf.js')).TfidfEncoder(o),
      optionNames: Object.keys(DEFAULT_TFIDF_OPTIONS),
    },
  ],
  [
    'counts',
    {
      factory: async (o) => new (await import('./tfidf.js')).TfidfEncoder({ ...o, counts: true }),
      optionNames: Object.keys(DEFAULT_TFIDF_OPTIONS).filter((k) => k !== 'counts'),
    },
  ],
  [
    'stats',
    {
      factory: async (o) => new (await import('./stats.js')).StatsEncoder(o),
      optionNames: Object.keys(DEFAULT_STATS_OPTIONS),
    },
  ],
  [
    'item2vec',
    {
      factory: async (o) => new (await import('./item2vec.js')).Item2VecEncoder(o),
      optionNames: Object.keys(DEFAULT_ITEM2VEC_OPTIONS),
    },
  ],
  [
    'text',
    {
      factory: async (o) => new (await import('./text-embedding.js')).TextEmbeddingEncoder(o),
      optionNames: [
        ...Object.keys(DEFAULT_TEXT_EMBEDDING_OPTIONS),
        ...Object.keys(DEFAULT_EMBEDDINGS_ENDPOINT_OPTIONS),
        'url',
        'model',
        'key',
        'itemNames',
        'categoryNames',
      ],
    },
  ],
  [
    'precomputed',
    {
      factory: async (o) => new (await import('./precomputed.js')).PrecomputedEncoder(o),
      optionNames: ['path', 'usersPath', ...Object.keys(DEFAULT_PRECOMPUTED_OPTIONS)],
    },
  ],
  ['transformer', { factory: async (o) => new (await import('./transformer.js')).TransformerEncoder(o) }],
]);

/** Register (or replace) an encoder factory under `name`, optionally with the option names it takes. */
export function registerEncoder(
  name: string,
  factory: EncoderFactory,
  optionNames?: readonly string[],
): void {
  ENTRIES.set(name, { factory, optionNames });
}

/** Names of the registered encoders, in registration order. */
export function encoderNames(): string[] {
  return [...ENTRIES.keys()];
}

/** The option names encoder `name` takes, or undefined when it does not say. */
export function encoderOptionNames(name: string): readonly string[] | undefined {
  return ENTRIES.get(name)?.optionNames;
}

/**
 * A new, unfitted encoder by name.
 * @throws RangeError for an unknown name (listing the known ones), an option the encoder does not
 *   take (listing the ones it does), or a bad option value.
 * @example const enc = await createEncoder('tfidf', { dim: 32, seed: 1 });
 */
export async function createEncoder(name: string, options: EncoderOptions = {}): Promise<Encoder> {
  const entry = ENTRIES.get(name);
  if (entry === undefined)
    throw new RangeError(`createEncoder: unknown encoder "${name}" (known: ${encoderNames().join(', ')})`);
  if (entry.optionNames !== undefined) {
    const unknown = Object.keys(options).filter((k) => !entry.optionNames!.includes(k));
    if (unknown.length > 0) {
      throw new RangeError(
        `createEncoder: ${name} does not take option(s) ${unknown.join(', ')} (it takes: ${entry.optionNames.join(', ')})`,
      );
    }
  }
  return entry.factory(options);
}
