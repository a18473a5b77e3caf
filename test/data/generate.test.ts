import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSequences } from '../../src/data/generate.js';
import { GENERATE_KINDS } from '../../src/data/generate-options.js';
import { plannedSegmentSizes } from '../../src/data/generate-plan.js';
import { GENERATE_WINDOW } from '../../src/data/generate-user.js';
import { BEHAVIOR_CODE } from '../../src/data/sequence-set.js';
import { KMeans } from '../../src/cluster/kmeans.js';
import { contingency } from '../../src/metrics/contingency.js';
import { adjustedRand } from '../../src/metrics/rand.js';
import type { Matrix } from '../../src/util/matrix.js';
import { categoryTfidf } from '../helpers/sequence-features.js';
import { matrix, selectRows } from '../../src/util/matrix.js';
import { welchT } from '../helpers/welch.js';

test('generateSequences(seed 21) is deterministic bit for bit; seed 22 gives another log', () => {
  const opts = { users: 300, segments: 3, difficulty: 'medium' as const, seed: 21 };
  const a = generateSequences(opts).sequences;
  const b = generateSequences(opts).sequences;
  assert.deepEqual(a, b);
  const c = generateSequences({ ...opts, seed: 22 }).sequences;
  assert.notDeepEqual(a.items, c.items);
});

test('generateSequences gives every kind a well-formed log: sorted whole-second times in the window, planned sizes', () => {
  for (const difficulty of GENERATE_KINDS) {
    const { sequences: s, truth, plan } = generateSequences({ users: 200, segments: 3, difficulty, seed: 5 });
    assert.equal(s.offsets.length, 201, difficulty);
    assert.equal(s.users.length, 200);
    for (let u = 0; u < 200; u++) {
      for (let e = s.offsets[u]; e < s.offsets[u + 1]; e++) {
        assert.ok(
          Number.isInteger(s.ts[e]) && s.ts[e] >= GENERATE_WINDOW.start && s.ts[e] < GENERATE_WINDOW.end,
        );
        if (e > s.offsets[u])
          assert.ok(s.ts[e] > s.ts[e - 1], `${difficulty} user ${u} not strictly increasing`);
        assert.ok(s.behaviors[e] <= BEHAVIOR_CODE.buy);
      }
    }
    const { sizes, noise, bots } = plannedSegmentSizes(plan.options);
    for (let k = 0; k < 3; k++)
      assert.equal(truth.segment.filter((x) => x === k).length, sizes[k], difficulty);
    assert.equal(
      truth.isBot.reduce((x, y) => x + y, 0),
      bots,
    );
    assert.equal(truth.segment.filter((x) => x === -1).length, noise + bots);
    assert.equal(s.itemVocab.length, new Set(s.items).size, 'item vocabulary holds only items that occur');
  }
});

test('generateSequences(easy, seed 4): each segment funnel (cart, fav, buy per view) is within 5 SE of its profile', () => {
  const {
    sequences: s,
    truth,
    plan,
  } = generateSequences({ users: 3000, segments: 4, difficulty: 'easy', seed: 4 });
  for (let k = 0; k < 4; k++) {
    const n = new Float64Array(4);
    for (let u = 0; u < 3000; u++)
      if (truth.segment[u] === k) for (let e = s.offsets[u]; e < s.offsets[u + 1]; e++) n[s.behaviors[e]]++;
    const f = plan.profiles[k].funnel;
    for (const [code, rate] of [
      [BEHAVIOR_CODE.cart, f.cart],
      [BEHAVIOR_CODE.fav, f.fav],
      [BEHAVIOR_CODE.buy, f.buy],
    ]) {
      const expected = rate * n[BEHAVIOR_CODE.pv];
      assert.ok(
        Math.abs(n[code] - expected) < 5 * Math.sqrt(expected),
        `segment ${k} behavior ${code}: ${n[code]} vs ${expected.toFixed(1)}`,
      );
    }
  }
  // easy spreads funnels: the largest buy rate is at least twice the smallest.
  const buys = plan.profiles.map((p) => p.funnel.buy);
  assert.ok(Math.max(...buys) / Math.min(...buys) >= 2);
});

