import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SparseDistributions } from '../../src/evaluate/behavior-space.js';
import {
  EXACT_PAIRS,
  pairAgreementFrom,
  pairSpaceOfDistributions,
  pairSpaceOfFeatures,
  pairTerms,
} from '../../src/evaluate/pair-agreement.js';
import { randomSource } from '../../src/util/random.js';

const agreement = (x: number[], labels: number[], k: number) => {
  const space = pairSpaceOfFeatures(Float64Array.from(x), 1, new Uint8Array(x.length).fill(1));
  return pairAgreementFrom(pairTerms(space, Int32Array.from(labels), k));
};

test('pairAgreementFrom(pairTerms(...)) equals hand-computed point-biserial correlations on 4 users', () => {
  // x = [1, 1, -1, -1]: s = +1 for (0,1), (2,3); -1 for the four crossing pairs; sd over pairs = sqrt(8/9).
  // Segments {0,1},{2,3}: M_same 1, M_other -1, p = 2/6, 4/6 -> (2 / sqrt(8/9)) sqrt(8/36) = 1.
  assert.ok(Math.abs(agreement([1, 1, -1, -1], [0, 0, 1, 1], 2) - 1) < 1e-12);
  // Segments {0,2},{1,3}: M_same -1, M_other 0 -> -(1 / sqrt(8/9)) sqrt(8/36) = -0.5.
  assert.ok(Math.abs(agreement([1, 1, -1, -1], [0, 1, 0, 1], 2) + 0.5) < 1e-12);
  // Users 2, 3 noise: only (0,1) is "same"; M_other = (1 - 4)/5 -> (1.6 / sqrt(8/9)) sqrt(5/36).
  const expected = (1.6 / Math.sqrt(8 / 9)) * Math.sqrt(5 / 36);
  assert.ok(Math.abs(agreement([1, 1, -1, -1], [0, 0, -1, -1], 1) - expected) < 1e-12);
  // Everyone noise: no "same" pair, agreement 0; one segment: every pair "same", undefined.
  assert.equal(agreement([1, 1, -1, -1], [-1, -1, -1, -1], 1), 0);
  assert.ok(Number.isNaN(agreement([1, 1, -1, -1], [0, 0, 0, 0], 1)));
});

/** n random sparse distributions over `dims`, some rows empty (inactive users). */
function randomRows(n: number, dims: number, seed: number): SparseDistributions {
  const random = randomSource(seed);
  const offsets = new Int32Array(n + 1);
  const index: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < n; i++) {
    if (random.uniform() >= 0.1) {
      const support = [...new Set(Array.from({ length: 1 + random.int(5) }, () => random.int(dims)))].sort(
        (a, b) => a - b,
      );
      const w = support.map(() => 0.1 + random.uniform());
      const total = w.reduce((a, b) => a + b, 0);
      support.forEach((j, t) => {
        index.push(j);
        weight.push(w[t] / total);
      });
    }
    offsets[i + 1] = index.length;
  }
  return { offsets, index: Int32Array.from(index), weight: Float64Array.from(weight), dims };
}

/** Point-biserial over explicit pairs of active users, s_ij the dot product of mean-centered dense rows. */
function bruteForce(rows: SparseDistributions, labels: Int32Array): { r: number; sd: number } {
  const n = rows.offsets.length - 1;
  const active = [...Array(n).keys()].filter((i) => rows.offsets[i + 1] > rows.offsets[i]);
  const dense = active.map((i) => {
    const v = new Float64Array(rows.dims);
    for (let e = rows.offsets[i]; e < rows.offsets[i + 1]; e++) v[rows.index[e]] = rows.weight[e];
    return v;
  });
  const mean = new Float64Array(rows.dims);
  for (const v of dense) for (let j = 0; j < rows.dims; j++) mean[j] += v[j] / dense.length;
  for (const v of dense) for (let j = 0; j < rows.dims; j++) v[j] -= mean[j];
  const sims: number[] = [];
  const same: number[] = [];
  for (let a = 0; a < dense.length; a++) {
    for (let b = a + 1; b < dense.length; b++) {
      let s = 0;
      for (let j = 0; j < rows.dims; j++) s += dense[a][j] * dense[b][j];
      sims.push(s);
      const la = labels[active[a]];
      same.push(la >= 0 && la === labels[active[b]] ? 1 : 0);
    }
  }
  const N = sims.length;
  const mu = sims.reduce((x, y) => x + y, 0) / N;
  const sd = Math.sqrt(sims.reduce((x, y) => x + (y - mu) ** 2, 0) / N);
  const n1 = same.reduce((x, y) => x + y, 0);
  const m1 = sims.reduce((x, y, t) => x + (same[t] ? y : 0), 0) / n1;
  const m0 = sims.reduce((x, y, t) => x + (same[t] ? 0 : y), 0) / (N - n1);
  return { r: ((m1 - m0) / sd) * Math.sqrt((n1 / N) * ((N - n1) / N)), sd };
}

test('pairAgreementFrom(pairTerms(...)) equals the point-biserial over all explicit pairs (60 sparse users, 3 segments + noise, seed 11)', () => {
  const rows = randomRows(60, 9, 11);
  const random = randomSource(12);
  const labels = Int32Array.from({ length: 60 }, () => random.int(4) - 1);
  const space = pairSpaceOfDistributions(rows);
  const reference = bruteForce(rows, labels);
  assert.ok(Math.abs(space.sd - reference.sd) < 1e-12 * reference.sd);
  const r = pairAgreementFrom(pairTerms(space, labels, 3));
  assert.ok(Math.abs(r - reference.r) < 1e-10, `${r} vs ${reference.r}`);
  // Unit bootstrap multiplicities change nothing.
  assert.ok(
    Math.abs(pairAgreementFrom(pairTerms(space, labels, 3), new Float64Array(60).fill(1)) - r) < 1e-12,
  );
  assert.throws(() => pairTerms(space, labels.subarray(1), 3), /labels.length/);
});

test('pairSpaceOfDistributions: beyond EXACT_PAIRS pairs the similarity sd comes from a seeded sample within 2% of the exact value (1,300 users, seed 5)', () => {
  const rows = randomRows(1300, 12, 5);
  const space = pairSpaceOfDistributions(rows);
  let m = 0;
  for (let i = 0; i < 1300; i++) m += space.active[i];
  assert.ok((m * (m - 1)) / 2 > EXACT_PAIRS);
  const exact = bruteForce(rows, new Int32Array(1300)).sd;
  assert.ok(Math.abs(space.sd / exact - 1) < 0.02, `${space.sd} vs ${exact}`);
  assert.equal(pairSpaceOfDistributions(rows).sd, space.sd);
});
