import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXP_TABLE, sgnsPairStep } from '../../src/encode/sgns-core.js';
import { allocateSgnsKernelMemory, sgnsKernelContext, sgnsKernelModule } from '../../src/encode/sgns-wasm.js';
import { randomSource } from '../../src/util/random.js';

test('sgns WASM SIMD pair kernel matches the TypeScript reference step (sgnsPairStep) to float32 rounding', () => {
  const module = sgnsKernelModule();
  assert.ok(module, 'WASM SIMD available in this Node');
  const V = 7;
  const dim = 12;
  const { memory, layout, syn0, syn1neg } = allocateSgnsKernelMemory(V, dim, 3, 1, EXP_TABLE);
  const random = randomSource(5);
  for (let i = 0; i < syn0.length; i++) {
    syn0[i] = random.normal() * 0.3;
    syn1neg[i] = random.normal() * 0.3;
  }
  syn1neg.fill(2, 6 * dim, 7 * dim); // a target with |f| >= 6 for input 1: skipped by both
  syn0.fill(1, 1 * dim, 2 * dim);
  const ref0 = Float32Array.from(syn0);
  const ref1 = Float32Array.from(syn1neg);
  const k = sgnsKernelContext(module!, memory, layout, 0);
  for (const [input, targets] of [
    [1, [3, 0, 6, 4]],
    [2, [2, 5]],
    [1, [6]],
  ] as [number, number[]][]) {
    const work = new Float32Array(dim);
    targets.forEach((t, d) => {
      sgnsPairStep(ref0, ref1, work, input * dim, t * dim, dim, d === 0 ? 1 : 0, 0.05);
    });
    for (let x = 0; x < dim; x++) ref0[input * dim + x] += work[x];
    targets.forEach((t, d) => {
      k.targets[d] = layout.syn1Ptr + t * dim * 4;
    });
    k.pair(
      layout.syn0Ptr + input * dim * 4,
      k.targetsPtr,
      targets.length,
      dim / 4,
      0.05,
      k.workPtr,
      k.expPtr,
    );
  }
  for (let i = 0; i < syn0.length; i++) {
    assert.ok(Math.abs(syn0[i] - ref0[i]) < 1e-5, `syn0[${i}] ${syn0[i]} vs ${ref0[i]}`);
    assert.ok(Math.abs(syn1neg[i] - ref1[i]) < 1e-5, `syn1neg[${i}] ${syn1neg[i]} vs ${ref1[i]}`);
  }
  assert.notDeepEqual(
    [...syn0.subarray(dim, 2 * dim)],
    new Array(dim).fill(1),
    'the step changed the input row',
  );
});
