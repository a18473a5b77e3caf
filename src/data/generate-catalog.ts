/**
 * The synthetic item catalog: categories of Zipf-distributed size and popularity, items with Zipf
 * popularity inside their category (exponent 1.1, close to what Taobao's item counts show).
 */
import type { Random } from '../util/random.js';
import { cumulateInPlace, drawFromCdf, zipfWeights } from './generate-sampling.js';

export interface Catalog {
  readonly nItems: number;
  readonly nCategories: number;
  /** Category of each item. */
  readonly itemCategory: Int32Array;
  /** Items grouped by category: category c owns `categoryItems[categoryStart[c] .. categoryStart[c+1])`. */
  readonly categoryStart: Int32Array;
  readonly categoryItems: Int32Array;
  /** Per-category cumulative popularity over `categoryItems` (each category's range ends at 1). */
  readonly itemCdf: Float64Array;
  /** Global category popularity (sums to 1), Zipf over a random category order. */
  readonly categoryPopularity: Float64Array;
  /** Public ids written to the log: `itemIds[i]`, `categoryIds[c]`. */
  readonly itemIds: Int32Array;
  readonly categoryIds: Int32Array;
}

/** Zipf exponents: category sizes, category popularity, item popularity within a category. */
export const CATALOG_EXPONENTS = { categorySize: 0.8, categoryPopularity: 1.0, itemPopularity: 1.1 };

/**
 * Build a catalog of `nItems` items in `nCategories` categories; every category has >= 1 item.
 * @throws RangeError if nItems < nCategories or either is not a positive integer.
 */
export function buildCatalog(nItems: number, nCategories: number, random: Random): Catalog {
  if (!Number.isInteger(nCategories) || nCategories < 1)
    throw new RangeError(`buildCatalog: nCategories (${nCategories}) must be a positive integer`);
  if (!Number.isInteger(nItems) || nItems < nCategories)
    throw new RangeError(
      `buildCatalog: nItems (${nItems}) must be an integer >= nCategories (${nCategories})`,
    );
  // Category sizes: one item each, the rest split by Zipf weights (largest remainder).
  const sizeWeights = zipfWeights(nCategories, CATALOG_EXPONENTS.categorySize);
  let wsum = 0;
  for (const w of sizeWeights) wsum += w;
  const sizes = new Int32Array(nCategories).fill(1);
  let left = nItems - nCategories;
  const quotas = sizeWeights.map((w) => (w / wsum) * (nItems - nCategories));
  for (let c = 0; c < nCategories; c++) {
    const q = Math.floor(quotas[c]);
    sizes[c] += q;
    left -= q;
  }
  for (let c = 0; left > 0; c = (c + 1) % nCategories, left--) sizes[c]++;
  const categoryStart = new Int32Array(nCategories + 1);
  for (let c = 0; c < nCategories; c++) categoryStart[c + 1] = categoryStart[c] + sizes[c];
  const itemCategory = new Int32Array(nItems);
  const categoryItems = new Int32Array(nItems);
  const itemCdf = new Float64Array(nItems);
  for (let c = 0; c < nCategories; c++) {
    const start = categoryStart[c];
    const pop = zipfWeights(sizes[c], CATALOG_EXPONENTS.itemPopularity);
    for (let r = 0; r < sizes[c]; r++) {
      categoryItems[start + r] = start + r;
      itemCategory[start + r] = c;
      itemCdf[start + r] = pop[r];
    }
    cumulateInPlace(itemCdf, start, start + sizes[c]);
  }
  // Popularity is not tied to size: ranks are a random permutation of the categories.
  const order = randomPermutation(nCategories, random);
  const popularity = zipfWeights(nCategories, CATALOG_EXPONENTS.categoryPopularity);
  const categoryPopularity = new Float64Array(nCategories);
  let psum = 0;
  for (const p of popularity) psum += p;
  for (let r = 0; r < nCategories; r++) categoryPopularity[order[r]] = popularity[r] / psum;
  return {
    nItems,
    nCategories,
    itemCategory,
    categoryStart,
    categoryItems,
    itemCdf,
    categoryPopularity,
    itemIds: publicIds(nItems, 1_000_000, random),
    categoryIds: publicIds(nCategories, 1_000, random),
  };
}

/** Draw an item of category `c` by its popularity. */
export function drawItem(catalog: Catalog, c: number, u: number): number {
  return catalog.categoryItems[
    drawFromCdf(catalog.itemCdf, u, catalog.categoryStart[c], catalog.categoryStart[c + 1])
  ];
}

/** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
export function randomPermutation(n: number, random: Random): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/** Distinct positive ids that look like a real log's (scattered, not 0..n-1): base + n random steps. */
function publicIds(n: number, base: number, random: Random): Int32Array {
  const ids = new Int32Array(n);
  let id = base;
  for (let i = 0; i < n; i++) {
    id += 1 + random.int(7);
    ids[i] = id;
  }
  const perm = randomPermutation(n, random);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = ids[perm[i]];
  return out;
}
