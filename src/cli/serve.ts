/** `segscope serve`: the HTTP service over a saved model, until SIGTERM or SIGINT. */
import { join } from 'node:path';
import { loadFittedSegments, loadModel } from '../serve/saved-model.js';
import { ServedModel } from '../serve/served-model.js';
import { buildServer } from '../serve/server.js';
import { UsageError } from '../util/errors.js';
import type { Command } from './command.js';
import { flag } from './flags.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export const command: Command = {
  name: 'serve',
  summary: 'serve a saved model over HTTP: assign, recommend, events, segments, healthz, metrics',
  flags: {
    model: {
      type: 'string',
      description: 'model folder written by segscope export',
      required: true,
      placeholder: 'DIR',
    },
    port: { type: 'number', description: 'TCP port (0: any free port)', default: 8080 },
    host: { type: 'string', description: 'address to bind', default: '127.0.0.1' },
    token: {
      type: 'string',
      description: 'bearer token (required when --host is not loopback; or env SEGSCOPE_TOKEN)',
      placeholder: 'T',
    },
    journal: {
      type: 'string',
      description: 'append-only log of /v1/events (default: MODEL/events.jsonl)',
      placeholder: 'FILE',
    },
    'body-limit': { type: 'number', description: 'largest request body in bytes', default: 1048576 },
  },
  async run(flags, io) {
    const dir = flag.string(flags, 'model')!;
    const host = flag.string(flags, 'host')!;
    const port = flag.number(flags, 'port')!;
    const token = flag.string(flags, 'token') ?? process.env.SEGSCOPE_TOKEN;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port (${port}) must be an integer in [0, 65535]`);
    if (!LOOPBACK.has(host) && (token === undefined || token.length < 16)) {
      throw new UsageError(`binding ${host} (beyond loopback) needs --token of at least 16 characters`);
    }
    const model = await ServedModel.create(loadModel(dir));
    const app = await buildServer({
      model,
      journalPath: flag.string(flags, 'journal') ?? join(dir, 'events.jsonl'),
      token,
      bodyLimit: flag.number(flags, 'body-limit'),
      fittedSegments: loadFittedSegments(dir),
    });
    const address = await app.listen({ host, port });
    io.stdout.write(`segscope serve: ${model.model.candidate.id} on ${address}\n`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        io.stderr.write(`segscope serve: ${signal}, closing\n`);
        app.close().then(resolve, resolve);
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    return 0;
  },
};
