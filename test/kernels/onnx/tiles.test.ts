import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_ONNX_KERNEL_OPTIONS } from '../../../src/kernels/onnx/options.js';
import { splitAtDiagonal, squareSide, tileShape } from '../../../src/kernels/onnx/tiles.js';

test('tileShape(m, d, options) keeps a tile and its input copies within tileElements (memory bound by design)', () => {
  for (const m of [1, 7, 20, 8191, 8192, 8193, 100_000]) {
    for (const d of [1, 64, 768]) {
      for (const options of [
        DEFAULT_ONNX_KERNEL_OPTIONS,
        { ...DEFAULT_ONNX_KERNEL_OPTIONS, threads: 1, tileElements: 64, maxTileCols: 8 },
      ]) {
        const { rowBlock, colBlock } = tileShape(m, d, options);
        const floor = Math.max(colBlock, d + 2);
        assert.ok(colBlock >= 1 && colBlock <= Math.min(m, options.maxTileCols), `colBlock for m=${m}`);
        assert.ok(
          rowBlock >= 1 && rowBlock * colBlock <= Math.max(options.tileElements, floor),
          `rows x cols, m=${m} d=${d}`,
        );
        assert.ok(
          rowBlock * (d + 2) <= Math.max(options.tileElements, floor),
          `rows x (d + 2), m=${m} d=${d}`,
        );
        const side = squareSide(m, d, options);
        assert.ok(
          side * side <= options.tileElements && side * (d + 2) <= Math.max(options.tileElements, d + 2),
          `side, m=${m} d=${d}`,
        );
      }
    }
  }
});

test('splitAtDiagonal(r0, rb, c0, cb) isolates the columns that share indices with the rows', () => {
  assert.deepEqual(splitAtDiagonal(0, 4, 4, 4), [{ c0: 4, cb: 4, self: false }]);
  assert.deepEqual(splitAtDiagonal(4, 2, 0, 10), [
    { c0: 0, cb: 4, self: false },
    { c0: 4, cb: 2, self: true },
    { c0: 6, cb: 4, self: false },
  ]);
  assert.deepEqual(splitAtDiagonal(0, 8, 0, 4), [{ c0: 0, cb: 4, self: true }]);
  assert.deepEqual(splitAtDiagonal(6, 4, 0, 8), [
    { c0: 0, cb: 6, self: false },
    { c0: 6, cb: 2, self: true },
  ]);
});
