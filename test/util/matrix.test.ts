import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinite } from '../../src/util/matrix.js';

test('assertFinite names the first non-finite value by row and column, at every position of the 4-wide scan', () => {
  // 11 values (two full groups of 4 and a tail of 3): each position in turn holds the bad value.
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    for (let at = 0; at < 11; at++) {
      const data = Float32Array.from({ length: 11 }, (_, i) => (i === at ? bad : i - 5));
      assert.throws(
        () => assertFinite({ rows: 11, cols: 1, data }, 'caller'),
        new RangeError(`caller: X[${at}, 0] is ${bad}; remove or impute non-finite values`),
      );
    }
  }
  // Two bad values: the first one is named; large finite values (whose products with 0 are 0) pass.
  const data = Float32Array.of(3e38, -3e38, 1, Number.NaN, 2, Number.POSITIVE_INFINITY);
  assert.throws(() => assertFinite({ rows: 3, cols: 2, data }, 'c'), /c: X\[1, 1\] is NaN/);
  assertFinite({ rows: 2, cols: 2, data: Float32Array.of(3e38, -3e38, 0, -0) }, 'c');
  assertFinite({ rows: 0, cols: 3, data: new Float32Array(0) }, 'c');
});
