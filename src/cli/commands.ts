import type { Command } from './command.js';

/**
 * Every CLI command, one file each. Add a line here when adding a command file.
 * Loaded lazily so `segscope inspect` does not load the transformer stack.
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  demo: {
    summary: 'generate a log with planted segments and run the whole evaluation protocol on it',
    load: async () => (await import('./demo.js')).command,
  },
  inspect: {
    summary: 'read and clean an event log; print its counts and the cleaning report',
    load: async () => (await import('./inspect.js')).command,
  },
  generate: {
    summary: 'write a synthetic event log with planted segments, noise users and bots',
    load: async () => (await import('./generate.js')).command,
  },
  encode: {
    summary: 'turn behavior sequences into one vector per user with an encoder',
    load: async () => (await import('./encode.js')).command,
  },
  cluster: {
    summary: 'cluster a vectors file and write one label per row',
    load: async () => (await import('./cluster.js')).command,
  },
  metrics: {
    summary: 'internal, external and stability indices of a labeling',
    load: async () => (await import('./metrics.js')).command,
  },
  run: {
    summary: 'encode, cluster and evaluate a candidate grid on an event log',
    load: async () => (await import('./run.js')).command,
  },
  evaluate: {
    summary: 'score your own embeddings or labels by the protocol against the baselines',
    load: async () => (await import('./evaluate.js')).command,
  },
  'meta-eval': {
    summary: 'compare evaluation methods by how well they rank candidates on planted-truth logs',
    load: async () => (await import('./meta-eval.js')).command,
  },
  report: {
    summary: 'render results.json as a self-contained HTML evaluation card and Markdown',
    load: async () => (await import('./report.js')).command,
  },
  export: {
    summary: 'save a candidate as a model the library and the service load',
    load: async () => (await import('./export.js')).command,
  },
  drift: {
    summary: 'compare segments across time windows: size shift, matches, migrations, alerts',
    load: async () => (await import('./drift.js')).command,
  },
  serve: {
    summary: 'HTTP service over a saved model: assign, recommend, risk, tags, online updates',
    load: async () => (await import('./serve.js')).command,
  },
};
