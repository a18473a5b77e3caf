/**
 * The applications judged, one run: cluster-based recommendations (segment-items.ts + recommend.ts)
 * on the protocol's temporal holdout (last 20% of the time span), full-ranking HR@10 / NDCG@10
 * against global popularity and plain segment popularity (the protocol's downstream facet), and
 * risk scores against the generator's injected bots (precision@#bots, AUROC). Logs: generated
 * (seeds 31, 32) and the Taobao slice when present. Candidate: stats or tfidf(dim=16) + kmeans(k=6).
 */
import { join } from 'node:path';
import { generateSequences } from '../src/data/generate.js';
import { loadSequences } from '../src/data/load.js';
import type { SequenceSet } from '../src/data/sequence-set.js';
import { protocolHoldout } from '../src/evaluate/holdout.js';
import { fitModel } from '../src/serve/fit-model.js';
import { recommendHoldout } from '../src/serve/recommend-holdout.js';
import { evaluateRisk } from '../src/serve/risk.js';

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');

export async function run(): Promise<void> {
  const logs: { name: string; seqs: SequenceSet; isBot?: Uint8Array }[] = [];
  for (const [difficulty, seed] of [
    ['medium', 31],
    ['noisy', 32],
  ] as const) {
    const g = generateSequences({
      users: 1500,
      segments: 5,
      difficulty,
      seed,
      items: 2000,
      categories: 40,
      botFraction: 0.03,
    });
    logs.push({ name: `generated ${difficulty} (seed ${seed})`, seqs: g.sequences, isBot: g.truth.isBot });
  }
  const root = process.env.SEGSCOPE_DATASETS ?? join(process.cwd(), '..', 'shared', 'datasets');
  try {
    const path = join(root, 'taobao_userbehavior_slice', 'UserBehavior_tail10k_betashepherd.csv');
    logs.push({ name: 'taobao tail10k', seqs: (await loadSequences({ path, preset: 'taobao' })).sequences });
  } catch {
    process.stdout.write('(taobao slice not found; skipped)\n');
  }
  process.stdout.write(
    'log                          encoder  users  HR@10  pop HR  seg HR  NDCG@10  pop NDCG  seg NDCG  NDCG lift  bots  P@bots  AUROC\n',
  );
  for (const log of logs) {
    for (const encoder of [
      { name: 'stats', params: {} },
      { name: 'tfidf', params: { dim: 16 } },
    ]) {
      const algorithm = { name: 'kmeans', params: { k: 6, nInit: 2 } };
      const { history, future } = protocolHoldout(log.seqs, { quantile: 0.2 });
      const h = await fitModel(history, { id: 'bench', encoder, algorithm, seed: 5 });
      const r = recommendHoldout(history, future, h.fitted.labels, h.model.clusters.k, { k: 10 });
      let risk = { n_bots: 0, precision_at_k: Number.NaN, auroc: Number.NaN };
      if (log.isBot !== undefined) {
        const full = await fitModel(log.seqs, { id: 'bench', encoder, algorithm, seed: 5 });
        const bots = log.isBot.reduce((a, b) => a + b, 0);
        risk = evaluateRisk(full.fitted.risk, log.isBot, Math.max(1, bots));
      }
      process.stdout.write(
        `${log.name.padEnd(29)}${encoder.name.padEnd(9)}${String(r.n_users_evaluated).padStart(5)}  ${fmt(r.hit_rate)}  ${fmt(r.popularity_hit_rate)}   ${fmt(r.segment_popularity_hit_rate)}   ${fmt(r.ndcg)}    ${fmt(r.popularity_ndcg)}     ${fmt(r.segment_popularity_ndcg)}     ${fmt(r.ndcg_lift).padStart(6)}  ${String(risk.n_bots).padStart(4)}  ${fmt(risk.precision_at_k)}   ${fmt(risk.auroc)}\n`,
      );
    }
  }
}
