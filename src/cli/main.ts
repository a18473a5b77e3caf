/**
 * `segscope <command>`: dispatch, help, and the exit-code contract (0 ok, 2 bad usage or input,
 * 1 internal failure). The only place that exits.
 */
import { exitCodeOf } from '../util/errors.js';
import { SEGSCOPE_VERSION } from '../util/version.js';
import type { CommandIO } from './command.js';
import { COMMANDS } from './commands.js';
import { formatHelp, parseFlags } from './flags.js';

const version = SEGSCOPE_VERSION;

function topHelp(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length), 8) + 2;
  return [
    `segscope ${version} — which segmentation of user behavior sequences is actually good, and how sure are we?`,
    '',
    'Usage: segscope <command> [options]   (segscope <command> --help for its options)',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}${COMMANDS[n].summary}`),
  ].join('\n');
}

/** Run the CLI; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  io: CommandIO = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${topHelp()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (entry === undefined) {
    io.stderr.write(`segscope: unknown command "${name}"\n\n${topHelp()}\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    const flags = parseFlags(name, rest, command.flags);
    if (flags.help) {
      io.stdout.write(`${formatHelp(name, command.summary, command.flags)}\n`);
      return 0;
    }
    return await command.run(flags, io);
  } catch (error) {
    const code = exitCodeOf(error);
    // Exit 2 is bad usage or input (library parameter checks surface as RangeError): the message
    // alone. Anything else is an internal failure: the stack.
    if (code === 2) io.stderr.write(`segscope ${name}: ${(error as Error).message}\n`);
    else io.stderr.write(`segscope ${name}: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return code;
  }
}
