import { TransformerEncoder } from '../dist/src/encode/transformer.js';
import { TfidfEncoder } from '../dist/src/encode/tfidf.js';
import { KMeans } from '../dist/src/cluster/kmeans.js';
import { contingency } from '../dist/src/metrics/contingency.js';
import { adjustedRand } from '../dist/src/metrics/rand.js';
import { generateSequences } from '../dist/src/data/generate.js';
const [users, items, categories, epochs] = process.argv.slice(2).map(Number);
const K = 2;
const g = generateSequences({ users, segments: K, difficulty: 'order-only', seed: 3, items, categories });
const seqs = g.sequences, truth = g.truth.segment;
console.log('events', seqs.items.length, 'items', seqs.itemVocab.length);
const ari = async (X) => { const km = await new KMeans({ k: K, seed: 1, nInit: 5 }).fit(X); return adjustedRand(contingency(truth, km.labels)).toFixed(3); };
for (const o of [{}, { counts: true }, { dim: 0 }]) { const e = await new TfidfEncoder({ seed: 1, ...o }).fit(seqs); console.log('tfidf', JSON.stringify(o), await ari(await e.transform(seqs))); }
const t0 = performance.now();
const enc = new TransformerEncoder({ objective: 'causal', dim: 32, heads: 2, epochs, batchSize: 32, maxLen: 50, learningRate: 0.01, seed: 1 });
await enc.fit(seqs);
console.log('causal ARI', await ari(await enc.transform(seqs)), enc.losses.map((l) => l.toFixed(2)).join(' '), ((performance.now() - t0) / 1000).toFixed(1), 's');
