import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dissimilarity, isDissimilarity, pointCount } from '../../src/util/dissimilarity.js';
import { matrix } from '../../src/util/matrix.js';

test('dissimilarity(n, data) wraps a valid matrix as is, Float64 or Float32, and n = 0', () => {
  const data = Float64Array.of(0, 1, 4, 1, 0, 3, 4, 3, 0);
  const D = dissimilarity(3, data);
  assert.equal(D.kind, 'dissimilarity');
  assert.equal(D.n, 3);
  assert.equal(D.data, data);
  assert.equal(dissimilarity(2, Float32Array.of(0, 0.5, 0.5, 0)).n, 2);
  assert.equal(dissimilarity(0, new Float64Array(0)).n, 0);
});

test('dissimilarity rejects a bad n, a length mismatch, asymmetry, a non-zero diagonal, NaN, Infinity and negatives', () => {
  assert.throws(
    () => dissimilarity(1.5, new Float64Array(2)),
    /dissimilarity: n \(1.5\) must be a non-negative integer/,
  );
  assert.throws(
    () => dissimilarity(2, new Float64Array(3)),
    /dissimilarity: data.length \(3\) != n\*n \(4\)/,
  );
  assert.throws(() => dissimilarity(2, Float64Array.of(0, 1, 2, 0)), /D\[1, 0\] \(2\) != D\[0, 1\] \(1\)/);
  assert.throws(() => dissimilarity(2, Float64Array.of(1, 1, 1, 0)), /D\[0, 0\] \(1\) must be 0/);
  assert.throws(
    () => dissimilarity(2, Float64Array.of(0, Number.NaN, Number.NaN, 0)),
    /D\[1, 0\] \(NaN\) must be finite/,
  );
  assert.throws(() => dissimilarity(2, Float64Array.of(0, Infinity, Infinity, 0)), /D\[1, 0\] \(Infinity\)/);
  assert.throws(
    () => dissimilarity(2, Float64Array.of(0, -1, -1, 0)),
    /D\[1, 0\] \(-1\) must be finite and >= 0/,
  );
});

test('isDissimilarity and pointCount tell a dissimilarity from vectors', () => {
  const D = dissimilarity(2, Float64Array.of(0, 1, 1, 0));
  const X = matrix(3, 2);
  assert.equal(isDissimilarity(D), true);
  assert.equal(isDissimilarity(X), false);
  assert.equal(pointCount(D), 2);
  assert.equal(pointCount(X), 3);
});
