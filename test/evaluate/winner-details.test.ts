import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSequences } from '../../src/data/generate.js';
import { behaviorSpace } from '../../src/evaluate/behavior-space.js';
import { principalComponents } from '../../src/evaluate/principal-components.js';
import { segmentMedoids } from '../../src/evaluate/segment-medoids.js';
import { segmentProfiles, weekdayHour } from '../../src/evaluate/segment-profiles.js';
import { ruleScore, segmentTags, tagText } from '../../src/evaluate/segment-tags.js';
import { conditionalAffinities, tsne } from '../../src/evaluate/tsne.js';
import { winnerDetails } from '../../src/evaluate/winner-details.js';
import { matrixFromRows } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';
import { sequencesOf } from './helpers.js';

const H = 3600;
// Monday 2024-01-01 00:00 UTC.
const MONDAY = 1704067200;

test('weekdayHour(ts) is Thursday 0h at the epoch and Monday 17h on 2024-01-01 17:00 UTC (hand)', () => {
  assert.deepEqual(weekdayHour(0), [3, 0]);
  assert.deepEqual(weekdayHour(MONDAY + 17 * H + 59), [0, 17]);
  assert.deepEqual(weekdayHour(MONDAY - 1), [6, 23]);
});

test('principalComponents(X) on points along one axis: scores are the centered coordinate, all variance on axis 1 (hand)', () => {
  const { scores, explained } = principalComponents(
    matrixFromRows([
      [1, 5],
      [3, 5],
      [2, 5],
    ]),
    2,
  );
  assert.deepEqual(
    Array.from({ length: 3 }, (_, i) => Math.round(scores[2 * i] * 1e9) / 1e9),
    [-1, 1, 0],
  );
  assert.equal(explained[0], 1);
  assert.equal(explained[1], 0);
  assert.throws(() => principalComponents(matrixFromRows([[1, 2]]), 3), /components \(3\)/);
});

test('conditionalAffinities(D) rows sum to 1 and reach the target perplexity (definition, van der Maaten 2008)', () => {
  const rnd = randomSource(7);
  const n = 40;
  const X = matrixFromRows(Array.from({ length: n }, () => [rnd.normal(), rnd.normal(), rnd.normal()]));
  const D = new Float32Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      D[i * n + j] =
        (X.data[3 * i] - X.data[3 * j]) ** 2 +
        (X.data[3 * i + 1] - X.data[3 * j + 1]) ** 2 +
        (X.data[3 * i + 2] - X.data[3 * j + 2]) ** 2;
  const P = conditionalAffinities(D, n, 10);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let h = 0;
    for (let j = 0; j < n; j++) {
      sum += P[i * n + j];
      if (P[i * n + j] > 0) h -= P[i * n + j] * Math.log(P[i * n + j]);
    }
    assert.ok(Math.abs(sum - 1) < 1e-9);
    assert.ok(Math.abs(Math.exp(h) - 10) < 0.01, `row ${i} perplexity ${Math.exp(h)}`);
  }
});

test('tsne(X) seed 3: same seed same map; two far blobs stay apart (every point nearest to its own blob)', async () => {
  const rnd = randomSource(3);
  const rows = Array.from({ length: 40 }, (_, i) => [
    rnd.normal() + (i < 20 ? 0 : 20),
    rnd.normal(),
    rnd.normal(),
  ]);
  const X = matrixFromRows(rows);
  const a = await tsne(X, { random: randomSource(3), iterations: 300 });
  const b = await tsne(X, { random: randomSource(3), iterations: 300 });
  assert.deepEqual(a, b);
  for (let i = 0; i < 40; i++) {
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    for (let j = 0; j < 40; j++) {
      const d = (a[2 * i] - a[2 * j]) ** 2 + (a[2 * i + 1] - a[2 * j + 1]) ** 2;
      if (j !== i && d < bestD) {
        bestD = d;
        best = j;
      }
    }
    assert.equal(best < 20, i < 20, `point ${i}`);
  }
});

// Segment 0: evening viewers of category 0 who buy; segment 1: morning viewers of category 1.
const evening = (item: number, cat: number): [number, number, number, number][] => [
  [item, cat, 0, MONDAY + 17 * H],
  [item, cat, 0, MONDAY + 18 * H],
  [item, cat, 3, MONDAY + 19 * H],
];
const morning = (item: number, cat: number): [number, number, number, number][] => [
  [item, cat, 0, MONDAY + 9 * H],
  [item, cat, 0, MONDAY + 24 * H + 10 * H],
];
const log = sequencesOf({ a: evening(0, 0), b: evening(1, 0), c: morning(2, 1), d: morning(2, 1) }, 3, 2);
const labels = Int32Array.of(0, 0, 1, 1);

test('segmentProfiles(seqs, labels, 2): sizes, top categories with lift, funnel and heat map (hand counts)', () => {
  const [pop, s0, s1] = segmentProfiles(log, labels, 2, { top: 2 });
  assert.equal(pop.segment, -1);
  assert.equal(pop.users, 4);
  assert.equal(pop.events, 10);
  assert.deepEqual(s0.top_categories, [{ id: 'c0', count: 6, share: 1, lift: 10 / 6 }]);
  assert.deepEqual(s1.top_items, [{ id: 'i2', count: 4, share: 1, lift: 10 / 4 }]);
  assert.equal(s0.funnel.events.pv, 4);
  assert.equal(s0.funnel.events.buy, 2);
  assert.equal(s0.funnel.buy_per_view, 0.5);
  assert.equal(s0.funnel.buyer_share, 1);
  assert.equal(s1.funnel.buyer_share, 0);
  assert.equal(s1.heatmap[0 * 24 + 9], 2);
  assert.equal(s1.heatmap[1 * 24 + 10], 2);
  assert.equal(
    s0.heatmap.reduce((a, b) => a + b, 0),
    6,
  );
  assert.equal(s0.share, 0.5);
});

