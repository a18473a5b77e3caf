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
