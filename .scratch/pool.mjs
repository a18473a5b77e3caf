import * as tf from '@tensorflow/tfjs-core';
import { TransformerEncoder } from '../dist/src/encode/transformer.js';
import { KMeans } from '../dist/src/cluster/kmeans.js';
import { contingency } from '../dist/src/metrics/contingency.js';
import { adjustedRand } from '../dist/src/metrics/rand.js';
import { generateSequences } from '../dist/src/data/generate.js';
import { transformerHidden } from '../dist/src/encode/transformer-model.js';
import { gatherWindows } from '../dist/src/encode/transformer-masking.js';
import { tokenizeWindows } from '../dist/src/encode/transformer-windows.js';
import { orderOnlySequences } from '../dist/test/encode/order-only-fixture.js';
const [which, objective, epochs, lr, users] = [process.argv[2], process.argv[3], +process.argv[4], +process.argv[5], +process.argv[6] || 400];
const K = 2;
let seqs, truth;
if (which === 'mine') ({ seqs, truth } = orderOnlySequences({ users, segments: K, length: 30, categories: 8, itemsPerCategory: 10, seed: 3 }));
else { const g = generateSequences({ users, segments: K, difficulty: 'order-only', seed: 3, items: 300, categories: 12 }); seqs = g.sequences; truth = g.truth.segment; }
const ari = async (data, d) => { const km = await new KMeans({ k: K, seed: 1, nInit: 5 }).fit({ rows: truth.length, cols: d, data }); return adjustedRand(contingency(truth, km.labels)).toFixed(3); };
const t0 = performance.now();
const enc = new TransformerEncoder({ objective, dim: 32, heads: 2, epochs, batchSize: 32, maxLen: 50, learningRate: lr, seed: 1 });
await enc.fit(seqs);
console.log('fit s', ((performance.now() - t0) / 1000).toFixed(1), 'losses', enc.losses.map((l) => l.toFixed(2)).join(' '));
const { params, vocab } = enc.model;
const w = tokenizeWindows(seqs, vocab, 50);
const rows = Int32Array.from({ length: w.count }, (_, i) => i);
const batch = gatherWindows(w, rows);
const H = tf.tidy(() => transformerHidden(params, batch, objective === 'masked' ? 'bidirectional' : 'causal')).dataSync();
const D = 32, L = 50, n = w.count;
const mean = new Float32Array(n * D), cen = new Float32Array(n * D);
const C = vocab.categories.length + 1; const cs = new Float64Array(C * D), cc = new Float64Array(C);
for (let s = 0; s < n; s++) for (let p = 0; p < w.lengths[s]; p++) { const c = w.categories[s * L + p]; cc[c]++; for (let d = 0; d < D; d++) cs[c * D + d] += H[(s * L + p) * D + d]; }
for (let s = 0; s < n; s++) { const len = w.lengths[s]; for (let p = 0; p < len; p++) { const c = w.categories[s * L + p]; for (let d = 0; d < D; d++) { const h = H[(s * L + p) * D + d]; mean[s * D + d] += h / len; cen[s * D + d] += (h - cs[c * D + d] / cc[c]) / len; } } }
console.log(which, objective, 'mean ARI', await ari(mean, D), 'category-centered ARI', await ari(cen, D));
