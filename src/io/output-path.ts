/**
 * Up-front checks that an output path can be written, so a command fails with exit 2 before its
 * work rather than after it. Nothing is created: the check looks at the path and its nearest
 * existing ancestor (which the atomic writers would create the missing folders under).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';

/** The stat of `path`, or undefined when nothing is there (or a file sits where a folder would be). */
function statOf(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The nearest existing ancestor of `path` must be a writable folder. */
function checkAncestor(path: string, flag: string): void {
  let dir = dirname(resolve(path));
  for (let stat = statOf(dir); stat === undefined; stat = statOf(dir)) dir = dirname(dir);
  if (!statSync(dir).isDirectory())
    throw new UsageError(`--${flag} ${path}: cannot be created, ${dir} is not a folder`);
  if (!writable(dir)) throw new UsageError(`--${flag} ${path}: folder ${dir} is not writable`);
}

/**
 * A file that a command will write atomically (a temp file beside it, renamed over it: so what
 * matters is the folder, not the old file's permissions).
 * @throws UsageError (exit 2) naming the flag when `path` is a folder or another non-regular file
 *   (a device, a pipe), or cannot be created under its nearest existing ancestor.
 */
export function checkOutputFile(path: string, flag: string): void {
  const stat = statOf(path);
  if (stat?.isDirectory()) throw new UsageError(`--${flag} ${path}: is a folder, not a file`);
  // The rename would replace a device, pipe or socket with a regular file.
  if (stat !== undefined && !stat.isFile()) throw new UsageError(`--${flag} ${path}: is not a regular file`);
  checkAncestor(path, flag);
}

/**
 * A folder that a command will write into (created if missing).
 * @throws UsageError (exit 2) naming the flag when `path` is a file, or is not writable, or
 *   cannot be created under its nearest existing ancestor.
 */
export function checkOutputFolder(path: string, flag: string): void {
  const stat = statOf(path);
  if (stat !== undefined && !stat.isDirectory())
    throw new UsageError(`--${flag} ${path}: is a file, not a folder`);
  if (stat === undefined) checkAncestor(path, flag);
  else if (!writable(path)) throw new UsageError(`--${flag} ${path}: is not writable`);
}
