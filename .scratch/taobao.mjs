import { loadSequences } from '../dist/src/data/load.js';
import { temporalSplit } from '../dist/src/data/temporal-split.js';
import { TransformerEncoder } from '../dist/src/encode/transformer.js';
const { sequences } = await loadSequences({ path: '/work/shared/datasets/taobao_userbehavior_slice/UserBehavior_tail10k_betashepherd.csv', preset: 'taobao' });
const { history, future } = temporalSplit(sequences, { leaveLastK: 1 });
for (const cfg of JSON.parse(process.argv[2])) {
  const t0 = performance.now();
  const enc = await new TransformerEncoder({ dim: 32, heads: 2, maxLen: 50, batchSize: 16, seed: 2, ...cfg }).fit(history);
  const sc = await enc.scoreNextItems(history, 10);
  let hits = 0; for (let s = 0; s < future.users.length; s++) if (sc.items.slice(s * 10, s * 10 + 10).includes(future.itemVocab[future.items[future.offsets[s]]])) hits++;
  console.log(JSON.stringify(cfg), 'HR@10', (hits / future.users.length).toFixed(3), enc.losses.map((l) => l.toFixed(2)).join(' '), ((performance.now() - t0) / 1000).toFixed(1));
}
