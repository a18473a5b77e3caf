import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_ONNX_KERNEL_OPTIONS } from '../../../src/kernels/onnx/options.js';
import { tileShape, touchesDiagonal } from '../../../src/kernels/onnx/tiles.js';

test('tileShape(m, options) keeps a tile within tileElements and maxTileCols (memory bound by design)', () => {
  for (const m of [1, 7, 20, 8191, 8192, 8193, 100_000]) {
    for (const options of [DEFAULT_ONNX_KERNEL_OPTIONS, { threads: 1, tileElements: 64, maxTileCols: 8 }]) {
      const { rowBlock, colBlock } = tileShape(m, options);
      assert.ok(colBlock >= 1 && colBlock <= Math.min(m, options.maxTileCols), `colBlock for m=${m}`);
      assert.ok(
        rowBlock >= 1 && rowBlock * colBlock <= Math.max(options.tileElements, colBlock),
        `rows x cols for m=${m}`,
      );
    }
  }
});

test('touchesDiagonal(r0, rb, c0, cb) is true exactly when the row and column ranges overlap', () => {
  assert.equal(touchesDiagonal(0, 4, 4, 4), false);
  assert.equal(touchesDiagonal(0, 5, 4, 4), true);
  assert.equal(touchesDiagonal(8, 2, 4, 4), false);
  assert.equal(touchesDiagonal(7, 2, 4, 4), true);
});
