import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCatalog, CATALOG_EXPONENTS, drawItem } from '../../src/data/generate-catalog.js';
import { randomSource } from '../../src/util/random.js';

test('buildCatalog(1000, 20, seed 3) gives every category at least one item, sizes summing to 1000', () => {
  const cat = buildCatalog(1000, 20, randomSource(3));
  assert.equal(cat.categoryStart[20], 1000);
  for (let c = 0; c < 20; c++) {
    assert.ok(cat.categoryStart[c + 1] > cat.categoryStart[c]);
    for (let i = cat.categoryStart[c]; i < cat.categoryStart[c + 1]; i++)
      assert.equal(cat.itemCategory[cat.categoryItems[i]], c);
    assert.equal(cat.itemCdf[cat.categoryStart[c + 1] - 1], 1);
  }
  assert.ok(Math.abs(cat.categoryPopularity.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.equal(new Set(cat.itemIds).size, 1000);
  assert.equal(new Set(cat.categoryIds).size, 20);
});

test('buildCatalog(n, n) gives one item per category; nItems < nCategories throws RangeError', () => {
  const cat = buildCatalog(5, 5, randomSource(1));
  assert.deepEqual(Array.from(cat.categoryStart), [0, 1, 2, 3, 4, 5]);
  assert.throws(() => buildCatalog(4, 5, randomSource(1)), /nItems \(4\)/);
  assert.throws(() => buildCatalog(4, 0, randomSource(1)), /nCategories \(0\)/);
});

test('drawItem follows Zipf popularity inside the category (seed 8, chi-square against 1/r^1.1)', () => {
  const cat = buildCatalog(200, 2, randomSource(8));
  const c = 0;
  const start = cat.categoryStart[c];
  const size = cat.categoryStart[c + 1] - start;
  const r = randomSource(8);
  const counts = new Float64Array(size);
  const n = 200_000;
  for (let i = 0; i < n; i++) counts[drawItem(cat, c, r.uniform()) - start]++;
  let z = 0;
  for (let k = 0; k < size; k++) z += 1 / (k + 1) ** CATALOG_EXPONENTS.itemPopularity;
  let chi2 = 0;
  for (let k = 0; k < size; k++) {
    const expected = n / (k + 1) ** CATALOG_EXPONENTS.itemPopularity / z;
    chi2 += (counts[k] - expected) ** 2 / expected;
  }
  // df = size - 1 (about 110): mean df, sd sqrt(2 df); 5 sd above is far beyond chance.
  assert.ok(chi2 < size - 1 + 5 * Math.sqrt(2 * (size - 1)), `chi2 ${chi2} df ${size - 1}`);
});
