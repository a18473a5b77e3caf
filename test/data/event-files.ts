/** Test helper: small event files in a fresh temp directory. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'segscope-test-'));
let n = 0;

/** Write `content` to a new temp file named `name` (unique per call) and return its path. */
export function eventFile(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** The temp directory the files live in. */
export function eventDir(): string {
  return dir;
}
