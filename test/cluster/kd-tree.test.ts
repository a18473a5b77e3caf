import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildKdTree } from '../../src/cluster/kd-tree.js';
import { kNearestInTree, radiusNeighborsInTree } from '../../src/cluster/kd-tree-query.js';
import { selfKNearest } from '../../src/cluster/kd-tree-self.js';
import { selfRadiusNeighbors } from '../../src/cluster/kd-tree-self-radius.js';
import { selfKNearestParallel } from '../../src/cluster/parallel-knn.js';
import { randomSource } from '../../src/util/random.js';

function randomPoints(n: number, d: number, seed: number): Float64Array {
  const r = randomSource(seed);
  const out = new Float64Array(n * d);
  for (let i = 0; i < out.length; i++) out[i] = r.normal();
  return out;
}

function bruteDistances(P: Float64Array, d: number, q: number): number[] {
  const n = P.length / d;
  const out: number[] = [];
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += (P[q * d + c] - P[j * d + c]) ** 2;
    out.push(Math.sqrt(s));
  }
  return out;
}

test('radiusNeighborsInTree(tree, X, n, r) finds exactly the brute-force pairs within r (seed 5, 600 x 4)', () => {
  const d = 4;
  const P = randomPoints(600, d, 5);
  const tree = buildKdTree(P, 600, d, 8);
  const { offsets, indices } = radiusNeighborsInTree(tree, P, 600, 0.9);
  for (let q = 0; q < 600; q++) {
    const expected = bruteDistances(P, d, q).flatMap((v, j) => (v <= 0.9 ? [j] : []));
    const got = Array.from(indices.subarray(offsets[q], offsets[q + 1])).sort((a, b) => a - b);
    assert.deepEqual(got, expected);
  }
});

test('kNearestInTree(tree, X, n, k) equals brute-force k nearest, sorted, self first (seed 9, 500 x 3, k 7)', () => {
  const d = 3;
  const P = randomPoints(500, d, 9);
  const tree = buildKdTree(P, 500, d, 5);
  const k = 7;
  const { indices, distances } = kNearestInTree(tree, P, 500, k);
  for (let q = 0; q < 500; q++) {
    const all = bruteDistances(P, d, q);
    const order = all.map((_, j) => j).sort((a, b) => all[a] - all[b] || a - b);
    assert.deepEqual(Array.from(indices.subarray(q * k, (q + 1) * k)), order.slice(0, k));
    for (let r = 0; r < k; r++) assert.ok(Math.abs(distances[q * k + r] - all[order[r]]) < 1e-12);
  }
});

test('buildKdTree on one point and on identical points answers queries', () => {
  const one = buildKdTree(new Float64Array([1, 2]), 1, 2);
  assert.deepEqual(Array.from(kNearestInTree(one, new Float64Array([0, 0]), 1, 1).indices), [0]);
  const same = new Float64Array(200).fill(1);
  const t = buildKdTree(same, 100, 2, 4);
  const { offsets } = radiusNeighborsInTree(t, new Float64Array([1, 1]), 1, 0);
  assert.equal(offsets[1], 100);
  assert.throws(() => kNearestInTree(t, same, 1, 101), /k \(101\)/);
});

test('selfKNearest(tree, k) equals kNearestInTree per query, and selfKNearestParallel equals selfKNearest (seed 12, 6000 x 5, k 9)', async () => {
  const n = 6000;
  const d = 5;
  const P = randomPoints(n, d, 12);
  const tree = buildKdTree(P, n, d);
  const k = 9;
  const seq = selfKNearest(tree, k);
  const par = await selfKNearestParallel(tree, k);
  assert.deepEqual(par.kth, seq.kth);
  assert.deepEqual(par.neighbors, seq.neighbors);
  const { distances } = kNearestInTree(tree, P, n, k);
  for (let i = 0; i < n; i++) assert.ok(Math.abs(seq.kth[i] - distances[i * k + k - 1]) < 1e-12);
});

test('selfRadiusNeighbors(tree, r) equals radiusNeighborsInTree per query (seed 14, 800 x 3)', () => {
  const P = randomPoints(800, 3, 14);
  const tree = buildKdTree(P, 800, 3, 6);
  const a = selfRadiusNeighbors(tree, 0.5);
  const b = radiusNeighborsInTree(tree, P, 800, 0.5);
  assert.deepEqual(a.offsets, b.offsets);
  for (let q = 0; q < 800; q++) {
    const x = Array.from(a.indices.subarray(a.offsets[q], a.offsets[q + 1])).sort((u, v) => u - v);
    const y = Array.from(b.indices.subarray(b.offsets[q], b.offsets[q + 1])).sort((u, v) => u - v);
    assert.deepEqual(x, y);
  }
});
