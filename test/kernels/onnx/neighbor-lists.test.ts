import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NeighborLists } from '../../../src/kernels/onnx/neighbor-lists.js';

test('NeighborLists.merge keeps the k smallest by (distance, index) whatever order tiles arrive in', () => {
  const lists = new NeighborLists(1, 3);
  // Tile at columns 10..: values 2, 5 (indices 10, 11); tile at columns 0..: 2, 2, 9 (indices 3, 4, 5).
  lists.merge(0, Float32Array.of(2, 5), Int32Array.of(0, 1), 0, 1, 2, 10);
  lists.merge(0, Float32Array.of(2, 2, 9), Int32Array.of(3, 4, 5), 0, 1, 3, 0);
  assert.deepEqual(Array.from(lists.distances), [2, 2, 2]);
  assert.deepEqual(Array.from(lists.indices), [3, 4, 10]);
});

test('NeighborLists.merge reads strided candidates and stops at +inf (masked self) entries', () => {
  const lists = new NeighborLists(2, 2);
  lists.merge(0, Float32Array.of(1, Number.POSITIVE_INFINITY), Int32Array.of(0, 1), 0, 1, 2, 0);
  assert.deepEqual(Array.from(lists.distances.subarray(0, 1)), [1]);
  // Only one finite candidate: the second slot of row 0 is filled by a later tile.
  lists.merge(0, Float32Array.of(5), Int32Array.of(0), 0, 1, 1, 7);
  assert.deepEqual(Array.from(lists.indices.subarray(0, 2)), [0, 7]);
  // Column-major candidates for row 1: positions 0 and 2 of [1, 7, 2, 8] (stride 2).
  lists.merge(1, Float32Array.of(1, 7, 2, 8), Int32Array.of(0, 1, 2, 3), 0, 2, 2, 100);
  assert.deepEqual(Array.from(lists.indices.subarray(2, 4)), [100, 102]);
  assert.deepEqual(Array.from(lists.distances.subarray(2, 4)), [1, 2]);
});
