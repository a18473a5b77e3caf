import assert from 'node:assert/strict';
import { test } from 'node:test';
import { densePrim } from '../../src/cluster/dense-prim.js';

/** Weights from a full symmetric matrix, for hand-checked graphs. */
const fromMatrix =
  (W: number[][]) => (current: number, rest: Int32Array, left: number, out: Float64Array) => {
    for (let p = 0; p < left; p++) out[p] = W[current][rest[p]];
  };

test('densePrim on a hand-checked 4-vertex graph: edges in the order added, from vertex 0', () => {
  // MST: 0-2 (1), 2-3 (2), 2-1 (4); total 7.
  const W = [
    [0, 5, 1, 6],
    [5, 0, 4, 7],
    [1, 4, 0, 2],
    [6, 7, 2, 0],
  ];
  const { a, b, w } = densePrim(4, fromMatrix(W));
  assert.deepEqual([...a], [0, 2, 2]);
  assert.deepEqual([...b], [2, 3, 1]);
  assert.deepEqual([...w], [1, 2, 4]);
});

test('densePrim: no edges for 0 or 1 vertex; equal weights keep the first vertex found', () => {
  for (const n of [0, 1]) {
    const e = densePrim(n, () => assert.fail('no weights needed'));
    assert.deepEqual([e.a.length, e.b.length, e.w.length], [0, 0, 0]);
  }
  const ties = densePrim(3, (_, __, left, out) => out.fill(1, 0, left));
  assert.deepEqual([...ties.b], [1, 2]);
  assert.deepEqual([...ties.w], [1, 1]);
});
