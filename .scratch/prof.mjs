import * as tf from '@tensorflow/tfjs-core';
import { useTensorBackend } from '/work/wt/transformer/dist/src/encode/transformer-backend.js';
import { initTransformerParams } from '/work/wt/transformer/dist/src/encode/transformer-params.js';
import { transformerHidden } from '/work/wt/transformer/dist/src/encode/transformer-model.js';
import { itemPredictionLoss } from '/work/wt/transformer/dist/src/encode/transformer-loss.js';
import { maskedItemBatch } from '/work/wt/transformer/dist/src/encode/transformer-masking.js';
import { negativeSampler } from '/work/wt/transformer/dist/src/encode/transformer-negatives.js';
import { buildTokenVocab, tokenCount } from '/work/wt/transformer/dist/src/encode/transformer-vocab.js';
import { tokenizeWindows } from '/work/wt/transformer/dist/src/encode/transformer-windows.js';
import { randomSource } from '/work/wt/transformer/dist/src/util/random.js';
import { orderOnlySequences } from '/work/wt/transformer/dist/test/encode/order-only-fixture.js';
await useTensorBackend(process.argv[2] || 'wasm');
const { seqs } = orderOnlySequences({ users: 512, segments: 2, length: 50, categories: 40, itemsPerCategory: 50, seed: 1 });
const vocab = buildTokenVocab(seqs); const w = tokenizeWindows(seqs, vocab, 50);
const params = initTransformerParams({ tokens: tokenCount(vocab), categories: vocab.categories.length + 1, maxLen: 50, dim: 64, heads: 2, layers: 1, ffnDim: 256 }, randomSource(1));
const opt = tf.train.adam(1e-3);
const rnd = randomSource(2);
const rows = Int32Array.from({ length: 128 }, (_, i) => i);
const loss = { kind: process.argv[3] || 'full', negatives: 256, sampler: negativeSampler(vocab.counts, 'uniform') };
const step = () => { const batch = maskedItemBatch(w, rows, 0.2, rnd); const c = opt.minimize(() => itemPredictionLoss(params, transformerHidden(params, batch, 'bidirectional'), batch, loss, rnd), true, params.list); c.dataSync(); c.dispose(); };
step(); step();
let t = performance.now(); for (let i = 0; i < 3; i++) step(); console.log('ms/step', ((performance.now() - t) / 3).toFixed(0));
const prof = await tf.profile(() => { step(); });
const agg = new Map();
for (const k of prof.kernels) { const ms = await k.kernelTimeMs; const key = k.name + ' ' + JSON.stringify(k.inputShapes); const a = agg.get(key) ?? [0, 0]; a[0] += typeof ms === 'number' ? ms : 0; a[1]++; agg.set(key, a); }
const byName = new Map(); for (const [k, v] of agg) { const n = k.split(' ')[0]; byName.set(n, (byName.get(n) ?? 0) + v[0]); }
console.log([...byName].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('\n'));
console.log('---'); console.log([...agg].sort((a, b) => b[1][0] - a[1][0]).slice(0, 20).map(([k, v]) => `${v[0].toFixed(1)} x${v[1]} ${k}`).join('\n'));