test('generateSequences(medium, seed 6, 3% bots): a rate rule (>= 200 events, gap IQR <= 2 s, buys < 0.5% of views) finds exactly the bots', () => {
  const { sequences: s, truth } = generateSequences({
    users: 2000,
    segments: 3,
    difficulty: 'medium',
    seed: 6,
    botFraction: 0.03,
  });
  let tp = 0;
  let fp = 0;
  for (let u = 0; u < 2000; u++) {
    const start = s.offsets[u];
    const len = s.offsets[u + 1] - start;
    const gaps = Float64Array.from(
      { length: Math.max(0, len - 1) },
      (_, i) => s.ts[start + i + 1] - s.ts[start + i],
    ).sort();
    let views = 0;
    let buys = 0;
    for (let e = start; e < start + len; e++) {
      if (s.behaviors[e] === BEHAVIOR_CODE.pv) views++;
      if (s.behaviors[e] === BEHAVIOR_CODE.buy) buys++;
    }
    const iqr =
      gaps.length > 4
        ? gaps[Math.floor(0.75 * gaps.length)] - gaps[Math.floor(0.25 * gaps.length)]
        : Number.POSITIVE_INFINITY;
    const flagged = len >= 200 && iqr <= 2 && buys < 0.005 * views;
    if (flagged && truth.isBot[u] === 1) tp++;
    if (flagged && truth.isBot[u] === 0) fp++;
  }
  assert.equal(tp, 60);
  assert.equal(fp, 0);
});

async function tfidfKmeansAri(
  difficulty: 'easy' | 'order-only' | 'order-long' | 'order-phase',
  ngram: 1 | 2 | 3,
  seed: number,
  categories?: number,
  segments = 3,
): Promise<number> {
  const { sequences, truth } = generateSequences({ users: 1200, segments, difficulty, seed, categories });
  const X = categoryTfidf(sequences, ngram);
  const keep = Int32Array.from(truth.segment.keys()).filter((u) => truth.segment[u] >= 0);
  return kmeansAri(
    selectRows(X, keep),
    Int32Array.from(keep, (u) => truth.segment[u]),
    segments,
    seed,
  );
}

/** ARI of segscope's k-means (4 k-means++ restarts) against the planted segments. */
async function kmeansAri(X: Matrix, segments: Int32Array, k: number, seed: number): Promise<number> {
  const km = await new KMeans({ k, seed, nInit: 4 }).fit(X);
  return adjustedRand(contingency(segments, km.labels));
}

test('generateSequences(easy, seed 12): k-means on category TF-IDF recovers the segments (ARI >= 0.9)', async () => {
  const ari = await tfidfKmeansAri('easy', 1, 12);
  assert.ok(ari >= 0.9, `ARI ${ari}`);
});

test('generateSequences(order-only, seed 13): category TF-IDF cannot separate (ARI < 0.1), category-bigram TF-IDF can (ARI > 0.8)', async () => {
  const unigram = await tfidfKmeansAri('order-only', 1, 13);
  // 40 categories keep the bigram space (1,600 dims) small enough for the test's plain k-means.
  const bigram = await tfidfKmeansAri('order-only', 2, 13, 40);
  assert.ok(unigram < 0.1, `unigram ARI ${unigram}`);
  assert.ok(bigram > 0.8, `bigram ARI ${bigram}`);
});

test('generateSequences(order-only, seed 15): per-user category shares, behavior mix and length do not differ between segments (Welch |t| < 4.5)', () => {
  const { sequences: s, truth } = generateSequences({
    users: 3000,
    segments: 3,
    difficulty: 'order-only',
    seed: 15,
  });
  const C = s.categoryVocab?.length ?? 0;
  const cats = s.categories as Int32Array;
  const pooled = new Float64Array(C);
  for (const c of cats) pooled[c]++;
  const top = Array.from(pooled.keys())
    .sort((a, b) => pooled[b] - pooled[a])
    .slice(0, 10);
  // One row of features per user: shares of the top 10 categories, of pv/cart/fav/buy, and log length.
  const features = (u: number): number[] => {
    const len = s.offsets[u + 1] - s.offsets[u];
    const f = new Array(15).fill(0);
    for (let e = s.offsets[u]; e < s.offsets[u + 1]; e++) {
      const t = top.indexOf(cats[e]);
      if (t >= 0) f[t] += 1 / len;
      f[10 + s.behaviors[e]] += 1 / len;
    }
    f[14] = Math.log(len);
    return f;
  };
  const bySegment = [0, 1, 2].map((k) =>
    Array.from(truth.segment.keys())
      .filter((u) => truth.segment[u] === k)
      .map(features),
  );
  let maxT = 0;
  for (let a = 0; a < 3; a++) {
    for (let b = a + 1; b < 3; b++) {
      for (let j = 0; j < 15; j++) {
        const t = Math.abs(
          welchT(
            bySegment[a].map((r) => r[j]),
            bySegment[b].map((r) => r[j]),
          ),
        );
        maxT = Math.max(maxT, t);
      }
    }
  }
  assert.ok(maxT < 4.5, `max |t| ${maxT}`);
});

