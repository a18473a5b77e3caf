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

test('assertFinite finds a bad value in any span of the scan: first, last, at a span border (65,536 values each)', () => {
  const n = 3 * 65536 + 7; // 39,323 rows of 5
  for (const at of [0, 65535, 65536, 2 * 65536 + 1, n - 1]) {
    const data = new Float32Array(n).fill(1.5);
    data[at] = Number.NEGATIVE_INFINITY;
    assert.throws(
      () => assertFinite({ rows: n / 5, cols: 5, data }, 'c'),
      new RangeError(
        `c: X[${Math.floor(at / 5)}, ${at % 5}] is -Infinity; remove or impute non-finite values`,
      ),
    );
  }
  assertFinite({ rows: n / 5, cols: 5, data: new Float32Array(n).fill(-2) }, 'c');
});
