import { TransformerEncoder } from '../dist/src/encode/transformer.js';
import { TfidfEncoder } from '../dist/src/encode/tfidf.js';
import { KMeans } from '../dist/src/cluster/kmeans.js';
import { contingency } from '../dist/src/metrics/contingency.js';
import { adjustedRand } from '../dist/src/metrics/rand.js';
import { generateSequences } from '../dist/src/data/generate.js';
import { orderOnlySequences } from '../dist/test/encode/order-only-fixture.js';
const which = process.argv[2] || 'mine';
const K = 2;
let seqs, truth;
if (which === 'mine') ({ seqs, truth } = orderOnlySequences({ users: 400, segments: K, length: 30, categories: 8, itemsPerCategory: 10, seed: 3 }));
else { const g = generateSequences({ users: 400, segments: K, difficulty: 'order-only', seed: 3 }); seqs = g.sequences; truth = g.truth.segment; console.log('events', seqs.items.length, 'items', seqs.itemVocab.length); }
const ari = async (X) => { const km = await new KMeans({ k: K, seed: 1, nInit: 5 }).fit(X); return adjustedRand(contingency(truth, km.labels)); };
const tf = await new TfidfEncoder({ seed: 1 }).fit(seqs); console.log('tfidf ARI', (await ari(await tf.transform(seqs))).toFixed(3));
for (const objective of ['masked', 'causal']) {
  const t0 = performance.now();
  const enc = new TransformerEncoder({ objective, dim: 32, heads: 2, epochs: +process.argv[3] || 8, batchSize: 32, maxLen: 50, learningRate: +process.argv[4] || 0.01, seed: 1 });
  await enc.fit(seqs);
  const X = await enc.transform(seqs);
  console.log(objective, 'ARI', (await ari(X)).toFixed(3), 'losses', enc.losses.map((l) => l.toFixed(2)).join(' '), ((performance.now() - t0) / 1000).toFixed(1), 's');
}