/** Pooled category distribution and view-to-view transition counts of one segment's users. */
function categoryStatistics(s: ReturnType<typeof generateSequences>['sequences'], members: number[]) {
  const C = s.categoryVocab?.length ?? 0;
  const cats = s.categories as Int32Array;
  const marginal = new Float64Array(C);
  const transitions = new Float64Array(C * C);
  for (const u of members) {
    let prev = -1;
    for (let e = s.offsets[u]; e < s.offsets[u + 1]; e++) {
      marginal[cats[e]]++;
      if (s.behaviors[e] !== BEHAVIOR_CODE.pv) continue;
      if (prev >= 0) transitions[prev * C + cats[e]]++;
      prev = cats[e];
    }
  }
  return { C, marginal, transitions };
}

test('generateSequences(order-only, seed 16): segments share the category distribution (TV < 0.03) but not the transitions (TV > 0.4)', () => {
  const { sequences: s, truth } = generateSequences({
    users: 3000,
    segments: 2,
    difficulty: 'order-only',
    seed: 16,
  });
  const [A, B] = [0, 1].map((k) =>
    categoryStatistics(
      s,
      Array.from(truth.segment.keys()).filter((u) => truth.segment[u] === k),
    ),
  );
  const sum = (x: Float64Array) => x.reduce((p, q) => p + q, 0);
  const mA = sum(A.marginal);
  const mB = sum(B.marginal);
  let tvMarginal = 0;
  for (let c = 0; c < A.C; c++) tvMarginal += Math.abs(A.marginal[c] / mA - B.marginal[c] / mB) / 2;
  // Transition TV per source category, weighted by how often the category is a source in both.
  let tvTransitions = 0;
  let weight = 0;
  for (let c = 0; c < A.C; c++) {
    const rowA = A.transitions.subarray(c * A.C, (c + 1) * A.C);
    const rowB = B.transitions.subarray(c * A.C, (c + 1) * A.C);
    const nA = sum(rowA);
    const nB = sum(rowB);
    if (nA < 50 || nB < 50) continue;
    let tv = 0;
    for (let d = 0; d < A.C; d++) tv += Math.abs(rowA[d] / nA - rowB[d] / nB) / 2;
    tvTransitions += (nA + nB) * tv;
    weight += nA + nB;
  }
  tvTransitions /= weight;
  assert.ok(tvMarginal < 0.03, `marginal TV ${tvMarginal}`);
  assert.ok(tvTransitions > 0.4, `transition TV ${tvTransitions}`);
});

test('generateSequences(activity-only, seed 17): segments differ in events per user and tempo, not in category mix', () => {
  const {
    sequences: s,
    truth,
    plan,
  } = generateSequences({ users: 3000, segments: 3, difficulty: 'activity-only', seed: 17 });
  const members = [0, 1, 2].map((k) =>
    Array.from(truth.segment.keys()).filter((u) => truth.segment[u] === k),
  );
  const logLen = members.map((m) => m.map((u) => Math.log(s.offsets[u + 1] - s.offsets[u])));
  const order = plan.profiles
    .map((p, k) => [p.medianViews, k])
    .sort((a, b) => a[0] - b[0])
    .map((x) => x[1]);
  // The segment planned most active is measurably more active than the one planned least active.
  assert.ok(welchT(logLen[order[2]], logLen[order[0]]) > 10);
  const stats = members.map((m) => categoryStatistics(s, m));
  const total = stats.map((x) => x.marginal.reduce((p, q) => p + q, 0));
  let tv = 0;
  for (let c = 0; c < stats[0].C; c++)
    tv += Math.abs(stats[0].marginal[c] / total[0] - stats[1].marginal[c] / total[1]) / 2;
  assert.ok(tv < 0.05, `category TV ${tv}`);
});

