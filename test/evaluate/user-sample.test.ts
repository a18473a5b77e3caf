import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSequences } from '../../src/data/generate.js';
import { boundedSequences, sampleSequences, userSample } from '../../src/evaluate/user-sample.js';
import { randomSource } from '../../src/util/random.js';

test('userSample(n, size, random): size distinct sorted indices, the same for the same seed (seed 3), all when n <= size', () => {
  const a = userSample(50, 12, randomSource(3));
  assert.equal(a.length, 12);
  assert.equal(new Set(a).size, 12);
  for (let i = 1; i < a.length; i++) assert.ok(a[i - 1] < a[i], 'sorted');
  assert.ok(a.every((i) => i >= 0 && i < 50));
  assert.deepEqual(Array.from(userSample(50, 12, randomSource(3))), Array.from(a));
  assert.notDeepEqual(Array.from(userSample(50, 12, randomSource(4))), Array.from(a));
  assert.deepEqual(Array.from(userSample(5, 12, randomSource(3))), [0, 1, 2, 3, 4]);
  assert.deepEqual(Array.from(userSample(0, 3, randomSource(3))), []);
  assert.throws(() => userSample(5, -1, randomSource(3)), /userSample: size/);
  assert.throws(() => userSample(2.5, 1, randomSource(3)), /userSample: n/);
});

test('sampleSequences and boundedSequences keep the sampled users with their events (generated log, seed 2)', () => {
  const { sequences } = generateSequences({ users: 40, segments: 2, difficulty: 'easy', seed: 2 });
  const index = Int32Array.from([1, 5, 7]);
  const s = sampleSequences(sequences, index);
  assert.deepEqual(s.users, [sequences.users[1], sequences.users[5], sequences.users[7]]);
  for (let j = 0; j < 3; j++) {
    const i = index[j];
    assert.deepEqual(
      Array.from(s.items.subarray(s.offsets[j], s.offsets[j + 1])),
      Array.from(sequences.items.subarray(sequences.offsets[i], sequences.offsets[i + 1])),
    );
  }
  const small = boundedSequences(sequences, 40, () => assert.fail('no sample is drawn below the bound'));
  assert.equal(small.seqs, sequences);
  assert.equal(small.index, undefined);
  const big = boundedSequences(sequences, 10, () => randomSource(9));
  assert.equal(big.seqs.users.length, 10);
  assert.deepEqual(
    Array.from(big.index!),
    Array.from(userSample(sequences.users.length, 10, randomSource(9))),
  );
  assert.deepEqual(
    big.seqs.users,
    Array.from(big.index!, (i) => sequences.users[i]),
  );
});
