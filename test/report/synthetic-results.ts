import type { ProtocolResults } from '../../src/evaluate/results.js';
import type { SegmentBehaviorProfile } from '../../src/evaluate/segment-profiles.js';
import { randomSource } from '../../src/util/random.js';

/**
 * A large synthetic results object (tests only): `candidates` candidates with `segments` segments
 * each, a winner with full details and maps at the point limits. Values are random (seed 1):
 * this tests size and rendering, not numbers.
 */
export function syntheticResults(candidates: number, segments: number): ProtocolResults {
  const rnd = randomSource(1);
  const u = () => rnd.uniform();
  const profile = (segment: number): SegmentBehaviorProfile => ({
    segment,
    users: 100,
    share: 1 / segments,
    events: 1000,
    top_categories: Array.from({ length: 5 }, (_, i) => ({
      id: `cat-${i}`,
      count: 100 - i,
      share: u(),
      lift: 1 + u(),
    })),
    top_items: Array.from({ length: 5 }, (_, i) => ({
      id: `item-${i}`,
      count: 50 - i,
      share: u(),
      lift: 1 + u(),
    })),
    funnel: {
      events: { pv: 900, cart: 50, fav: 30, buy: 20, search: 0, other: 0 },
      users: { pv: 100, cart: 40, fav: 20, buy: 10, search: 0, other: 0 },
      cart_per_view: 0.05,
      fav_per_view: 0.03,
      buy_per_view: 0.02,
      buyer_share: 0.1,
    },
    heatmap: Array.from({ length: 168 }, () => Math.floor(u() * 50)),
  });
  const ids = Array.from(
    { length: candidates },
    (_, i) =>
      `transformer.objective=causal,dim=32,layers=1,heads=2,epochs=2,maxLen=50+kmeans.k=${segments},nInit=3,run=${i}`,
  );
  const points = 2000;
  return {
    version: '0.0.0-test',
    dataset: {
      n_events: 1e6,
      n_sequences: 1e5,
      n_items: 5e4,
      n_categories: 500,
      n_history_users: 1e5,
      n_future_users: 5e4,
      cleaning: null,
    },
    protocol: {
      seed: 1,
      weights: { geometry: 0.1, behavior: 0.35, stability: 0.3, null: 0.05, downstream: 0.2 },
      resamples: 4,
      subsample_fraction: 0.8,
      null_kinds: ['order', 'items', 'content'],
      null_replicates: 10,
      bootstrap: 200,
      permutations: 3,
      alpha: 0.05,
      top_k: 10,
      large_log: {
        fit_users: 2000,
        rerun_users: 1000,
        quadratic_fit_users: 2000,
        encoder_fit_sample: 2000,
        stability_subsample: 1000,
        null_log_users: 1000,
        quadratic_fit_sample: 2000,
      },
      cutoff: 1.7e9,
      cutoff_iso: '2023-11-14T22:13:20.000Z',
      holdout: { time: 1.7e9 },
    },
    candidates: ids.map((id, i) => {
      const v = 0.9 - i * 0.005;
      return {
        id,
        encoder: { name: 'transformer', params: { objective: 'causal', dim: 32 } },
        algorithm: { name: 'kmeans', params: { k: segments, nInit: 3, run: i } },
        n_clusters: segments,
        noise_fraction: 0,
        facets: {
          geometry: {
            silhouette: u(),
            calinski_harabasz: 100 * u(),
            davies_bouldin: u(),
            adjusted_silhouette: u(),
            silhouette_sample: 2000,
            metric: 'euclidean',
          },
          behavior: {
            category_coherence: u(),
            transition_coherence: u(),
            profile_eta2: u(),
            conversion_eta2: u(),
            activity_eta2: u(),
            size_balance: u(),
            adjusted_category_coherence: u(),
            adjusted_transition_coherence: u(),
            adjusted_profile_eta2: u(),
            predictive_category_coherence: u(),
            predictive_transition_coherence: u(),
            predictive_profile_r2: u(),
            pair_category: u(),
            pair_transition: u(),
            pair_profile: u(),
            noise_fraction: 0,
          },
          stability: {
            mean_jaccard: u(),
            per_cluster_jaccard: Array.from({ length: segments }, u),
            rerun_ari: u(),
            reruns: 4,
          },
          null: {
            real: 0.5,
            real_basis: 'sample',
            users: 1000,
            kinds: Object.fromEntries(
              ['order', 'items', 'content'].map((k) => [
                k,
                {
                  null_mean: 0.3,
                  null_sd: 0.05,
                  z: 4,
                  p_value: 0.09,
                  gap: 0.4,
                  replicates: 10,
                  values: Array.from({ length: 10 }, () => 0.3 + 0.1 * u()),
                },
              ]),
            ),
          },
          downstream: {
            k: 10,
            n_users_evaluated: 5e4,
            hit_rate: u(),
            ndcg: u(),
            mrr: u(),
            popularity_hit_rate: u(),
            popularity_ndcg: u(),
            popularity_mrr: u(),
            hit_rate_lift: 1 + u(),
            ndcg_lift: 1 + u(),
            mrr_lift: 1 + u(),
            purchase_auroc: u(),
            churn_auroc: u(),
          },
          cost: { fit_seconds: 10, encode_seconds: 8, cluster_seconds: 2, peak_rss_mb: 500 },
        },
        scores: { geometry: u(), behavior: u(), stability: u(), null: u(), downstream: u() },
        score_intervals: {
          geometry: [0, 1],
          behavior: [0, 1],
          stability: [0, 1],
          null: [0, 1],
          downstream: [0, 1],
        },
        composite: { value: v, ci_low: v - 0.05, ci_high: v + 0.05 },
        rank: i + 1,
        pareto: i < 5,
        segment_sizes: Array.from({ length: segments }, () => 100),
        info: {},
      };
    }),
    winner: ids[0],
    tied_with_winner: ids.slice(1, 6),
    significance: ids.slice(1).map((id, i) => ({
      leader: ids[0],
      other: id,
      p_value: i / candidates,
      p_holm: Math.min(1, (2 * i) / candidates),
      tied: i < 5,
    })),
    selection: [
      {
        encoder: 'transformer',
        algorithm: 'kmeans',
        param: 'k',
        best: ids[0],
        points: [4, 8, 16, 32, 50].map((k, i) => ({
          value: k,
          id: ids[i],
          composite: u(),
          silhouette: u(),
          calinski_harabasz: 100 * u(),
          davies_bouldin: u(),
          stability: u(),
        })),
      },
    ],
    winner_details: {
      candidate: ids[0],
      space: 'behavior',
      sizes: Array.from({ length: segments }, () => 100),
      noise: 0,
      silhouette: {
        sample: 2000,
        mean: 0.2,
        per_segment: Array.from({ length: segments }, (_, s) => ({
          segment: s,
          size: 40,
          mean: 0.2,
          values: Array.from({ length: 40 }, (_, j) => 0.8 - j * 0.02),
        })),
      },
      maps: (['pca', 'tsne'] as const).map((method) => ({
        method,
        points,
        x: Array.from({ length: points }, () => rnd.normal()),
        y: Array.from({ length: points }, () => rnd.normal()),
        segment: Array.from({ length: points }, (_, j) => j % segments),
        ...(method === 'pca' ? { explained: [0.3, 0.2] } : {}),
      })),
      population: profile(-1),
      profiles: Array.from({ length: segments }, (_, s) => profile(s)),
      tags: Array.from({ length: segments }, (_, s) => ({
        segment: s,
        tag: `evening browsers of category cat-${s}`,
        rule: [
          {
            feature: 'hours_16_20',
            direction: 'high' as const,
            threshold: 0.3,
            effect_size: 1,
            phrase: 'evening',
          },
        ],
        selected: 100,
        precision: 0.8,
        recall: 0.7,
        f1: 0.75,
      })),
      typical: Array.from({ length: segments }, () =>
        Array.from({ length: 3 }, (_, j) => ({
          user: `u${j}`,
          distance: 0.1,
          events: 30,
          tokens: Array.from({ length: 12 }, () => 'cat-1:pv'),
        })),
      ),
      contingency: {
        truth: Array.from({ length: 8 }, (_, i) => i),
        segments: Array.from({ length: segments }, (_, s) => s),
        counts: Array.from({ length: 8 }, () =>
          Array.from({ length: segments }, () => Math.floor(u() * 100)),
        ),
      },
      log_span: {
        first: 1.6e9,
        last: 1.7e9,
        first_iso: '2020-09-13T12:26:40.000Z',
        last_iso: '2023-11-14T22:13:20.000Z',
      },
    },
    reproducibility: {
      inputs: [{ path: 'events.csv', sha256: 'ab'.repeat(32), bytes: 123 }],
      started: '2024-01-01T00:00:00.000Z',
      seconds: 600,
      node: 'v20',
      timings: { fits: 500, ranking: 100 },
      config: { seed: 1 } as never,
    },
  };
}