test('generateSequences(activity-only, seed 3): k-means on activity statistics recovers the segments (ARI >= 0.8), category TF-IDF does not (ARI < 0.3)', async () => {
  const n = 1500;
  const { sequences: s, truth } = generateSequences({
    users: n,
    segments: 3,
    difficulty: 'activity-only',
    seed: 3,
  });
  // Per user: log events, log median in-session gap, log events per session; standardized.
  const X = matrix(n, 3);
  for (let u = 0; u < n; u++) {
    const gaps: number[] = [];
    let sessions = 1;
    for (let e = s.offsets[u] + 1; e < s.offsets[u + 1]; e++) {
      const g = s.ts[e] - s.ts[e - 1];
      if (g > 1800) sessions++;
      else gaps.push(g);
    }
    gaps.sort((a, b) => a - b);
    const len = s.offsets[u + 1] - s.offsets[u];
    X.data.set([Math.log(len), Math.log(gaps[gaps.length >> 1] ?? 1), Math.log(len / sessions)], 3 * u);
  }
  for (let j = 0; j < 3; j++) {
    let m = 0;
    let v = 0;
    for (let u = 0; u < n; u++) m += X.data[3 * u + j] / n;
    for (let u = 0; u < n; u++) v += (X.data[3 * u + j] - m) ** 2 / n;
    for (let u = 0; u < n; u++) X.data[3 * u + j] = (X.data[3 * u + j] - m) / Math.sqrt(v);
  }
  const activity = await kmeansAri(X, truth.segment, 3, 3);
  const counts = await kmeansAri(categoryTfidf(s), truth.segment, 3, 3);
  assert.ok(activity >= 0.8, `activity ARI ${activity}`);
  assert.ok(counts < 0.3, `category TF-IDF ARI ${counts}`);
});

/** Weighted mean total-variation distance between two segments' next-category distributions. */
function transitionDistance(
  A: ReturnType<typeof categoryStatistics>,
  B: ReturnType<typeof categoryStatistics>,
): number {
  const sum = (x: Float64Array) => x.reduce((p, q) => p + q, 0);
  let total = 0;
  let weight = 0;
  for (let c = 0; c < A.C; c++) {
    const rowA = A.transitions.subarray(c * A.C, (c + 1) * A.C);
    const rowB = B.transitions.subarray(c * A.C, (c + 1) * A.C);
    const nA = sum(rowA);
    const nB = sum(rowB);
    if (nA < 50 || nB < 50) continue;
    let tv = 0;
    for (let d = 0; d < A.C; d++) tv += Math.abs(rowA[d] / nA - rowB[d] / nB) / 2;
    total += (nA + nB) * tv;
    weight += nA + nB;
  }
  return total / weight;
}

test('generateSequences(order-long, seed 18): segments share categories and transitions, only trigram TF-IDF separates them', async () => {
  const { sequences: s, truth } = generateSequences({
    users: 4000,
    segments: 2,
    difficulty: 'order-long',
    seed: 18,
    categories: 40,
  });
  const [A, B] = [0, 1].map((k) =>
    categoryStatistics(
      s,
      Array.from(truth.segment.keys()).filter((u) => truth.segment[u] === k),
    ),
  );
  // Sampling noise alone: the same statistic between two random halves of segment 0.
  const members0 = Array.from(truth.segment.keys()).filter((u) => truth.segment[u] === 0);
  const halfA = categoryStatistics(
    s,
    members0.filter((_, i) => i % 2 === 0),
  );
  const halfB = categoryStatistics(
    s,
    members0.filter((_, i) => i % 2 === 1),
  );
  const between = transitionDistance(A, B);
  const within = transitionDistance(halfA, halfB);
  assert.ok(between < 1.5 * within, `transition TV between segments ${between} vs within one ${within}`);
  for (const ngram of [1, 2] as const) {
    const ari = await tfidfKmeansAri('order-long', ngram, 18, 40, 2);
    assert.ok(ari < 0.1, `${ngram}-gram ARI ${ari}`);
  }
  const trigram = await tfidfKmeansAri('order-long', 3, 18, 40, 2);
  assert.ok(trigram > 0.8, `trigram ARI ${trigram}`);
});

/** Per user: category shares of the first and of the second half of its events, side by side. */
function halvesFeatures(s: ReturnType<typeof generateSequences>['sequences']): Matrix {
  const C = s.categoryVocab?.length ?? 0;
  const cats = s.categories as Int32Array;
  const n = s.users.length;
  const X = matrix(n, 2 * C);
  for (let u = 0; u < n; u++) {
    const start = s.offsets[u];
    const len = s.offsets[u + 1] - start;
    for (let e = 0; e < len; e++) X.data[u * 2 * C + (2 * e < len ? 0 : C) + cats[start + e]] += 1 / len;
  }
  return X;
}

