import type { Command } from './command.js';

/**
 * Every CLI command, one file each. Add a line here when adding a command file.
 * Loaded lazily so `segscope inspect` does not load the transformer stack.
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  generate: { summary: 'write a synthetic event log with planted segments', load: async () => (await import('./generate.js')).command },
  demo: { summary: 'generate a log with planted segments and run the whole protocol on it', load: async () => (await import('./demo.js')).command },
  'meta-eval': { summary: 'compare evaluation methods by how well they rank candidates on planted-truth logs', load: async () => (await import('./meta-eval.js')).command },
  run: { summary: 'encode, cluster and evaluate a candidate grid on an event log', load: async () => (await import('./run.js')).command },
  inspect: { summary: 'read and clean an event log; print its counts and the cleaning report', load: async () => (await import('./inspect.js')).command },
};
