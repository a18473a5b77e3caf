import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clusterBirths,
  clusterParents,
  clusterStabilities,
  pointRows,
} from '../../src/cluster/condensed-tree.js';
import { Hdbscan } from '../../src/cluster/hdbscan.js';
import { buildKdTree } from '../../src/cluster/kd-tree.js';
import { coreDistancesBrute, coreDistancesInTree } from '../../src/cluster/core-distances.js';
import { blockedBoruvkaMutualReachability } from '../../src/cluster/boruvka-blocked-mst.js';
import { boruvkaMutualReachability } from '../../src/cluster/boruvka-mst.js';
import { primMutualReachability } from '../../src/cluster/mutual-reachability-mst.js';
import { matrix, matrixFromRows, type Matrix } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';

const line = (xs: number[]): Matrix => matrixFromRows(xs.map((x) => [x]));
const close = (a: number, b: number, tol = 1e-12) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

function blobs(n: number, d: number, k: number, seed: number, spread = 8): Matrix {
  const r = randomSource(seed);
  const centers = Array.from({ length: k }, () =>
    Array.from({ length: d }, () => (r.uniform() - 0.5) * 2 * spread),
  );
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = centers[i % k];
    for (let j = 0; j < d; j++) data[i * d + j] = c[j] + r.normal();
  }
  return matrix(n, d, data);
}

test('Hdbscan on two groups and an outlier on a line: labels, stabilities and GLOSH by hand', async () => {
  // minSamples 2: every core distance is 1 (nearest other point) except 30's (17).
  const X = line([0, 1, 2, 3, 10, 11, 12, 13, 30]);
  const m = await new Hdbscan({ minClusterSize: 3, minSamples: 2 }).fit(X);
  assert.deepEqual(Array.from(m.coreDistances), [1, 1, 1, 1, 1, 1, 1, 1, 17]);
  const labels = Array.from(m.labels);
  assert.equal(labels[8], -1);
  assert.deepEqual(new Set(labels.slice(0, 4)).size, 1);
  assert.deepEqual(new Set(labels.slice(4, 8)).size, 1);
  assert.notEqual(labels[0], labels[4]);
  // Root 9: 30 leaves at 1/17, the rest at the split 1/7. Children: 4 points each, 1/7 -> 1.
  const s = m.stabilities;
  assert.equal(s.length, 3);
  assert.ok(close(s[0], 1 / 17 + 8 / 7));
  assert.ok(close(s[1], 4 * (1 - 1 / 7)));
  assert.ok(close(s[2], 4 * (1 - 1 / 7)));
  assert.deepEqual(Array.from(m.probabilities), [1, 1, 1, 1, 1, 1, 1, 1, 0]);
  // GLOSH: 30 leaves the root at 1/17 while the root's subtree lives until lambda 1.
  const g = m.outlierScores;
  assert.ok(close(g[8], 16 / 17));
  for (let i = 0; i < 8; i++) assert.equal(g[i], 0);
});

// A1 and A2 split at distance 3/16 inside A; B is uniform. Exact binary values (float32-safe).
const nested = line([0, 0.125, 0.25, 0.4375, 0.5625, 0.6875, 10, 10.5, 11, 11.5, 12, 12.5]);

test('Hdbscan excess of mass keeps A whole while leaf selection splits it (stabilities by hand)', async () => {
  const eom = await new Hdbscan({ minClusterSize: 3, minSamples: 1 }).fit(nested);
  const l = Array.from(eom.labels);
  assert.equal(new Set(l.slice(0, 6)).size, 1);
  assert.equal(new Set(l.slice(6)).size, 1);
  assert.notEqual(l[0], l[6]);
  // clusters: root, A, B (born 1/9.3125), A1, A2 (born 16/3, points leave at 8).
  const s = eom.stabilities;
  const births = clusterBirths(eom.condensedTree);
  const a = births.findIndex(
    (b, i) => i > 0 && close(b, 1 / 9.3125) && close(s[i], 6 * (16 / 3 - 1 / 9.3125)),
  );
  assert.ok(a > 0, 'cluster A with stability 6 (16/3 - 1/9.3125)');
  const subs = Array.from(births.keys()).filter((i) => close(births[i], 16 / 3));
  assert.equal(subs.length, 2);
  for (const i of subs) assert.ok(close(s[i], 3 * (8 - 16 / 3)));
  const leaf = await new Hdbscan({ minClusterSize: 3, minSamples: 1, clusterSelectionMethod: 'leaf' }).fit(
    nested,
  );
  const ll = Array.from(leaf.labels);
  assert.equal(new Set(ll).size, 3);
  assert.equal(new Set(ll.slice(0, 3)).size, 1);
  assert.notEqual(ll[0], ll[3]);
});

