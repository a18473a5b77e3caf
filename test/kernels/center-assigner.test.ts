/**
 * centerAssigner: the onnx backend against the plain-TS reference (which is itself checked by hand),
 * and the entry point's argument checks. Tolerances as in onnx/backend.test.ts: 1e-5 relative on
 * distances of standard normal data, 1e-4 far from the origin; sums within 1e-6 (about 16 float32
 * ulps) of the sum of |w x| (float32 block sums added in Float64); labels exactly equal on
 * continuous data and on small-integer grids.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type CenterAssigner,
  assertCenterLabels,
  centerAssignerReference,
  centerSumsReference,
} from '../../src/kernels/center-assigner.js';
import { centerAssigner } from '../../src/kernels/kernels.js';
import { onnxBackend as onnx } from '../../src/kernels/onnx/backend.js';
import { configureOnnxKernels, DEFAULT_ONNX_KERNEL_OPTIONS } from '../../src/kernels/onnx/options.js';
import { type Matrix, matrixFromRows, selectRows } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';
import { assertCenterSums, assertClose, gridMatrix, normalMatrix } from './test-matrices.js';

const ones = (n: number) => new Float64Array(n).fill(1);

function randomWeights(n: number, seed: number): Float64Array {
  const r = randomSource(seed);
  // Zero weights included: such rows get labels but add nothing.
  return Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : r.uniform() * 3));
}

/** Both passes of `a` agree with the reference on C: distances, labels, sums, weights and counts. */
async function assertSameAsReference(
  a: CenterAssigner,
  X: Matrix,
  weight: Float64Array,
  C: Matrix,
  what: string,
  distanceTol = 1e-5,
): Promise<void> {
  const ref = centerAssignerReference(X, weight);
  assertClose(await a.squaredDistances(C), await ref.squaredDistances(C), distanceTol, `${what} d2`);
  const expected = await ref.nearestWithSums(C);
  assert.deepEqual(await a.nearest(C), expected.index, `${what} nearest`);
  const got = await a.nearestWithSums(C);
  assert.deepEqual(got.index, expected.index, `${what} nearestWithSums index`);
  assertCenterSums(got.sums, X, weight, expected.index, C.rows, what);
}

