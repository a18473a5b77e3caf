import type { FlagSpecs, ParsedFlags } from './flags.js';

/** Where a command writes: stdout for results, stderr for progress and messages. */
export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** One CLI command: a file in src/cli/ exports one of these; `commands.ts` lists them. */
export interface Command {
  name: string;
  summary: string;
  flags: FlagSpecs;
  /** Resolves to the exit code (0 on success). Throw InputError/UsageError for exit 2. */
  run(flags: ParsedFlags, io: CommandIO): Promise<number>;
}