test('Hdbscan clusterSelectionEpsilon 0.2 merges leaves born below distance 0.2 back into A', async () => {
  const m = await new Hdbscan({
    minClusterSize: 3,
    minSamples: 1,
    clusterSelectionMethod: 'leaf',
    clusterSelectionEpsilon: 0.2,
  }).fit(nested);
  const l = Array.from(m.labels);
  assert.equal(new Set(l).size, 2);
  assert.equal(new Set(l.slice(0, 6)).size, 1);
  const tight = await new Hdbscan({
    minClusterSize: 3,
    minSamples: 1,
    clusterSelectionMethod: 'leaf',
    clusterSelectionEpsilon: 0.15,
  }).fit(nested);
  assert.equal(new Set(tight.labels).size, 3);
});

test('Hdbscan allowSingleCluster: one uniform group is all noise by default, one cluster when allowed', async () => {
  const X = line([10, 10.5, 11, 11.5, 12, 12.5]);
  const off = await new Hdbscan({ minClusterSize: 3, minSamples: 1 }).fit(X);
  assert.deepEqual(Array.from(off.labels), [-1, -1, -1, -1, -1, -1]);
  const on = await new Hdbscan({ minClusterSize: 3, minSamples: 1, allowSingleCluster: true }).fit(X);
  assert.deepEqual(Array.from(on.labels), [0, 0, 0, 0, 0, 0]);
  assert.deepEqual(Array.from(on.probabilities), [1, 1, 1, 1, 1, 1]);
  // Prediction follows the same rule: inside the group (capped at the neighbor's lambda 2) joins,
  // at 20 (mutual reachability 7.5, lambda 2/15) stays noise.
  const p = await on.approximatePredict(line([11.25, 20]));
  assert.deepEqual(Array.from(p.labels), [0, -1]);
  assert.deepEqual(Array.from(p.probabilities), [1, 0]);
});

test('Hdbscan invariants on blobs (seed 11, 600 x 3): stability = sum over points of (lambda_p - birth); GLOSH and probabilities in [0, 1]', async () => {
  const m = await new Hdbscan({ minClusterSize: 12 }).fit(blobs(600, 3, 4, 11));
  const tree = m.condensedTree;
  const n = tree.n;
  const births = clusterBirths(tree);
  const parents = clusterParents(tree);
  const rows = pointRows(tree);
  const expected = new Float64Array(tree.clusterCount);
  for (let p = 0; p < n; p++) {
    // Walk up from the cluster p falls out of; above it, p leaves each ancestor when the child is born.
    let c = rows.cluster[p] - n;
    let leave = rows.lambda[p];
    for (;;) {
      expected[c] += leave - births[c];
      if (c === 0) break;
      leave = births[c];
      c = parents[c] - n;
    }
  }
  const s = clusterStabilities(tree);
  for (let c = 0; c < s.length; c++)
    assert.ok(close(s[c], expected[c], 1e-9), `cluster ${c}: ${s[c]} vs ${expected[c]}`);
  assert.ok(m.selectedClusters.length >= 2);
  for (let i = 0; i < n; i++) {
    assert.ok(m.outlierScores[i] >= 0 && m.outlierScores[i] <= 1);
    assert.ok(m.probabilities[i] >= 0 && m.probabilities[i] <= 1);
    if (m.labels[i] < 0) assert.equal(m.probabilities[i], 0);
  }
});

test('Hdbscan GLOSH with exact duplicates (seed 12, 300 x 2 plus 2 x 12 copies): finite, in [0, 1], copies 0, others against the largest finite lambda of their subtree', async () => {
  const base = blobs(300, 2, 3, 12);
  const data = new Float32Array((300 + 24) * 2);
  data.set(base.data);
  for (let c = 0; c < 24; c++) data.set(base.data.subarray(c < 12 ? 0 : 2, c < 12 ? 2 : 4), (300 + c) * 2);
  const m = await new Hdbscan({ minClusterSize: 10, minSamples: 5 }).fit(matrix(324, 2, data));
  const tree = m.condensedTree;
  const { n, parent, child, lambda } = tree;
  assert.ok(
    lambda.some((l) => l === Number.POSITIVE_INFINITY),
    'the copies give infinite lambdas',
  );
  // Independent check: for each point row, walk every row of the tree and keep the largest finite
  // lambda whose cluster lies in the subtree of the point's cluster (ancestor chains, O(rows^2)).
  const parents = clusterParents(tree);
  const inSubtree = (c: number, root: number) => {
    for (let x = c; ; x = parents[x] - n) {
      if (x === root) return true;
      if (x === 0) return false;
    }
  };
  let below1 = 0;
  for (let e = 0; e < parent.length; e++) {
    if (child[e] >= n) continue;
    const p = child[e];
    const score = m.outlierScores[p];
    assert.ok(Number.isFinite(score) && score >= 0 && score <= 1, `point ${p}: ${score}`);
    if (lambda[e] === Number.POSITIVE_INFINITY) {
      assert.equal(score, 0, `copy ${p}`);
      continue;
    }
    let max = 0;
    for (let f = 0; f < parent.length; f++)
      if (
        lambda[f] !== Number.POSITIVE_INFINITY &&
        lambda[f] > max &&
        inSubtree(parent[f] - n, parent[e] - n)
      )
        max = lambda[f];
    assert.ok(close(score, max === 0 ? 0 : (max - lambda[e]) / max, 1e-12), `point ${p}`);
    if (score < 1) below1++;
  }
  assert.ok(below1 > 250, `${below1} finite points score below 1`);
});

