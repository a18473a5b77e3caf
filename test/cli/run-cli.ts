import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** Run `segscope <argv>` in-process with captured stdout and stderr (tests only). */
export async function runCli(
  argv: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stderr.on('data', (c) => {
    err += c;
  });
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: out, stderr: err };
}

/**
 * `segscope generate --users U --segments K --difficulty easy --seed S --out <out> <flags>` (tests
 * only): an easy generated log for the commands that read one; throws unless it exits 0.
 */
export async function generateEasyLog(
  out: string,
  options: { users: number; segments: number; seed: number },
  ...flags: string[]
): Promise<void> {
  const { users, segments, seed } = options;
  const r = await runCli([
    'generate',
    '--users',
    String(users),
    '--segments',
    String(segments),
    '--difficulty',
    'easy',
    '--seed',
    String(seed),
    '--out',
    out,
    ...flags,
  ]);
  if (r.code !== 0) throw new Error(`generateEasyLog: segscope generate exited ${r.code}: ${r.stderr}`);
}