test('segmentTags(seqs, labels, 2): evening buyers vs morning users, rules with F1 1 (hand)', () => {
  const tags = segmentTags(log, labels, 2);
  assert.equal(tags.length, 2);
  assert.equal(tags[0].f1, 1);
  assert.equal(tags[1].f1, 1);
  assert.equal(tags[0].rule.length, 1);
  // Every atom separates perfectly; the first 'high' one in feature order wins the tie.
  assert.equal(tags[0].tag, 'evening users');
  // Share of events at 16-20h: 1 in segment 0, 0 elsewhere -> midpoint 0.5; effect (1 - 0) / sd 0.5 = 2.
  assert.deepEqual(tags[0].rule, [
    { feature: 'hours_16_20', direction: 'high', threshold: 0.5, effect_size: 2, phrase: 'evening' },
  ]);
  assert.equal(tags[0].selected, 2);
  assert.equal(tags[1].tag, 'morning users');
  assert.deepEqual(segmentTags(log, labels, 2), tags);
});

test('ruleScore(pass, member) and tagText(rule) (hand)', () => {
  assert.deepEqual(ruleScore(Uint8Array.of(1, 1, 0, 0), Uint8Array.of(1, 0, 1, 0)), {
    selected: 2,
    precision: 0.5,
    recall: 0.5,
    f1: 0.5,
  });
  assert.deepEqual(ruleScore(Uint8Array.of(0, 0), Uint8Array.of(1, 0)), {
    selected: 0,
    precision: 0,
    recall: 0,
    f1: 0,
  });
  const atom = (feature: string, direction: 'high' | 'low', phrase: string) => ({
    feature,
    direction,
    phrase,
    threshold: 0,
    effect_size: 1,
  });
  assert.equal(
    tagText([
      atom('share_pv', 'high', 'browsers'),
      atom('hours_16_20', 'high', 'evening'),
      atom('conversion', 'low', 'low conversion'),
      atom('category_share', 'high', 'categories A/B'),
    ]),
    'evening browsers of categories A/B, low conversion',
  );
  assert.equal(tagText([atom('activity', 'low', 'light')]), 'light users');
  assert.equal(tagText([]), 'typical users (no distinctive feature)');
});

test('segmentMedoids(X, labels, k, seqs): nearest to the segment mean first, tokens category:behavior (hand)', () => {
  const X = matrixFromRows([[0], [1], [3], [10], [12]]);
  const seqs = sequencesOf(
    {
      a: [[0, 0, 0, 1]],
      b: [
        [0, 1, 3, 2],
        [1, 0, 1, 3],
      ],
      c: [[0, 0, 0, 1]],
      d: [[0, 0, 0, 1]],
      e: [[0, 0, 0, 1]],
    },
    2,
    2,
  );
  const t = segmentMedoids(X, Int32Array.of(0, 0, 0, 1, 1), 2, seqs, 2, 12);
  // Segment 0 mean 4/3: b (1) is nearest, then a (0).
  assert.deepEqual(
    t[0].map((x) => x.user),
    ['b', 'a'],
  );
  assert.deepEqual(t[0][0].tokens, ['c1:buy', 'c0:cart']);
  assert.ok(Math.abs(t[0][0].distance - 1 / 3) < 1e-12);
  assert.deepEqual(
    t[1].map((x) => x.user),
    ['d', 'e'],
  );
});

test('winnerDetails(...) on a generated log (seed 5): sizes, maps, profiles, tags and contingency line up; deterministic', async () => {
  const { sequences, truth } = generateSequences({ users: 150, segments: 3, difficulty: 'easy', seed: 5 });
  const space = behaviorSpace(sequences);
  const labels = Int32Array.from(truth.segment, (s, i) => (i % 17 === 0 ? -1 : Math.max(0, s)));
  const k = Math.max(...labels) + 1;
  const input = {
    candidate: 'x',
    sequences,
    history: sequences,
    space,
    labels,
    k,
    truth: truth.segment,
    seed: 5,
  };
  const d = await winnerDetails(input);
  assert.equal(d.sizes.reduce((a, b) => a + b, 0) + d.noise, 150);
  assert.equal(d.profiles.length, k);
  assert.equal(d.tags.length, k);
  assert.equal(d.typical.length, k);
  assert.deepEqual(
    d.maps.map((m) => m.method),
    ['pca', 'tsne'],
  );
  for (const m of d.maps) assert.equal(m.x.length, m.segment.length);
  assert.equal(d.silhouette.per_segment.length, k);
  assert.equal(
    d.contingency!.counts.flat().reduce((a, b) => a + b, 0),
    150,
  );
  assert.equal(d.contingency!.segments.at(-1), -1);
  for (const t of d.tags) assert.ok(t.f1 > 0 && t.f1 <= 1);
  assert.deepEqual(await winnerDetails(input), d);
});
