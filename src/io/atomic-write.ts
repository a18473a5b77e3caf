import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError, isFileSystemError } from '../util/errors.js';

/** A temp path beside `path` (same directory, so rename is atomic on one filesystem). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Write a whole file atomically: temp file in the same directory, then rename. A reader never sees
 * a half-written file, and a crash leaves the old file (or none) in place.
 */
export function atomicWriteFileSync(path: string, data: string | Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw writeError(error, path);
  }
  const tmp = tempPathFor(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw writeError(error, path);
  }
}

/**
 * A file-system error while writing `path` as an InputError naming it (Node's write error names no
 * path, a rename's names the temp file); any other error unchanged.
 */
function writeError(error: unknown, path: string): unknown {
  if (!isFileSystemError(error)) return error;
  return new InputError(`cannot write: ${error.code}${error.code === 'ENOSPC' ? ' (disk full)' : ''}`, {
    file: path,
  });
}

/**
 * Stream chunks into a temp file and rename on success; on any error the temp file is removed and
 * `path` is untouched. For outputs too large to hold in memory.
 */
export async function atomicWriteStream(
  path: string,
  produce: (write: (chunk: string | Uint8Array) => Promise<void>) => Promise<void>,
): Promise<void> {
  const tmp = tempPathFor(path);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    mkdirSync(dirname(path), { recursive: true });
    handle = await open(tmp, 'w');
  } catch (error) {
    throw writeError(error, path);
  }
  try {
    await produce(async (chunk) => {
      if (typeof chunk === 'string') await handle.write(chunk);
      else await handle.write(chunk);
    });
    await handle.close();
    await rename(tmp, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(tmp, { force: true });
    throw writeError(error, path);
  }
}
