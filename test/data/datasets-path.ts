/**
 * Where the shared real datasets are: env SEGSCOPE_DATASETS, else `../shared/datasets` relative to
 * the repo root, else the same relative to the nearest ancestor that has one (a git worktree
 * nested one level deeper than the main checkout).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function datasetsPath(): string {
  if (process.env.SEGSCOPE_DATASETS) return process.env.SEGSCOPE_DATASETS;
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const first = join(repoRoot, '../shared/datasets');
  for (let dir = repoRoot; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, '../shared/datasets');
    if (existsSync(candidate)) return candidate;
  }
  return first;
}