test('centerSumsReference(X, w, labels, k) matches a hand computation (empty cluster stays 0)', () => {
  const X = matrixFromRows([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  const s = centerSumsReference(X, Float64Array.of(1, 2, 0.5), Int32Array.of(0, 2, 0), 3);
  assert.deepEqual([...s.sums], [1 + 2.5, 2 + 3, 0, 0, 6, 8]);
  assert.deepEqual([...s.weight], [1.5, 0, 2]);
  assert.deepEqual([...s.count], [2, 0, 1]);
});

test('onnx centerAssigner matches the reference on normal data, unweighted and weighted (seeds 1-4)', async () => {
  const X = normalMatrix(700, 9, 1);
  const C = normalMatrix(6, 9, 2);
  await assertSameAsReference(await onnx.centerAssigner(X, ones(700)), X, ones(700), C, 'unweighted');
  const w = randomWeights(700, 3);
  await assertSameAsReference(await onnx.centerAssigner(X, w), X, w, normalMatrix(11, 9, 4), 'weighted');
});

test('onnx centerAssigner matches the reference far from the origin (offset 1000, seeds 5, 6)', async () => {
  const X = normalMatrix(300, 16, 5, 1000);
  const C = normalMatrix(5, 16, 6, 1000);
  await assertSameAsReference(await onnx.centerAssigner(X, ones(300)), X, ones(300), C, 'far', 1e-4);
});

test('onnx centerAssigner breaks exact ties on a small-integer grid by the lower index, like the reference (seed 7)', async () => {
  const X = gridMatrix(400, 3, 7, 3);
  // Duplicate centers: every row ties between 0 and 3 and must go to 0.
  const C = selectRows(X, [5, 17, 42, 5, 99]);
  const a = await onnx.centerAssigner(X, ones(400));
  await assertSameAsReference(a, X, ones(400), C, 'grid');
  assert.ok(!(await a.nearest(C)).includes(3));
});

test('onnx centerAssigner over several sum blocks and over many chunks matches the reference (seed 8)', async () => {
  const X = normalMatrix(9000, 5, 8);
  const C = normalMatrix(7, 5, 9);
  const w = randomWeights(9000, 10);
  // One chunk of 9000 rows: three blocks of SUM_BLOCK_ROWS (4096) rows, the last one short.
  await assertSameAsReference(await onnx.centerAssigner(X, w), X, w, C, 'blocks');
  configureOnnxKernels({ tileElements: 1000 });
  try {
    // 1000 / 7 = 142 rows per chunk: 64 chunks; the last one is short.
    await assertSameAsReference(await onnx.centerAssigner(X, w), X, w, C, 'chunked');
  } finally {
    configureOnnxKernels({ tileElements: DEFAULT_ONNX_KERNEL_OPTIONS.tileElements });
  }
});

test('onnx centerAssigner degenerate shapes: one center, one row, one column, no centers', async () => {
  const X = normalMatrix(50, 1, 11);
  const a = await onnx.centerAssigner(X, ones(50));
  await assertSameAsReference(a, X, ones(50), normalMatrix(1, 1, 12), 'one center');
  const one = normalMatrix(1, 4, 13);
  await assertSameAsReference(
    await onnx.centerAssigner(one, ones(1)),
    one,
    ones(1),
    normalMatrix(3, 4, 14),
    'one row',
  );
  const none: Matrix = { rows: 0, cols: 1, data: new Float32Array(0) };
  assert.deepEqual(await a.squaredDistances(none), new Float32Array(0));
  const empty = await onnx.centerAssigner(
    { rows: 0, cols: 3, data: new Float32Array(0) },
    new Float64Array(0),
  );
  assert.deepEqual(await empty.nearest(normalMatrix(2, 3, 15)), new Int32Array(0));
});

test('centerAssigner(X, weight) checks weights and every pass checks C.cols', async () => {
  const X = normalMatrix(4, 2, 16);
  await assert.rejects(centerAssigner(X, Float64Array.of(1, 1, 1)), /weight\.length \(3\) != rows \(4\)/);
  await assert.rejects(
    centerAssigner(X, Float64Array.of(1, -1, 1, 1)),
    /weight\[1\] \(-1\) must be finite and >= 0/,
  );
  await assert.rejects(centerAssigner(X, Float64Array.of(1, 1, Number.NaN, 1)), /weight\[2\] \(NaN\)/);
  const a = await centerAssigner(X);
  await assert.rejects(
    a.nearest(normalMatrix(2, 3, 17)),
    /centerAssigner\.nearest: A\.cols \(2\) != B\.cols \(3\)/,
  );
  await assert.rejects(a.nearestWithSums(normalMatrix(2, 3, 17)), /nearestWithSums/);
  await assert.rejects(a.squaredDistances(normalMatrix(2, 3, 17)), /squaredDistances/);
});

test('centerAssigner passes write into a given output buffer (the same values as a fresh one), which must have the right length', async () => {
  const X = normalMatrix(500, 6, 18);
  const C = normalMatrix(7, 6, 19);
  for (const a of [await onnx.centerAssigner(X, ones(500)), centerAssignerReference(X, ones(500))]) {
    const D = new Float32Array(500 * 7).fill(-1);
    assert.equal(await a.squaredDistances(C, D), D);
    assert.deepEqual(D, await a.squaredDistances(C));
    const index = new Int32Array(500).fill(-1);
    assert.equal(await a.nearest(C, index), index);
    assert.deepEqual(index, await a.nearest(C));
    const spare = new Int32Array(500).fill(-1);
    const { index: withSums } = await a.nearestWithSums(C, spare);
    assert.equal(withSums, spare);
    assert.deepEqual(spare, index);
    await assert.rejects(a.nearest(C, new Int32Array(499)), /nearest: out\.length \(499\) != 500/);
    await assert.rejects(
      a.squaredDistances(C, new Float32Array(10)),
      /squaredDistances: out\.length \(10\) != 3500/,
    );
  }
});

/** moveRows, inertia and seeding of `a` against the reference assigner on X. */
async function assertUpdatesAsReference(
  a: CenterAssigner,
  X: Matrix,
  weight: Float64Array,
  C: Matrix,
  what: string,
) {
  const ref = centerAssignerReference(X, weight);
  const { index, sums } = await a.nearestWithSums(C);
  const next = index.map((c, i) => (i % 4 === 0 ? (c + 1) % C.rows : c));
  const expected = centerSumsReference(X, weight, index, C.rows);
  const moved = await a.moveRows(index, next, sums);
  assert.equal(moved, await ref.moveRows(index, next, expected), `${what} moved`);
  assert.deepEqual(sums.count, expected.count, `${what} moved count`);
  assertClose(sums.sums, expected.sums, 1e-5, `${what} moved sums`);
  assertClose([await a.inertia(C, next)], [await ref.inertia(C, next)], 1e-6, `${what} inertia`);
  const s = a.seeding(weight);
  const r = ref.seeding(weight);
  assertClose([await s.first(1)], [await r.first(1)], 1e-5, `${what} first`);
  const got = new Float64Array(3);
  const want = new Float64Array(3);
  await s.trial(Int32Array.of(0, 5, 9), got);
  await r.trial(Int32Array.of(0, 5, 9), want);
  assertClose(got, want, 1e-5, `${what} trial`);
  assertClose([s.accept(1)], [r.accept(1)], 1e-5, `${what} accept`);
  a.release();
}

test('onnx centerAssigner moveRows, inertia and seeding match the reference, in WASM and in plain arrays (seeds 19-21)', async () => {
  const X = normalMatrix(900, 11, 19, 4);
  const C = normalMatrix(6, 11, 20, 4);
  const w = randomWeights(900, 21);
  await assertUpdatesAsReference(await onnx.centerAssigner(X, w), X, w, C, 'wasm');
  // A workspace limit below X's size keeps X in plain arrays: ScatterND sums, reference loops.
  configureOnnxKernels({ maxWorkspaceBytes: 1000 });
  try {
    const a = await onnx.centerAssigner(X, w);
    await assertSameAsReference(a, X, w, C, 'plain arrays');
    await assertUpdatesAsReference(a, X, w, C, 'plain arrays');
  } finally {
    configureOnnxKernels({ maxWorkspaceBytes: DEFAULT_ONNX_KERNEL_OPTIONS.maxWorkspaceBytes });
  }
});

test('onnx centerAssigner passes stay right after a wide k-means++ trial grew the workspace (seed 22)', async () => {
  const X = normalMatrix(3000, 8, 22);
  const C = normalMatrix(5, 8, 23);
  const a = await onnx.centerAssigner(X, ones(3000));
  const before = await a.nearest(C);
  // Nine candidates per trial: a k-means++ distance region the size of X's rows grows the memory.
  const s = a.seeding(ones(3000));
  await s.first(0);
  await s.trial(
    Int32Array.from({ length: 9 }, (_, i) => i * 7),
    new Float64Array(9),
  );
  assert.deepEqual(await a.nearest(C), before);
  await assertSameAsReference(a, X, ones(3000), C, 'after growth');
  a.release();
});

test('centerAssigner moveRows, inertia and seeding check their arguments', async () => {
  const X = normalMatrix(4, 2, 24);
  const a = await centerAssigner(X);
  const { index, sums } = await a.nearestWithSums(normalMatrix(2, 2, 25));
  await assert.rejects(
    a.moveRows(index.subarray(0, 3), index, sums),
    /moveRows: labels lengths \(3, 4\) != rows \(4\)/,
  );
  await assert.rejects(
    a.inertia(normalMatrix(2, 3, 26), index),
    /centerAssigner\.inertia: A\.cols \(2\) != B\.cols \(3\)/,
  );
  await assert.rejects(
    a.inertia(normalMatrix(2, 2, 26), index.subarray(1)),
    /inertia: labels\.length \(3\) != rows \(4\)/,
  );
  const outside = Int32Array.from(index);
  outside[2] = 2;
  await assert.rejects(a.moveRows(index, outside, sums), /moveRows: next\[2\] \(2\) must be in \[0, 2\)/);
  outside[2] = -1;
  await assert.rejects(
    a.inertia(normalMatrix(2, 2, 26), outside),
    /inertia: labels\[2\] \(-1\) must be in \[0, 2\)/,
  );
  assert.throws(() => a.seeding(Float64Array.of(1, 1)), /seeding: weight\.length \(2\) != rows \(4\)/);
  a.release();
});

test('assertCenterLabels accepts labels in [0, k) and names the first one outside, int32 extremes included', () => {
  assertCenterLabels(Int32Array.of(0, 4, 2, 4), 5, 'l');
  assertCenterLabels(new Int32Array(0), 0, 'l');
  for (const [bad, k] of [
    [-1, 5],
    [5, 5],
    [2 ** 31 - 1, 5],
    [-(2 ** 31), 5],
    [2 ** 31 - 1, 2 ** 31 - 1],
  ]) {
    const labels = Int32Array.of(0, 0, bad, 0, bad);
    assert.throws(
      () => assertCenterLabels(labels, k, 'l'),
      { name: 'RangeError', message: `l[2] (${bad}) must be in [0, ${k})` },
      `${bad} with k = ${k}`,
    );
  }
  assertCenterLabels(Int32Array.of(2 ** 31 - 2, 0), 2 ** 31 - 1, 'l');
  assert.throws(() => assertCenterLabels(Int32Array.of(0), 0, 'l'), /l\[0\] \(0\) must be in \[0, 0\)/);
});
