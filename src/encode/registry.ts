/**
 * Encoders by name, the one place the CLI and the protocol turn `--encoder NAME` into an `Encoder`.
 * Options are a plain record (from flags or a config file); each factory validates its own and
 * throws RangeError naming the bad one. Heavy encoders load lazily.
 */
import type { Encoder } from './encoder.js';

export type EncoderOptions = Readonly<Record<string, unknown>>;
export type EncoderFactory = (options: EncoderOptions) => Promise<Encoder>;

const FACTORIES = new Map<string, EncoderFactory>([
  ['tfidf', async (o) => new (await import('./tfidf.js')).TfidfEncoder(o)],
  ['counts', async (o) => new (await import('./tfidf.js')).TfidfEncoder({ ...o, counts: true })],
  ['stats', async (o) => new (await import('./stats.js')).StatsEncoder(o)],
  ['item2vec', async (o) => new (await import('./item2vec.js')).Item2VecEncoder(o)],
  ['text', async (o) => new (await import('./text-embedding.js')).TextEmbeddingEncoder(o)],
]);

/** Register (or replace) an encoder factory under `name`. */
export function registerEncoder(name: string, factory: EncoderFactory): void {
  FACTORIES.set(name, factory);
}

/** Names of the registered encoders, in registration order. */
export function encoderNames(): string[] {
  return [...FACTORIES.keys()];
}

/**
 * A new, unfitted encoder by name.
 * @throws RangeError for an unknown name (listing the known ones) or a bad option.
 * @example const enc = await createEncoder('tfidf', { dim: 32, seed: 1 });
 */
export async function createEncoder(name: string, options: EncoderOptions = {}): Promise<Encoder> {
  const factory = FACTORIES.get(name);
  if (factory === undefined) throw new RangeError(`createEncoder: unknown encoder "${name}" (known: ${encoderNames().join(', ')})`);
  return factory(options);
}
