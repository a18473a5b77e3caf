/**
 * A resumable result store: one atomic file per finished task (candidate x resample, encoding, ...),
 * so an interrupted run redoes nothing that finished and never sees a half-written record.
 * Layout: `<dir>/records/<key>.json` and, for label vectors and matrices, `<key>.<name>.npy`.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriteFileSync } from '../io/atomic-write.js';
import { readNpy, writeNpy } from '../io/npy.js';
import type { Matrix } from '../util/matrix.js';

export class ResultStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private path(key: string, suffix: string): string {
    if (!/^[A-Za-z0-9_.=,+-]+(\/[A-Za-z0-9_.=,+-]+)*$/.test(key))
      throw new RangeError(`ResultStore: key "${key}" has characters unsafe in a file name`);
    return join(this.dir, 'records', `${key}${suffix}`);
  }

  /** The JSON record under `key`, or undefined if that task has not finished. */
  get<T>(key: string): T | undefined {
    const p = this.path(key, '.json');
    return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as T) : undefined;
  }

  /** Store a record; arrays are written first so a present .json always means a complete task. */
  put(key: string, record: unknown, arrays: { labels?: Int32Array; matrix?: Matrix } = {}): void {
    if (arrays.labels)
      writeNpy(this.path(key, '.labels.npy'), {
        dtype: 'int32',
        shape: [arrays.labels.length],
        data: arrays.labels,
      });
    if (arrays.matrix)
      writeNpy(this.path(key, '.matrix.npy'), {
        dtype: 'float32',
        shape: [arrays.matrix.rows, arrays.matrix.cols],
        data: arrays.matrix.data,
      });
    atomicWriteFileSync(this.path(key, '.json'), JSON.stringify(record));
  }

  labels(key: string): Int32Array {
    return readNpy(this.path(key, '.labels.npy')).data as Int32Array;
  }

  matrix(key: string): Matrix {
    const a = readNpy(this.path(key, '.matrix.npy'));
    return { rows: a.shape[0], cols: a.shape[1] ?? 1, data: a.data as Float32Array };
  }

  /** Remove cached matrices under a key prefix (records stay). */
  dropMatrix(key: string): void {
    rmSync(this.path(key, '.matrix.npy'), { force: true });
  }
}
