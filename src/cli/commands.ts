import type { Command } from './command.js';

/**
 * Every CLI command, one file each. Add a line here when adding a command file.
 * Loaded lazily so `segscope inspect` does not load the transformer stack.
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  metrics: {
    summary: 'internal and external cluster validity indices of a labeling',
    load: async () => (await import('./metrics.js')).command,
  },
  inspect: { summary: 'read and clean an event log; print its counts and the cleaning report', load: async () => (await import('./inspect.js')).command },
  generate: { summary: 'write a synthetic event log with planted segments, noise users and bots', load: async () => (await import('./generate.js')).command },
  cluster: { summary: 'cluster a vectors file and write one label per row', load: async () => (await import('./cluster.js')).command },
};
