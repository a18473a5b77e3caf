import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSequences } from '../../src/data/generate.js';
import { GENERATE_KINDS } from '../../src/data/generate-options.js';
import { plannedSegmentSizes } from '../../src/data/generate-plan.js';
import { GENERATE_WINDOW } from '../../src/data/generate-user.js';
import { BEHAVIOR_CODE } from '../../src/data/sequence-set.js';
import { adjustedRand } from '../helpers/adjusted-rand.js';
import { kmeansLite } from '../helpers/kmeans-lite.js';
import { categoryTfidf } from '../helpers/sequence-features.js';
import { selectRows } from '../../src/util/matrix.js';
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
  difficulty: 'easy' | 'order-only',
  bigrams: boolean,
  seed: number,
  categories?: number,
): Promise<number> {
  const { sequences, truth } = generateSequences({ users: 1200, segments: 3, difficulty, seed, categories });
  const X = categoryTfidf(sequences, bigrams);
  const keep = Int32Array.from(truth.segment.keys()).filter((u) => truth.segment[u] >= 0);
  const labels = await kmeansLite(selectRows(X, keep), 3, seed);
  return adjustedRand(
    Int32Array.from(keep, (u) => truth.segment[u]),
    labels,
  );
}

test('generateSequences(easy, seed 12): k-means on category TF-IDF recovers the segments (ARI >= 0.9)', async () => {
  const ari = await tfidfKmeansAri('easy', false, 12);
  assert.ok(ari >= 0.9, `ARI ${ari}`);
});

test('generateSequences(order-only, seed 13): category TF-IDF cannot separate (ARI < 0.1), category-bigram TF-IDF can (ARI > 0.8)', async () => {
  const unigram = await tfidfKmeansAri('order-only', false, 13);
  // 40 categories keep the bigram space (1,600 dims) small enough for the test's plain k-means.
  const bigram = await tfidfKmeansAri('order-only', true, 13, 40);
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
