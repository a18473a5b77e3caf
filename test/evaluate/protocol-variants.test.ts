import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSequences } from '../../src/data/generate.js';
import { DEFAULT_PROTOCOL } from '../../src/evaluate/protocol-config.js';
import {
  NULL_BASE,
  nullUsers,
  protocolVariants,
  variantSequences,
} from '../../src/evaluate/protocol-variants.js';

const config = {
  ...DEFAULT_PROTOCOL,
  seed: 7,
  resamples: 2,
  subsampleFraction: 0.8,
  nullKinds: ['order' as const, 'items' as const],
  nullReplicates: 1,
};

test('protocolVariants(n, config) below rerunUsers: 80% subsamples, null logs of every user', () => {
  const v = protocolVariants(50, { ...config, rerunUsers: 100 });
  assert.deepEqual(
    v.map((x) => x.name),
    ['full', 'sub0', 'sub1', 'null-order-0', 'null-items-0'],
  );
  for (const x of v.slice(1, 3)) assert.equal((x as { index: Int32Array }).index.length, 40);
  for (const x of v.slice(3)) assert.equal((x as { index?: Int32Array }).index, undefined);
  assert.equal(nullUsers(50, { seed: 7, rerunUsers: 100 }), undefined);
});

test('protocolVariants(n, config) above rerunUsers: reruns of rerunUsers users, all null logs and the null-base reference built from one shared seeded sample (seed 7)', () => {
  const v = protocolVariants(50, { ...config, rerunUsers: 10 });
  const subs = v.slice(1, 3) as { index: Int32Array }[];
  for (const s of subs) assert.equal(s.index.length, 10);
  assert.notDeepEqual(Array.from(subs[0].index), Array.from(subs[1].index));
  assert.deepEqual(
    v.map((x) => x.name),
    ['full', 'sub0', 'sub1', NULL_BASE, 'null-order-0', 'null-items-0'],
    "the null logs' users unshuffled are one more variant",
  );
  const nulls = v.slice(3) as { index?: Int32Array }[];
  assert.deepEqual(Array.from(nulls[0].index!), Array.from(nulls[1].index!));
  assert.deepEqual(Array.from(nulls[0].index!), Array.from(nullUsers(50, { seed: 7, rerunUsers: 10 })!));
  assert.equal(new Set(nulls[0].index).size, 10);
  const again = protocolVariants(50, { ...config, rerunUsers: 10 });
  assert.deepEqual(
    again.map((x) => Array.from((x as { index?: Int32Array }).index ?? [])),
    v.map((x) => Array.from((x as { index?: Int32Array }).index ?? [])),
  );
});

test('variantSequences(history, null variant) with an index: the null log of exactly those users, same event counts', () => {
  const { sequences } = generateSequences({ users: 50, segments: 2, difficulty: 'easy', seed: 4 });
  const v = protocolVariants(sequences.users.length, { ...config, rerunUsers: 10 });
  const order = v.find((x) => x.name === 'null-order-0')!;
  const seqs = variantSequences(sequences, order, config.seed);
  const index = (order as { index: Int32Array }).index;
  assert.deepEqual(
    seqs.users,
    Array.from(index, (i) => sequences.users[i]),
  );
  for (let j = 0; j < index.length; j++) {
    const i = index[j];
    const events = (s: typeof seqs, r: number) =>
      Array.from(s.items.subarray(s.offsets[r], s.offsets[r + 1])).sort((a, b) => a - b);
    assert.deepEqual(events(seqs, j), events(sequences, i), "order null keeps each user's events");
  }
});

test("variantSequences(history, null-base): the null logs' users with their events untouched, in order (seed 4)", () => {
  const { sequences } = generateSequences({ users: 50, segments: 2, difficulty: 'easy', seed: 4 });
  const v = protocolVariants(sequences.users.length, { ...config, rerunUsers: 10 });
  const base = v.find((x) => x.name === NULL_BASE)!;
  const index = (base as { index: Int32Array }).index;
  const seqs = variantSequences(sequences, base, config.seed);
  assert.deepEqual(
    seqs.users,
    Array.from(index, (i) => sequences.users[i]),
  );
  index.forEach((i, j) => {
    const span = (s: typeof seqs, r: number) => [s.offsets[r], s.offsets[r + 1]] as const;
    const [a, b] = span(seqs, j);
    const [c, d] = span(sequences, i);
    assert.deepEqual(Array.from(seqs.items.subarray(a, b)), Array.from(sequences.items.subarray(c, d)));
    assert.deepEqual(Array.from(seqs.ts.subarray(a, b)), Array.from(sequences.ts.subarray(c, d)));
  });
  assert.equal(
    protocolVariants(50, { ...config, rerunUsers: 100 }).some((x) => x.name === NULL_BASE),
    false,
    'no null-base below rerunUsers',
  );
});
