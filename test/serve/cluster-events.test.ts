import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterEvents } from '../../src/serve/cluster-events.js';

const side = (centroids: number[], spread: number[]) => ({
  k: spread.length,
  cols: 1,
  centroids: Float64Array.from(centroids),
  meanDistance: Float64Array.from(spread),
});

test('clusterEvents: a close matched pair survives, a far one dies and is born (hand example)', () => {
  const { events, match } = clusterEvents(
    side([0, 10], [1, 1]),
    side([0.5, 30], [1, 1]),
    Float64Array.of(10, 0, 0, 10),
  );
  assert.deepEqual([...match], [0, 1]);
  assert.deepEqual(events, [
    { kind: 'survive', from: [0], to: [0] },
    { kind: 'die', from: [1], to: [] },
    { kind: 'born', from: [], to: [1] },
  ]);
});

test('clusterEvents: one old cluster spread over two new ones is a split; two old into one new is a merge', () => {
  // old 0 -> new 0 (50%) and new 1 (50%): split. old 1 and old 2 -> new 2: merge.
  const overlap = Float64Array.of(5, 5, 0, 0, 0, 6, 0, 0, 4);
  const { events } = clusterEvents(side([0, 5, 6], [1, 1, 1]), side([-1, 1, 5.5], [1, 1, 1]), overlap);
  assert.deepEqual(events, [
    { kind: 'split', from: [0], to: [0, 1] },
    { kind: 'merge', from: [1, 2], to: [2] },
  ]);
});

test('clusterEvents throws on mismatched overlap', () => {
  assert.throws(() => clusterEvents(side([0], [1]), side([0], [1]), Float64Array.of(1, 2)), /overlap.length/);
});
