import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLabels } from '../../src/io/labels-file.js';
import { npyToMatrix } from '../../src/io/npy-matrix.js';

describe('parseLabels and npyToMatrix', () => {
  it('parseLabels reads one integer per line, with CRLF and a trailing newline', () => {
    assert.deepEqual(Array.from(parseLabels('0\r\n1\n-1\n')), [0, 1, -1]);
    assert.deepEqual(Array.from(parseLabels('')), []);
  });
  it('parseLabels rejects a non-integer and a label below -1 naming file and line', () => {
    assert.throws(() => parseLabels('0\n1.5\n', 'L.txt'), /L\.txt:2: "1\.5" is not an integer label/);
    assert.throws(() => parseLabels('-2\n', 'L.txt'), /L\.txt:1: label -2 is out of range/);
  });
  it('npyToMatrix converts float64 to a float32 Matrix and rejects 1-D arrays', () => {
    const m = npyToMatrix({ dtype: 'float64', shape: [1, 2], data: Float64Array.of(1.5, 2) });
    assert.deepEqual([m.rows, m.cols, Array.from(m.data)], [1, 2, [1.5, 2]]);
    assert.throws(
      () => npyToMatrix({ dtype: 'float32', shape: [3], data: new Float32Array(3) }, 'v.npy'),
      /v\.npy: expected a 2-D array/,
    );
  });
});
