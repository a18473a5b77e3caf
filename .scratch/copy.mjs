import { TransformerEncoder } from '../dist/src/encode/transformer.js';
import { randomSource } from '../dist/src/util/random.js';
const r = randomSource(1); const users = 300, len = 20, items = 50;
const offsets = new Int32Array(users + 1), it = new Int32Array(users * len), beh = new Uint8Array(users * len), ts = new Float64Array(users * len);
for (let u = 0; u < users; u++) { const a = r.int(items); for (let p = 0; p < len; p++) { it[u * len + p] = process.argv[2] === 'alt' ? (p % 2 ? a : (a + 1) % items) : a; ts[u * len + p] = p * 60; } offsets[u + 1] = (u + 1) * len; }
const seqs = { users: Array.from({ length: users }, (_, i) => 'u' + i), offsets, items: it, behaviors: beh, ts, itemVocab: Array.from({ length: items }, (_, i) => 'i' + i), keyedBy: 'user' };
const enc = new TransformerEncoder({ objective: 'masked', dim: 32, heads: 2, epochs: 10, batchSize: 32, learningRate: 0.01, maxLen: 20 });
await enc.fit(seqs); console.log(enc.losses.map((l) => l.toFixed(2)).join(' '));
