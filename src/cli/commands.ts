import type { Command } from './command.js';

/**
 * Every CLI command, one file each. Add a line here when adding a command file.
 * Loaded lazily so `segscope inspect` does not load the transformer stack.
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  encode: { summary: 'turn each user behavior sequence into a vector and write it as .npy', load: async () => (await import('./encode.js')).command },
  generate: { summary: 'write a synthetic event log with planted segments', load: async () => (await import('./generate.js')).command },
  inspect: { summary: 'read and clean an event log; print its counts and the cleaning report', load: async () => (await import('./inspect.js')).command },
};
