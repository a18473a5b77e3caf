import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centerSumsReference } from '../../src/kernels/center-assigner.js';
import { moveRows } from '../../src/kernels/center-moves.js';
import { randomSource } from '../../src/util/random.js';

test('moveRows keeps centerSumsReference equal to a recomputation for the new labels (seed 5, 40 relabelings)', () => {
  const random = randomSource(5);
  const X = { rows: 200, cols: 3, data: new Float32Array(600).map(() => random.normal()) };
  const w = new Float64Array(200).map(() => 0.5 + random.uniform());
  let labels = new Int32Array(200).map(() => random.int(4));
  const state = centerSumsReference(X, w, labels, 4);
  for (let round = 0; round < 40; round++) {
    const next = labels.map((l) => (random.uniform() < 0.2 ? random.int(4) : l));
    moveRows(X, w, state, labels, next);
    labels = next;
  }
  const fresh = centerSumsReference(X, w, labels, 4);
  assert.deepEqual(state.count, fresh.count);
  for (let i = 0; i < fresh.sums.length; i++) assert.ok(Math.abs(state.sums[i] - fresh.sums[i]) < 1e-12);
  for (let c = 0; c < 4; c++) assert.ok(Math.abs(state.weight[c] - fresh.weight[c]) < 1e-12);
});

test('moveRows gives the bits of moving one row at a time (seed 6, weighted, runs of moved rows of every parity)', () => {
  const random = randomSource(6);
  const X = { rows: 301, cols: 5, data: new Float32Array(1505).map(() => random.normal()) };
  const w = new Float64Array(301).map(() => 0.25 + random.uniform());
  let labels = new Int32Array(301).map(() => random.int(3));
  const state = centerSumsReference(X, w, labels, 3);
  const oneByOne = {
    sums: Float64Array.from(state.sums),
    weight: Float64Array.from(state.weight),
    count: Int32Array.from(state.count),
  };
  for (const share of [0.01, 0.3, 0.9, 1]) {
    const next = labels.map((l) => (random.uniform() < share ? (l + 1 + random.int(2)) % 3 : l));
    const moved = moveRows(X, w, state, labels, next);
    let expected = 0;
    for (let i = 0; i < 301; i++) {
      if (labels[i] === next[i]) continue;
      expected++;
      for (let j = 0; j < 5; j++) {
        const v = w[i] * X.data[i * 5 + j];
        oneByOne.sums[labels[i] * 5 + j] -= v;
        oneByOne.sums[next[i] * 5 + j] += v;
      }
      oneByOne.weight[labels[i]] -= w[i];
      oneByOne.weight[next[i]] += w[i];
      oneByOne.count[labels[i]]--;
      oneByOne.count[next[i]]++;
    }
    assert.equal(moved, expected, `share ${share}`);
    assert.deepEqual(Array.from(state.sums), Array.from(oneByOne.sums), `share ${share}`);
    assert.deepEqual(Array.from(state.weight), Array.from(oneByOne.weight), `share ${share}`);
    assert.deepEqual(Array.from(state.count), Array.from(oneByOne.count), `share ${share}`);
    labels = next;
  }
});
