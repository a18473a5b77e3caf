/**
 * A disk cache of embedding vectors keyed by content hash: sha256(model id, text) names a file of
 * raw little-endian float32 values under `dir/xx/`. Writes are atomic (temp file + rename), so a
 * crash or a concurrent writer never leaves a torn vector behind.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriteFileSync } from '../io/atomic-write.js';

export class EmbeddingCache {
  constructor(readonly dir: string) {}

  /** The file a vector for (model, text) lives in. */
  pathFor(model: string, text: string): string {
    const hash = createHash('sha256').update(model).update('\0').update(text).digest('hex');
    return join(this.dir, hash.slice(0, 2), `${hash}.f32`);
  }

  /** The cached vector, or undefined when absent or of another dimension than `dim` (when given). */
  get(model: string, text: string, dim?: number): Float32Array | undefined {
    const path = this.pathFor(model, text);
    if (!existsSync(path)) return undefined;
    const bytes = readFileSync(path);
    if (bytes.byteLength % 4 !== 0 || (dim !== undefined && bytes.byteLength !== dim * 4)) return undefined;
    return new Float32Array(new Uint8Array(bytes).buffer);
  }

  set(model: string, text: string, vector: Float32Array): void {
    atomicWriteFileSync(
      this.pathFor(model, text),
      new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength),
    );
  }
}