test("generateSequences(order-phase, 3 segments, seed 20): each session stays in one category set, and a user visits the sets in its segment's order", () => {
  const {
    sequences: s,
    truth,
    plan,
  } = generateSequences({
    users: 300,
    segments: 3,
    difficulty: 'order-phase',
    seed: 20,
  });
  const first = plan.profiles[0].phaseCdfs as Float64Array[];
  assert.equal(first.length, 3, '3 segments, 3 phases');
  // The set a category belongs to: the phase distribution that gives it weight.
  const setOf = new Int32Array(first[0].length).fill(-1);
  first.forEach((cdf, set) => {
    for (let c = 0; c < cdf.length; c++) if (cdf[c] > (c === 0 ? 0 : cdf[c - 1])) setOf[c] = set;
  });
  assert.ok(
    setOf.every((set) => set >= 0),
    'the sets cover every category',
  );
  // A Latin square: at every phase the three segments are in three different sets.
  for (let r = 0; r < 3; r++)
    assert.equal(new Set(plan.profiles.map((p) => (p.phaseOrder as Int32Array)[r])).size, 3, `phase ${r}`);
  // Codes in the log index categoryVocab (first appearance); the plan's sets use catalog indices.
  const catalogIndex = new Map(Array.from(plan.catalog.categoryIds, (id, c) => [String(id), c]));
  const cats = Int32Array.from(
    s.categories as Int32Array,
    (code) => catalogIndex.get((s.categoryVocab as string[])[code]) ?? -1,
  );
  let checkedSessions = 0;
  for (let u = 0; u < 300; u++) {
    const order = plan.profiles[truth.segment[u]].phaseOrder as Int32Array;
    const visited: number[] = [];
    for (let e = s.offsets[u]; e < s.offsets[u + 1]; e++) {
      const newSession = e === s.offsets[u] || s.ts[e] - s.ts[e - 1] > 1800;
      if (newSession) {
        visited.push(setOf[cats[e]]);
        checkedSessions++;
      } else assert.equal(setOf[cats[e]], visited.at(-1), `user ${u + 1}: a session left its set`);
    }
    // Runs follow the order: the visited sets are order[0]..., order[1]..., order[2]... (some may be empty).
    const ranks = visited.map((set) => order.indexOf(set));
    for (let i = 1; i < ranks.length; i++) assert.ok(ranks[i] >= ranks[i - 1], `user ${u + 1}: ${visited}`);
  }
  assert.ok(checkedSessions > 1000);
});

test('generateSequences(order-phase, seed 19): segments share composition and transitions; only when-in-the-history separates them', async () => {
  const { sequences: s, truth } = generateSequences({
    users: 4000,
    segments: 2,
    difficulty: 'order-phase',
    seed: 19,
  });
  const members = [0, 1].map((k) => Array.from(truth.segment.keys()).filter((u) => truth.segment[u] === k));
  const [A, B] = members.map((m) => categoryStatistics(s, m));
  const halfA = categoryStatistics(
    s,
    members[0].filter((_, i) => i % 2 === 0),
  );
  const halfB = categoryStatistics(
    s,
    members[0].filter((_, i) => i % 2 === 1),
  );
  const marginalTv = (x: typeof A, y: typeof A) => {
    const sum = (v: Float64Array) => v.reduce((p, q) => p + q, 0);
    let tv = 0;
    for (let c = 0; c < x.C; c++)
      tv += Math.abs(x.marginal[c] / sum(x.marginal) - y.marginal[c] / sum(y.marginal)) / 2;
    return tv;
  };
  // Between segments no further apart than two random halves of one segment (sampling noise).
  assert.ok(marginalTv(A, B) < 1.5 * marginalTv(halfA, halfB), `category TV ${marginalTv(A, B)}`);
  const between = transitionDistance(A, B);
  const within = transitionDistance(halfA, halfB);
  assert.ok(between < 1.5 * within, `transition TV between segments ${between} vs within one ${within}`);
  const ngrams: number[] = [];
  for (const ngram of [1, 2] as const) {
    const ari = await tfidfKmeansAri('order-phase', ngram, 19, undefined, 2);
    assert.ok(ari < 0.1, `${ngram}-gram ARI ${ari}`);
    ngrams.push(ari);
  }
  const phased = await kmeansAri(halvesFeatures(s), truth.segment, 2, 19);
  console.log(
    `order-phase: category TV ${marginalTv(A, B).toFixed(4)} (within ${marginalTv(halfA, halfB).toFixed(4)}), transition TV ${between.toFixed(3)} (within ${within.toFixed(3)}); ARI 1-gram ${ngrams[0].toFixed(3)}, 2-gram ${ngrams[1].toFixed(3)}, halves ${phased.toFixed(3)}`,
  );
  assert.ok(phased > 0.8, `first-half / second-half category shares ARI ${phased}`);
});

test('generateSequences reports progress through onProgress, ending at done = total = users', () => {
  const events: { done: number; total?: number }[] = [];
  generateSequences({ users: 3000, segments: 2, seed: 1, onProgress: (e) => events.push(e) });
  assert.ok(events.length >= 2);
  assert.deepEqual(events.at(-1), { task: 'generate', done: 3000, total: 3000 });
});
