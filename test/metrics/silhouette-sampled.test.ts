import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalQuantile } from '../../src/metrics/normal-quantile.js';
import { silhouette } from '../../src/metrics/silhouette.js';
import { silhouetteSampled } from '../../src/metrics/silhouette-sampled.js';
import { matrix } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';
import { assertClose } from './helpers.js';

// 3 clusters of 400, 150 and 5 points in 4-D (seed 21), plus 20 noise points.
const random = randomSource(21);
const sizes = [400, 150, 5, 20];
const rows = sizes.reduce((a, b) => a + b, 0);
const data = new Float32Array(rows * 4);
const labels = new Int32Array(rows);
let r = 0;
sizes.forEach((size, c) => {
  for (let t = 0; t < size; t++, r++) {
    labels[r] = c === 3 ? -1 : c;
    for (let j = 0; j < 4; j++) data[r * 4 + j] = (c === 3 ? 0 : c * 3) + random.normal() * (c === 3 ? 6 : 1);
  }
});
const X = matrix(rows, 4, data);

describe('silhouetteSampled', () => {
  it('normalQuantile(0.975) = 1.959963984540054 and normalQuantile(0.5) = 0 (Acklam, 1e-9)', () => {
    assertClose(normalQuantile(0.975), 1.959963984540054, 'z', 1e-9);
    assertClose(normalQuantile(0.5), 0, 'median', 0, 1e-12);
    assertClose(normalQuantile(0.001), -3.090232306167813, 'tail', 1e-9);
  });

  it('never drops a small cluster: every cluster contributes min(size, minPerCluster) points', async () => {
    const s = await silhouetteSampled(X, labels, { sampleSize: 60, seed: 4 });
    const counts = [0, 0, 0];
    for (const i of s.rows) counts[labels[i]]++;
    assert.deepEqual(counts, [43, 16, 5]);
    assert.ok(!Array.from(s.rows).some((i) => labels[i] < 0), 'no noise point is sampled');
  });

  it('sampling every point reproduces the exact silhouette with a zero-width interval', async () => {
    const exact = (await silhouette(X, labels, { precision: 'float64' })).score.value;
    const s = await silhouetteSampled(X, labels, { sampleSize: rows, seed: 1, precision: 'float64' });
    assertClose(s.score.value, exact, 'score', 1e-12);
    assert.equal(s.standardError, 0);
  });

  it('the 95% interval of a 100-point sample covers the exact silhouette (seed 8), and the same seed repeats', async () => {
    const exact = (await silhouette(X, labels, { precision: 'float64' })).score.value;
    const a = await silhouetteSampled(X, labels, { sampleSize: 100, seed: 8 });
    const b = await silhouetteSampled(X, labels, { sampleSize: 100, seed: 8 });
    assert.ok(a.lower <= exact && exact <= a.upper, `${exact} outside [${a.lower}, ${a.upper}]`);
    assert.deepEqual(a, b);
  });

  it('over 40 seeds the 95% interval covers the exact value at least 85% of the time', async () => {
    const exact = (await silhouette(X, labels, { precision: 'float64' })).score.value;
    let covered = 0;
    for (let seed = 0; seed < 40; seed++) {
      const s = await silhouetteSampled(X, labels, { sampleSize: 80, seed });
      if (s.lower <= exact && exact <= s.upper) covered++;
    }
    assert.ok(covered >= 34, `covered ${covered}/40`);
  });

  it('silhouetteSampled rejects sampleSize 0 and confidence 1 with RangeError', async () => {
    await assert.rejects(silhouetteSampled(X, labels, { sampleSize: 0, seed: 1 }), /sampleSize \(0\)/);
    await assert.rejects(
      silhouetteSampled(X, labels, { sampleSize: 10, seed: 1, confidence: 1 }),
      /confidence \(1\)/,
    );
  });
});
