/** Shared helpers for cluster tests: fixture loading and label comparison up to renaming. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Matrix, matrixFromRows } from '../../src/util/matrix.js';

/** Parse fixtures/cluster/<name>.json (tests run from dist/test/cluster, fixtures stay in the repo). */
export function loadFixture<T>(name: string): T {
  const path = fileURLToPath(new URL(`../../../fixtures/cluster/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function fixtureMatrix(rows: number[][]): Matrix {
  return matrixFromRows(rows);
}

/** Asserts two labelings are equal up to a bijective renaming of clusters, with -1 fixed. */
export function assertSamePartition(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  message = '',
): void {
  assert.equal(actual.length, expected.length, `${message} lengths differ`);
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    assert.equal(a === -1, e === -1, `${message} row ${i}: noise mismatch (got ${a}, expected ${e})`);
    if (a === -1) continue;
    const f = forward.get(a);
    const b = backward.get(e);
    assert.ok(f === undefined || f === e, `${message} row ${i}: cluster ${a} maps to ${f} and ${e}`);
    assert.ok(
      b === undefined || b === a,
      `${message} row ${i}: expected cluster ${e} split into ${b} and ${a}`,
    );
    forward.set(a, e);
    backward.set(e, a);
  }
}
