/** Shared test helpers for the metrics tests: fixtures and a relative-tolerance comparison. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Matrix, matrix } from '../../src/util/matrix.js';

const root = join(import.meta.dirname, '..', '..', '..');

/** A JSON fixture from fixtures/metrics/. */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(root, 'fixtures', 'metrics', name), 'utf8')) as T;
}

/** |actual - expected| <= rel * |expected| + abs (abs covers values that are exactly 0). */
export function assertClose(actual: number, expected: number, what: string, rel = 1e-9, abs = 1e-12): void {
  const ok = Math.abs(actual - expected) <= rel * Math.abs(expected) + abs;
  assert.ok(
    ok,
    `${what}: ${actual} != ${expected} (rel ${Math.abs(actual - expected) / Math.abs(expected)})`,
  );
}

/** A Float32 matrix from a flat row-major number array. */
export function matrixOf(rows: number, cols: number, values: number[]): Matrix {
  return matrix(rows, cols, Float32Array.from(values));
}

export const labelsOf = (values: number[]): Int32Array => Int32Array.from(values);
