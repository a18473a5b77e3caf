import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clusterDistanceSumsReference,
  distanceBlocksReference,
  distancesReference,
  kNearestReference,
  nearestRowsReference,
  squaredDistancesReference,
} from '../../src/kernels/reference.js';
import { matrixFromRows } from '../../src/util/matrix.js';

// Hand-checkable points on a line and a 3-4-5 triangle.
const line = matrixFromRows([[0], [1], [3], [7]]);
const triangle = matrixFromRows([
  [0, 0],
  [3, 0],
  [0, 4],
]);

test('squaredDistancesReference(triangle, triangle) matches the hand-computed 3-4-5 distances', () => {
  assert.deepEqual(
    Array.from(squaredDistancesReference(triangle, triangle)),
    [0, 9, 16, 9, 0, 25, 16, 25, 0],
  );
});

test('distancesReference(triangle, triangle, cosine) is 1 - cos: 1 between orthogonal axes', () => {
  const axes = matrixFromRows([
    [1, 0],
    [0, 2],
    [1, 1],
  ]);
  const D = distancesReference(axes, axes, 'cosine');
  assert.equal(D[1], 1);
  assert.ok(Math.abs(D[2] - (1 - Math.SQRT1_2)) < 1e-7);
  assert.throws(() => distancesReference(triangle, triangle, 'cosine'), /row 0 is a zero vector/);
});

test('nearestRowsReference(line, {1, 6}) picks the nearest center, lower index on the tie at 3.5', () => {
  const { index, distance } = nearestRowsReference(line, matrixFromRows([[1], [6]]));
  assert.deepEqual(Array.from(index), [0, 0, 0, 1]);
  assert.deepEqual(Array.from(distance), [1, 0, 4, 1]);
  const tie = nearestRowsReference(matrixFromRows([[3.5]]), matrixFromRows([[1], [6], [1]]));
  assert.deepEqual([tie.index[0], tie.distance[0]], [0, 6.25]);
});

test('clusterDistanceSumsReference(line, [0,0,1,-1]) sums distances per cluster by hand, noise excluded', () => {
  const sums = clusterDistanceSumsReference(line, Int32Array.from([0, 0, 1, -1]), 2, 'euclidean');
  // point 0: to {0,1} = 0 + 1, to {3} = 3; point 3 (noise) is still a row: to {0,1} = 7 + 6, to {3} = 4.
  assert.deepEqual(Array.from(sums), [1, 3, 1, 2, 5, 0, 13, 4]);
  assert.throws(
    () => clusterDistanceSumsReference(line, Int32Array.from([0, 0, 2, -1]), 2, 'euclidean'),
    /labels\[2\] \(2\)/,
  );
  assert.throws(
    () => clusterDistanceSumsReference(line, Int32Array.from([0, 0]), 2, 'euclidean'),
    /labels.length \(2\) != rows \(4\)/,
  );
});

test('kNearestReference(line, 2) excludes the point itself and breaks ties by lower index', () => {
  const { indices, distances } = kNearestReference(line, 2, 'euclidean');
  assert.deepEqual(Array.from(indices), [1, 2, 0, 2, 1, 0, 2, 1]);
  assert.deepEqual(Array.from(distances), [1, 3, 1, 2, 2, 3, 4, 6]);
  const tie = kNearestReference(line, 2, 'euclidean', matrixFromRows([[2]]));
  assert.deepEqual(Array.from(tie.indices), [1, 2]);
  assert.throws(() => kNearestReference(line, 4, 'euclidean'), /k \(4\) must be an integer in \[1, 3\]/);
});

test('distanceBlocksReference(line, line, 3) visits rows [0,3) then [3,4) with the distance rows', async () => {
  const seen: [number, number, number[]][] = [];
  await distanceBlocksReference(line, line, 'euclidean', 3, (block, r0, rows) => {
    seen.push([r0, rows, Array.from(block)]);
  });
  assert.deepEqual(seen, [
    [0, 3, [0, 1, 3, 7, 1, 0, 2, 6, 3, 2, 0, 4]],
    [3, 1, [7, 6, 4, 0]],
  ]);
  await assert.rejects(
    distanceBlocksReference(line, line, 'euclidean', 0, () => {}),
    /blockRows \(0\)/,
  );
});
