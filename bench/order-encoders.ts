/**
 * Which encoders see order: ARI of k-means (k = planted segments) on each encoder's vectors of one
 * generated log whose segments differ only in order (`order-phase` by default), with wall and CPU
 * seconds of fit + transform. No peer: the numbers are the point, the times say what they cost.
 * Usage: node dist/bench/index.js order-encoders [users] [kind] [segments] [first encoder row]
 */
import { KMeans } from '../src/cluster/kmeans.js';
import { generateSequences } from '../src/data/generate.js';
import { GENERATE_KINDS, type GenerateKind } from '../src/data/generate-options.js';
import { createEncoder } from '../src/encode/registry.js';
import { TRANSFORMER_ORDER_AWARE } from '../src/encode/transformer-options.js';
import { contingency } from '../src/metrics/contingency.js';
import { adjustedRand } from '../src/metrics/rand.js';

const LOG = { items: 2000, categories: 120, seed: 7 };
/** Encoders compared: label, registry name, options (seed 1 wherever there is randomness). */
const ENCODERS: [string, string, Record<string, unknown>][] = [
  ['transformer (causal, last)', 'transformer', { ...TRANSFORMER_ORDER_AWARE, seed: 1 }],
  ['transformer (causal, mean)', 'transformer', { ...TRANSFORMER_ORDER_AWARE, pooling: 'mean', seed: 1 }],
  [
    'transformer (masked, mean)',
    'transformer',
    { ...TRANSFORMER_ORDER_AWARE, objective: 'masked', pooling: 'mean', seed: 1 },
  ],
  ['tfidf (default: + bigrams)', 'tfidf', { seed: 1 }],
  ['tfidf (bag, ngramMax 1)', 'tfidf', { ngramMax: 1, seed: 1 }],
  ['counts (default)', 'counts', { seed: 1 }],
  ['stats', 'stats', {}],
  ['item2vec', 'item2vec', { seed: 1 }],
];

export async function run(argv: readonly string[] = []): Promise<void> {
  const users = Number(argv[0] ?? 2000);
  const kind = (argv[1] ?? 'order-phase') as GenerateKind;
  const segments = Number(argv[2] ?? 2);
  if (!GENERATE_KINDS.includes(kind)) throw new RangeError(`order-encoders: unknown kind "${kind}"`);
  const { sequences, truth } = generateSequences({ users, segments, difficulty: kind, ...LOG });
  console.log(
    `${kind}: ${users} users, ${segments} segments, ${LOG.items} items, ${LOG.categories} categories, log seed ${LOG.seed}, ${sequences.items.length} events`,
  );
  console.log('encoder                      ARI     wall s   cpu s');
  const first = Number(argv[3] ?? 0);
  for (const [label, name, options] of ENCODERS.slice(first)) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const encoder = await createEncoder(name, options);
    await encoder.fit(sequences);
    const X = await encoder.transform(sequences);
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - wall) / 1000;
    const km = await new KMeans({ k: segments, seed: 1, nInit: 5 }).fit(X);
    const ari = adjustedRand(contingency(truth.segment, km.labels));
    console.log(
      `${label.padEnd(28)} ${ari.toFixed(3).padStart(6)}  ${seconds.toFixed(1).padStart(7)}  ${((used.user + used.system) / 1e6).toFixed(1).padStart(6)}`,
    );
    (encoder as { dispose?: () => void }).dispose?.();
  }
}