test('boruvkaMutualReachability equals Prim in total weight (seed 3, 700 x 3, minSamples 6; many core-distance ties)', async () => {
  const X = blobs(700, 3, 5, 3);
  const points = Float64Array.from(X.data);
  const tree = buildKdTree(points, 700, 3, 8);
  const { core, neighbors, k } = await coreDistancesInTree(tree, 6);
  const sum = (w: Float64Array) => w.reduce((s, v) => s + v, 0);
  const prim = primMutualReachability(points, 700, 3, core);
  const boruvka = boruvkaMutualReachability(tree, core, { neighbors, k });
  const unseeded = boruvkaMutualReachability(tree, core);
  assert.equal(boruvka.w.length, 699);
  assert.ok(close(sum(boruvka.w), sum(prim.w), 1e-12));
  assert.ok(close(sum(unseeded.w), sum(prim.w), 1e-12));
  // A spanning tree: 699 edges joining all 700 points.
  const parent = Int32Array.from({ length: 700 }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (let e = 0; e < 699; e++) {
    const a = find(boruvka.a[e]);
    const b = find(boruvka.b[e]);
    assert.notEqual(a, b);
    parent[a] = b;
  }
});

test('Hdbscan in 16 dims (Prim + kNearest kernel) finds the same clusters as in 3 dims zero-padded (seed 4)', async () => {
  const X = blobs(300, 3, 3, 4, 10);
  const padded = matrix(300, 16);
  for (let i = 0; i < 300; i++) for (let j = 0; j < 3; j++) padded.data[i * 16 + j] = X.data[i * 3 + j];
  const low = await new Hdbscan({ minClusterSize: 10 }).fit(X);
  const high = await new Hdbscan({ minClusterSize: 10 }).fit(padded);
  assert.equal(new Set(low.labels).size, new Set(high.labels).size);
  let same = 0;
  for (let i = 0; i < 300; i++) if (low.labels[i] === high.labels[i]) same++;
  assert.ok(same >= 297, `${same} of 300 agree`);
});

test('Hdbscan.approximatePredict: training points get their labels, a far point is noise, a point inside a cluster joins it', async () => {
  const X = blobs(400, 2, 3, 8, 10);
  const m = await new Hdbscan({ minClusterSize: 15 }).fit(X);
  const { labels, probabilities } = await m.approximatePredict(X);
  let agree = 0;
  for (let i = 0; i < 400; i++) if (m.labels[i] >= 0 && labels[i] === m.labels[i]) agree++;
  const clustered = Array.from(m.labels).filter((l) => l >= 0).length;
  assert.ok(agree >= 0.97 * clustered, `${agree} of ${clustered}`);
  const far = await m.approximatePredict(matrixFromRows([[500, 500]]));
  assert.deepEqual(Array.from(far.labels), [-1]);
  const i = Array.from(m.labels).findIndex((l) => l >= 0);
  const near = await m.predict(matrixFromRows([[X.data[2 * i] + 1e-3, X.data[2 * i + 1]]]));
  assert.equal(near[0], m.labels[i]);
  for (const p of probabilities) assert.ok(p >= 0 && p <= 1);
  await assert.rejects(m.approximatePredict(matrixFromRows([[1, 2, 3]])), /cols/);
});

test('Hdbscan under cosine clusters by direction, whatever the magnitude (seed 6)', async () => {
  const r = randomSource(6);
  const rows: number[][] = [];
  for (let i = 0; i < 60; i++) {
    const dir = i < 30 ? [1, 0.1, 0] : [0, 0.2, 1];
    const scale = 0.5 + 10 * r.uniform();
    rows.push(dir.map((v) => (v + 0.02 * r.normal()) * scale));
  }
  const m = await new Hdbscan({ minClusterSize: 8, metric: 'cosine' }).fit(matrixFromRows(rows));
  const l = Array.from(m.labels);
  const a = new Set(l.slice(0, 30).filter((v) => v >= 0));
  const b = new Set(l.slice(30).filter((v) => v >= 0));
  assert.equal(a.size, 1);
  assert.equal(b.size, 1);
  assert.notDeepEqual([...a], [...b]);
});

test('Hdbscan degenerate input: empty, one row, fewer rows than minClusterSize, identical points, minSamples > n, NaN, zero row under cosine', async () => {
  assert.equal((await new Hdbscan().fit(matrix(0, 2))).labels.length, 0);
  assert.deepEqual(Array.from((await new Hdbscan().fit(matrixFromRows([[1, 1]]))).labels), [-1]);
  assert.deepEqual(
    Array.from((await new Hdbscan({ minClusterSize: 5 }).fit(line([0, 1, 2]))).labels),
    [-1, -1, -1],
  );
  const same = line(new Array(10).fill(4));
  const s = await new Hdbscan({ minClusterSize: 3 }).fit(same);
  assert.deepEqual(Array.from(s.labels), new Array(10).fill(-1));
  const s1 = await new Hdbscan({ minClusterSize: 3, allowSingleCluster: true }).fit(same);
  assert.deepEqual(Array.from(s1.labels), new Array(10).fill(0));
  assert.deepEqual(Array.from(s1.outlierScores), new Array(10).fill(0));
  const clamped = await new Hdbscan({ minClusterSize: 2, minSamples: 50 }).fit(line([0, 1, 2, 10, 11, 12]));
  assert.equal(clamped.coreDistances[0], 12);
  await assert.rejects(new Hdbscan().fit(matrixFromRows([[Number.NaN, 0]])), /NaN/);
  await assert.rejects(
    new Hdbscan({ metric: 'cosine' }).fit(
      matrixFromRows([
        [0, 0],
        [1, 0],
      ]),
    ),
    /zero vector/,
  );
  assert.throws(() => new Hdbscan({ minClusterSize: 1 }), /minClusterSize/);
  assert.throws(() => new Hdbscan({ minSamples: 0 }), /minSamples/);
  assert.throws(() => new Hdbscan({ clusterSelectionEpsilon: -1 }), /clusterSelectionEpsilon/);
});

test('Hdbscan documented behavior (hdbscan docs, "Parameter selection"): larger minSamples declares more noise; GLOSH ranks background above blobs (seed 19)', async () => {
  const r = randomSource(19);
  const rows: number[][] = [];
  const centers = [
    [0, 0],
    [6, 0],
    [3, 5],
  ];
  for (let i = 0; i < 240; i++) rows.push(centers[i % 3].map((c) => c + 0.6 * r.normal()));
  for (let i = 0; i < 60; i++) rows.push([-4 + 14 * r.uniform(), -4 + 13 * r.uniform()]);
  const X = matrixFromRows(rows);
  let previous = -1;
  for (const minSamples of [2, 5, 10, 20]) {
    const m = await new Hdbscan({ minClusterSize: 15, minSamples }).fit(X);
    const noise = Array.from(m.labels).filter((l) => l < 0).length;
    assert.ok(noise >= previous, `minSamples ${minSamples}: ${noise} noise < ${previous}`);
    previous = noise;
  }
  const m = await new Hdbscan({ minClusterSize: 15 }).fit(X);
  const mean = (from: number, to: number) => {
    let s = 0;
    for (let i = from; i < to; i++) s += m.outlierScores[i];
    return s / (to - from);
  };
  assert.ok(mean(240, 300) > 2 * mean(0, 240), `background ${mean(240, 300)} vs blobs ${mean(0, 240)}`);
  assert.equal(m.selectedClusters.length, 3);
});

test('blockedBoruvkaMutualReachability (distanceBlocks kernel) equals Prim in total weight to float32 precision (seed 23, 500 x 40)', async () => {
  const X = blobs(500, 40, 4, 23);
  const points = Float64Array.from(X.data);
  const core = await coreDistancesBrute(X, 5);
  const sum = (w: Float64Array) => w.reduce((s, v) => s + v, 0);
  const blocked = await blockedBoruvkaMutualReachability(X, core);
  const prim = primMutualReachability(points, 500, 40, core);
  assert.equal(blocked.w.length, 499);
  assert.ok(close(sum(blocked.w), sum(prim.w), 1e-6), `${sum(blocked.w)} vs ${sum(prim.w)}`);
  const low = await new Hdbscan({ minClusterSize: 10 }).fit(blobs(300, 3, 3, 4, 10));
  const X3 = blobs(300, 3, 3, 4, 10);
  const padded = matrix(300, 40);
  for (let i = 0; i < 300; i++) for (let j = 0; j < 3; j++) padded.data[i * 40 + j] = X3.data[i * 3 + j];
  const high = await new Hdbscan({ minClusterSize: 10 }).fit(padded);
  let same = 0;
  for (let i = 0; i < 300; i++) if (low.labels[i] === high.labels[i]) same++;
  assert.ok(same >= 297, `${same} of 300 agree`);
});
