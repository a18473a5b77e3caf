/**
 * Precomputed encoder: vectors a team brings from its own model (vector-file.ts), aligned to the
 * users of the log. Duplicate user ids in the file are an error; users of the log without a vector
 * are an error (or zero rows with `missing: 'zero'`, counted); vectors for users not in the log are
 * an error (or ignored with `extra: 'ignore'`, counted); a `dim` that does not match is an error.
 */
import type { SequenceSet } from '../data/sequence-set.js';
import { InputError } from '../util/errors.js';
import type { Matrix } from '../util/matrix.js';
import type { Encoder } from './encoder.js';
import { readVectorFile } from './vector-file.js';

export interface PrecomputedOptions {
  path: string;
  usersPath?: string;
  idColumn: string;
  /** Expected dimension; 0 = any. */
  dim: number;
  missing: 'error' | 'zero';
  extra: 'error' | 'ignore';
}

export const DEFAULT_PRECOMPUTED_OPTIONS: Readonly<Omit<PrecomputedOptions, 'path'>> = {
  idColumn: 'user_id',
  dim: 0,
  missing: 'error',
  extra: 'error',
};

export interface PrecomputedReport {
  /** Log users without a vector (zero rows). */
  missingUsers: number;
  /** File vectors for users not in the log (ignored). */
  extraUsers: number;
}

const list = (ids: string[]): string =>
  `${ids
    .slice(0, 5)
    .map((u) => JSON.stringify(u))
    .join(', ')}${ids.length > 5 ? `, ... (${ids.length} in all)` : ''}`;

export class PrecomputedEncoder implements Encoder {
  readonly name = 'precomputed';
  readonly params: Readonly<PrecomputedOptions>;
  report: PrecomputedReport = { missingUsers: 0, extraUsers: 0 };
  private rowOf = new Map<string, number>();
  private vectors: Matrix | undefined;

  /** @throws RangeError when path is missing or an option is bad. */
  constructor(options: Partial<PrecomputedOptions> = {}) {
    const o = { ...DEFAULT_PRECOMPUTED_OPTIONS, path: '', ...options };
    if (!o.path) throw new RangeError('PrecomputedEncoder: path (the vector file) is required');
    if (!Number.isInteger(o.dim) || o.dim < 0)
      throw new RangeError(`PrecomputedEncoder: dim (${o.dim}) must be a non-negative integer`);
    if (o.missing !== 'error' && o.missing !== 'zero')
      throw new RangeError(`PrecomputedEncoder: missing "${o.missing}" is not one of error, zero`);
    if (o.extra !== 'error' && o.extra !== 'ignore')
      throw new RangeError(`PrecomputedEncoder: extra "${o.extra}" is not one of error, ignore`);
    this.params = o;
  }

  /** Reads the file and checks it against the users of `seqs`. @throws InputError naming the file and the users. */
  async fit(seqs: SequenceSet): Promise<this> {
    const p = this.params;
    const file = await readVectorFile(p.path, { usersPath: p.usersPath, idColumn: p.idColumn });
    if (p.dim > 0 && file.vectors.cols !== p.dim) {
      throw new InputError(`vectors have ${file.vectors.cols} dimensions, expected ${p.dim}`, {
        file: p.path,
      });
    }
    const rowOf = new Map<string, number>();
    const duplicates: string[] = [];
    file.users.forEach((u, r) => {
      if (rowOf.has(u)) duplicates.push(u);
      else rowOf.set(u, r);
    });
    if (duplicates.length > 0)
      throw new InputError(`duplicate user ids: ${list(duplicates)}`, { file: p.path });
    this.rowOf = rowOf;
    this.vectors = file.vectors;
    const logUsers = new Set(seqs.users);
    const extra = file.users.filter((u) => !logUsers.has(u));
    if (extra.length > 0 && p.extra === 'error') {
      throw new InputError(
        `${extra.length} users have vectors but are not in the event log: ${list(extra)} (use extra: ignore to skip them)`,
        { file: p.path },
      );
    }
    this.report = { missingUsers: 0, extraUsers: extra.length };
    this.check(seqs);
    return this;
  }

  async transform(seqs: SequenceSet): Promise<Matrix> {
    if (this.vectors === undefined) throw new Error('PrecomputedEncoder.transform: call fit first');
    const missing = this.check(seqs);
    const { cols, data } = this.vectors;
    const out = new Float32Array(seqs.users.length * cols);
    seqs.users.forEach((u, i) => {
      const r = this.rowOf.get(u);
      if (r !== undefined) out.set(data.subarray(r * cols, (r + 1) * cols), i * cols);
    });
    this.report = { ...this.report, missingUsers: missing };
    return { rows: seqs.users.length, cols, data: out };
  }

  private check(seqs: SequenceSet): number {
    const missing = seqs.users.filter((u) => !this.rowOf.has(u));
    if (missing.length > 0 && this.params.missing === 'error') {
      throw new InputError(
        `${missing.length} users of the event log have no vector: ${list(missing)} (use missing: zero for zero rows)`,
        { file: this.params.path },
      );
    }
    return missing.length;
  }
}
