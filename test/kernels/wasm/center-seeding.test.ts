/**
 * wasmCenterSeeding against centerSeedingReference. On a small-integer grid every distance is exact
 * in float32 in both, so potentials, running sums and draws must be identical; on normal data the
 * potentials agree to 1e-5 relative. `accept(t)` returns the trial's pots[t] to 1e-12 (the trial adds
 * its two halves, accept one running sum).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centerAssignerReference } from '../../../src/kernels/center-assigner.js';
import { type CenterSeeding, centerSeedingReference } from '../../../src/kernels/center-seeding.js';
import { configureOnnxKernels, DEFAULT_ONNX_KERNEL_OPTIONS } from '../../../src/kernels/onnx/options.js';
import { centeringShift } from '../../../src/kernels/onnx/shift.js';
import { WasmCenterRows } from '../../../src/kernels/wasm/center-rows.js';
import { wasmCenterSeeding } from '../../../src/kernels/wasm/center-seeding.js';
import { centerWorkerHalves, centerWorkerReady } from '../../../src/kernels/wasm/center-threads.js';
import type { Matrix } from '../../../src/util/matrix.js';
import { randomSource } from '../../../src/util/random.js';
import { assertClose, gridMatrix, normalMatrix } from '../test-matrices.js';

function both(X: Matrix, w: Float64Array): { wasm: CenterSeeding; ref: CenterSeeding; done: () => void } {
  const rows = WasmCenterRows.create(X.rows, X.cols, w, Number.POSITIVE_INFINITY)!;
  rows.fill(X, centeringShift(X));
  const reference = centerAssignerReference(X, w);
  return {
    wasm: wasmCenterSeeding(rows, w),
    ref: centerSeedingReference(X, w, (C, out) => reference.squaredDistances(C, out)),
    done: () => rows.release(),
  };
}

/** Run `steps` rounds of trials of `t` candidates drawn by `random` on both; compare as `same` says. */
async function compare(X: Matrix, w: Float64Array, t: number, steps: number, exact: boolean): Promise<void> {
  const { wasm, ref, done } = both(X, w);
  const random = randomSource(X.rows + t);
  const eq = (a: number, b: number, what: string) =>
    exact ? assert.equal(a, b, what) : assertClose([a], [b], 1e-5, what);
  let potential = await ref.first(3);
  eq(await wasm.first(3), potential, 'first');
  for (let s = 0; s < steps; s++) {
    const candidates = new Int32Array(t);
    for (let c = 0; c < t; c++) {
      const u = random.uniform() * potential;
      candidates[c] = ref.draw(u);
      if (exact) assert.equal(wasm.draw(u), candidates[c], `draw step ${s}`);
    }
    const got = new Float64Array(t);
    const expected = new Float64Array(t);
    await wasm.trial(candidates, got);
    await ref.trial(candidates, expected);
    for (let c = 0; c < t; c++) eq(got[c], expected[c], `step ${s} pots[${c}]`);
    const best = expected.indexOf(Math.min(...expected));
    const total = wasm.accept(best);
    assertClose([total], [got[best]], 1e-12, 'accept returns the trial potential');
    potential = ref.accept(best);
    eq(total, potential, `step ${s} accepted potential`);
  }
  assert.equal(wasm.draw(0), 0);
  assert.equal(wasm.draw(Number.POSITIVE_INFINITY), X.rows - 1);
  done();
}

test('wasmCenterSeeding equals the reference exactly on a small-integer grid (t = 1, 4, 5, 9; seed 1)', async () => {
  const w = Float64Array.from({ length: 301 }, (_, i) => 1 + (i % 3));
  for (const t of [1, 4, 5, 9]) await compare(gridMatrix(301, 6, 1, 5), w, t, 6, true);
});

test('wasmCenterSeeding matches the reference on normal data, odd n, d = 1..13 (seed 2)', async () => {
  for (const d of [1, 2, 3, 4, 13]) {
    const n = 97 + d;
    await compare(normalMatrix(n, d, 2, 10), new Float64Array(n).fill(1), 4, 5, false);
  }
});

test('wasmCenterSeeding gives the same bits with the kernel worker taking half the rows (seed 3)', async () => {
  await centerWorkerReady();
  const X = normalMatrix(6000, 64, 3);
  const w = new Float64Array(6000).fill(1);
  const run = async () => {
    const rows = WasmCenterRows.create(6000, 64, w, Number.POSITIVE_INFINITY)!;
    rows.fill(X, centeringShift(X));
    const s = wasmCenterSeeding(rows, w);
    const out = [await s.first(17)];
    const pots = new Float64Array(6);
    await s.trial(Int32Array.of(1, 200, 3000, 4000, 5999, 7), pots);
    out.push(...pots, s.accept(2), s.draw(out[0] / 3));
    rows.release();
    return out;
  };
  configureOnnxKernels({ threads: 1 });
  const one = await run();
  configureOnnxKernels({ threads: DEFAULT_ONNX_KERNEL_OPTIONS.threads });
  const sent = centerWorkerHalves();
  assert.deepEqual(await run(), one);
  assert.ok(centerWorkerHalves() >= sent + 2, 'the worker took the second half of both trials');
});
